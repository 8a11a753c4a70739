import "server-only";
import { DescribeAlarmHistoryCommand, DescribeAlarmsCommand, type AlarmHistoryItem, type CompositeAlarm, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { AppError } from "@/lib/errors/app-error";
import type { DescribedAlarms } from "@/lib/alarms/table-alarm-match";
import { metricsTtlMs, type MetricWindow } from "@/lib/metrics/metric-window";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { cloudwatch } from "@/lib/server/aws/clients";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { cloudWatchFailure } from "@/lib/server/metrics/cloudwatch-failure";

/*
 * Every alarm of an account and region, read once per minute whoever asks: alarms are listed per region (there is no
 * per-table filter besides DescribeAlarmsForMetric, one call per metric), so one paged DescribeAlarms serves every
 * table page, the overview and the fleet at once. CloudWatch evaluates alarms once a period (a minute at the finest
 * for DynamoDB's metrics), so a state read within the same minute is as fresh as a new one.
 */

/** DescribeAlarms' and DescribeAlarmHistory's largest page. */
const MAX_RECORDS = 100;
/** 100,000 alarms is CloudWatch's default quota per region: a listing that pages past it is a fault, not an account. */
const MAX_ALARM_PAGES = 1_000;
/** History beyond this many items (newest first) is left unread, and the response says the history is incomplete. */
const MAX_HISTORY_PAGES = 50;
const STATE_TTL_MS = 60_000;

export type ScopeAlarms = DescribedAlarms & { fetchedAt: number };
export type ScopeHistory = { items: AlarmHistoryItem[]; complete: boolean; error: string | null };

// Keyed per account, region and minute: one entry each, and a few minutes of history windows.
const alarmsCache = new TtlCache<ScopeAlarms>(1_000);
const historyCache = new TtlCache<ScopeHistory>(1_000);

/**
 * A failed alarm read as the error the page shows. Like metrics (cloudwatch-failure.ts), a CloudWatch failure is
 * upstream, never the caller's 403; a missing permission is named so the operator knows which one to grant.
 */
export function alarmsFailure(error: unknown, operation: "DescribeAlarms" | "DescribeAlarmHistory"): unknown {
  if (!(error instanceof Error) || error instanceof ReadOnlyViolationError || error instanceof AppError) return error;
  if (error.name === "AccessDeniedException" || error.name === "AccessDenied") {
    return new AppError("UPSTREAM", `The server's AWS credentials may not call cloudwatch:${operation} (${error.name}), so alarms cannot be read; see the IAM policy in the README.`);
  }
  return cloudWatchFailure(error);
}

async function describeAll(scope: Scope): Promise<ScopeAlarms> {
  const metricAlarms: MetricAlarm[] = [];
  const compositeAlarms: CompositeAlarm[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    if (pages >= MAX_ALARM_PAGES) throw new AppError("UPSTREAM", `CloudWatch failed: DescribeAlarms kept paging past ${MAX_ALARM_PAGES} pages.`);
    // Without AlarmTypes, DescribeAlarms lists metric alarms only; composites must be asked for.
    const output = await cloudwatch(scope)
      .send(new DescribeAlarmsCommand({ AlarmTypes: ["MetricAlarm", "CompositeAlarm"], MaxRecords: MAX_RECORDS, NextToken: nextToken }))
      .catch((error: unknown) => {
        throw alarmsFailure(error, "DescribeAlarms");
      });
    pages++;
    metricAlarms.push(...(output.MetricAlarms ?? []));
    compositeAlarms.push(...(output.CompositeAlarms ?? []));
    nextToken = output.NextToken;
  } while (nextToken);
  return { metricAlarms, compositeAlarms, fetchedAt: Date.now() };
}

/** Every metric and composite alarm of the scope, shared by every caller within the minute of `nowMs` (coalesced while in flight). */
export async function scopeAlarms(scope: Scope, nowMs: number = Date.now()): Promise<ScopeAlarms> {
  const minute = Math.floor(nowMs / STATE_TTL_MS);
  return alarmsCache.get(JSON.stringify([scopeKey(scope), minute]), STATE_TTL_MS, () => describeAll(scope));
}

async function readHistory(scope: Scope, window: MetricWindow): Promise<ScopeHistory> {
  const items: AlarmHistoryItem[] = [];
  let nextToken: string | undefined;
  for (let pages = 0; pages < MAX_HISTORY_PAGES; pages++) {
    const output = await cloudwatch(scope)
      .send(
        new DescribeAlarmHistoryCommand({
          // No AlarmName: one paged read covers every alarm of the region. AlarmTypes: without it only metric alarms' history comes back.
          AlarmTypes: ["MetricAlarm", "CompositeAlarm"],
          HistoryItemType: "StateUpdate",
          StartDate: new Date(window.startMs),
          EndDate: new Date(window.endMs),
          // Newest first, so a history cut short keeps the changes nearest now; older spans are inferred from the state.
          ScanBy: "TimestampDescending",
          MaxRecords: MAX_RECORDS,
          NextToken: nextToken,
        }),
      )
      .catch((error: unknown) => {
        throw alarmsFailure(error, "DescribeAlarmHistory");
      });
    items.push(...(output.AlarmHistoryItems ?? []));
    nextToken = output.NextToken;
    if (!nextToken) return { items, complete: true, error: null };
  }
  return { items, complete: false, error: `DescribeAlarmHistory had more than ${MAX_HISTORY_PAGES * MAX_RECORDS} state changes in the window; the oldest were not read.` };
}

/**
 * Every alarm's state changes in the window: ONE paged DescribeAlarmHistory per scope and window, never one per
 * alarm, cached as long as the window's metrics are (a minute while it reaches now) and coalesced while in flight.
 */
export async function scopeAlarmHistory(scope: Scope, window: MetricWindow, nowMs: number = Date.now()): Promise<ScopeHistory> {
  return historyCache.get(JSON.stringify([scopeKey(scope), window.startMs, window.endMs]), metricsTtlMs(window, nowMs), () => readHistory(scope, window));
}
