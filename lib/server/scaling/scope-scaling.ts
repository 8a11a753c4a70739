import "server-only";
import {
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
} from "@aws-sdk/client-application-auto-scaling";
import { AppError } from "@/lib/errors/app-error";
import { metricsTtlMs, type MetricWindow } from "@/lib/metrics/metric-window";
import type { ScopeActivity, ScopePolicy, ScopeScalingData, ScopeScheduledAction, ScopeTarget } from "@/lib/scaling/scope-scaling-data";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { autoscaling } from "@/lib/server/aws/clients";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { scalingFailure, type ScalingOperation } from "./scaling-failure";
import { scopeActivity, scopePolicy, scopeScheduledAction, scopeTarget } from "./scaling-wire";

/*
 * Every DynamoDB scalable target, policy, scheduled action and recent activity of an account and region, read once
 * whoever asks. Application Auto Scaling lists a whole namespace when no ResourceIds are given, so one paged read per
 * operation serves every table page, the overview and the fleet: 50 viewers, or the overview of 100 tables, cost what
 * one table page does. Settings change rarely and take effect through CloudWatch alarms evaluated once a minute, so
 * they are cached a minute; activities are cached like the window's metrics (a minute while it reaches now).
 */

const SETTINGS_TTL_MS = 60_000;
/** DescribeScalableTargets, DescribeScheduledActions and DescribeScalingActivities return up to 50 a page... */
const PAGE_SIZE = 50;
/** ...DescribeScalingPolicies up to 10 (the API reference's MaxResults ranges). */
const POLICY_PAGE_SIZE = 10;
/** Far beyond any region's targets (a quota of a few thousand per service): paging past it is a fault, not an account. */
const MAX_SETTINGS_PAGES = 1_000;
/** Activities beyond this many pages (newest first) are left unread; the data says from when it is complete. */
const MAX_ACTIVITY_PAGES = 40;

export type ScopeSettings = Pick<ScopeScalingData, "targets" | "policies" | "scheduledActions"> & { fetchedAt: number };
type ScopeActivities = Pick<ScopeScalingData, "activities" | "activitiesFrom">;

const settingsCache = new TtlCache<ScopeSettings>(1_000);
const activitiesCache = new TtlCache<ScopeActivities>(1_000);

type Page<T> = { items: T[]; nextToken: string | undefined };

async function readAll<T>(operation: ScalingOperation, read: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (pages >= MAX_SETTINGS_PAGES) throw new AppError("UPSTREAM", `Application Auto Scaling failed: ${operation} kept paging past ${MAX_SETTINGS_PAGES} pages.`);
    const page = await read(nextToken).catch((error: unknown) => {
      throw scalingFailure(error, operation);
    });
    pages++;
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

async function readSettings(scope: Scope): Promise<ScopeSettings> {
  const client = autoscaling(scope);
  const ServiceNamespace = "dynamodb" as const;
  const [targets, policies, scheduledActions] = await Promise.all([
    readAll<ScopeTarget>("DescribeScalableTargets", async (NextToken) => {
      const output = await client.send(new DescribeScalableTargetsCommand({ ServiceNamespace, MaxResults: PAGE_SIZE, NextToken }));
      return { items: (output.ScalableTargets ?? []).map(scopeTarget), nextToken: output.NextToken };
    }),
    readAll<ScopePolicy>("DescribeScalingPolicies", async (NextToken) => {
      const output = await client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace, MaxResults: POLICY_PAGE_SIZE, NextToken }));
      return { items: (output.ScalingPolicies ?? []).map(scopePolicy), nextToken: output.NextToken };
    }),
    readAll<ScopeScheduledAction>("DescribeScheduledActions", async (NextToken) => {
      const output = await client.send(new DescribeScheduledActionsCommand({ ServiceNamespace, MaxResults: PAGE_SIZE, NextToken }));
      return { items: (output.ScheduledActions ?? []).map(scopeScheduledAction), nextToken: output.NextToken };
    }),
  ]);
  return { targets, policies, scheduledActions, fetchedAt: Date.now() };
}

/**
 * The namespace's activities back to `startMs`. DescribeScalingActivities lists them newest first ("ordered by
 * creation date, with the newest scaling activities returned first"), so the read stops at the first page that
 * reaches back before the window; that page's older activities are kept, as the capacity before the window.
 * IncludeNotScaledActivities adds the attempts that did not scale, e.g. AlreadyAtMaxCapacity, which is how a
 * target stuck at its maximum shows.
 */
async function readActivities(scope: Scope, startMs: number): Promise<ScopeActivities> {
  const client = autoscaling(scope);
  const activities: ScopeActivity[] = [];
  let nextToken: string | undefined;
  for (let pages = 0; pages < MAX_ACTIVITY_PAGES; pages++) {
    const output = await client
      .send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "dynamodb", IncludeNotScaledActivities: true, MaxResults: PAGE_SIZE, NextToken: nextToken }))
      .catch((error: unknown) => {
        throw scalingFailure(error, "DescribeScalingActivities");
      });
    const page = (output.ScalingActivities ?? []).map(scopeActivity);
    activities.push(...page);
    nextToken = output.NextToken;
    if (!nextToken || page.some((activity) => activity.start < startMs)) return { activities, activitiesFrom: null };
  }
  // Cut short: complete only from the oldest activity read.
  return { activities, activitiesFrom: activities.reduce<number | null>((oldest, activity) => Math.min(oldest ?? activity.start, activity.start), null) };
}

/** The scope's scalable targets, policies and scheduled actions alone, from the same minute's cached read. */
export async function scopeScalingSettings(scope: Scope, nowMs: number = Date.now()): Promise<ScopeSettings> {
  const minute = Math.floor(nowMs / SETTINGS_TTL_MS);
  return settingsCache.get(JSON.stringify([scopeKey(scope), minute]), SETTINGS_TTL_MS, () => readSettings(scope));
}

/**
 * The scope's auto scaling for a window: settings shared by every caller within the minute of `nowMs`, activities
 * by every caller of the same window while its metrics would be cached; both coalesced while in flight.
 */
export async function scopeScaling(scope: Scope, window: MetricWindow, nowMs: number = Date.now()): Promise<ScopeScalingData> {
  const [settings, activities] = await Promise.all([
    scopeScalingSettings(scope, nowMs),
    activitiesCache.get(JSON.stringify([scopeKey(scope), window.startMs, window.endMs]), metricsTtlMs(window, nowMs), () => readActivities(scope, window.startMs)),
  ]);
  return { ...settings, ...activities };
}
