import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { DEMO_ACCOUNT } from "../local/fleet/demo-fleet";
import { LOCAL_REGION } from "../local/local-clients";
import type { LocalStack } from "../local/stack/local-stack";
import { percentile } from "./stats";

/* What the change-history and report benches share: the table, the LookupEvents counter, latency summaries. */

export const TABLE = "Shop";
export const MINUTE = 60_000;
export const tablePath = `/api/tables/${encodeURIComponent(TABLE)}`;

/** The event sources the dashboard looks up, one paged LookupEvents read each (lib/changes/change-target.ts). */
const EVENT_SOURCES = ["dynamodb.amazonaws.com", "autoscaling.amazonaws.com"] as const;
/** LookupEvents' largest page, which the dashboard asks for (lib/server/changes/scope-changes.ts). */
const LOOKUP_PAGE_SIZE = 50;
/** CHANGE_LEAD_MINUTES' default: the bench stack's environment does not set it, so each read starts this far before the window. */
export const CHANGE_LEAD_MS = 30 * MINUTE;

export type Summary = { n: number; p50Ms: number; p95Ms: number; maxMs: number };
export const round = (ms: number) => Math.round(ms * 10) / 10;
export const summary = (values: number[]): Summary => ({ n: values.length, p50Ms: round(percentile(values, 50)), p95Ms: round(percentile(values, 95)), maxMs: round(Math.max(...values)) });

export type Fetched = { ms: number; status: number; contentType: string; text: string };

export async function get(baseUrl: string, path: string): Promise<Fetched> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  return { ms: performance.now() - started, status: response.status, contentType: response.headers.get("content-type") ?? "", text };
}

export async function getOk(baseUrl: string, path: string): Promise<Fetched> {
  const fetched = await get(baseUrl, path);
  if (fetched.status !== 200) throw new Error(`${path}: HTTP ${fetched.status}: ${fetched.text.slice(0, 300)}`);
  return fetched;
}

/**
 * Loads a route's code on a fresh dashboard without any AWS call: a request it refuses while parsing its query (a
 * range it does not know, a report without its window) is a 400 before anything is read.
 */
export async function loadRoute(baseUrl: string, refusedPath: string): Promise<void> {
  const fetched = await get(baseUrl, refusedPath);
  if (fetched.status !== 400) throw new Error(`${refusedPath} answered ${fetched.status}, not 400: ${fetched.text.slice(0, 300)}`);
}

const statsSchema = z.object({ operations: z.record(z.string(), z.number()) });

/** The local CloudTrail's LookupEvents count since its last reset (its /_local/stats; only the dashboard looks up). */
export async function lookupCalls(stack: LocalStack): Promise<number> {
  const response = await fetch(`${stack.cloudtrail.endpoint}/_local/stats`);
  return statsSchema.parse(await response.json()).operations.LookupEvents ?? 0;
}

export async function resetLookupCalls(stack: LocalStack): Promise<void> {
  const response = await fetch(`${stack.cloudtrail.endpoint}/_local/stats/reset`, { method: "POST" });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${stack.cloudtrail.endpoint}/_local/stats/reset answered ${response.status}`);
}

export type ReadWindow = { startMs: number; endMs: number };
export type WindowEvents = { events: Record<string, number>; expectedLookups: number };

/**
 * What the local CloudTrail holds for one read window, per event source, and the lookups reading it takes: one page
 * of up to 50 per source, at least one each. Read from its store, not through LookupEvents, so it costs no call.
 */
export function eventsIn(stack: LocalStack, window: ReadWindow): WindowEvents {
  const scope = { accountId: DEMO_ACCOUNT.accountId, region: LOCAL_REGION };
  const events: Record<string, number> = {};
  let expectedLookups = 0;
  for (const source of EVENT_SOURCES) {
    const found = stack.cloudtrail.store.lookup(scope, { attribute: { key: "EventSource", value: source }, startMs: window.startMs, endMs: window.endMs }, 100_000).events.length;
    events[source] = found;
    expectedLookups += Math.max(1, Math.ceil(found / LOOKUP_PAGE_SIZE));
  }
  return { events, expectedLookups };
}

/**
 * Waits until a run of `budgetMs` fits in what is left of the wall-clock minute: a live window is aligned to the
 * minute and its change history cached for a minute at most, so a run that crossed one would read a second window.
 */
export async function fitInMinute(budgetMs: number): Promise<void> {
  for (;;) {
    const intoMinute = Date.now() % MINUTE;
    if (intoMinute >= 500 && intoMinute + budgetMs < MINUTE) return;
    await sleep(500);
  }
}
