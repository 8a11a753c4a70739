import "server-only";
import type { DailyPeak, DailyPeaks } from "@/lib/diagnosis/scaling-rules";
import { scopeDimensions } from "@/lib/metrics/metric-series";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { fetchMetricData, type MetricQuery } from "@/lib/server/metrics/get-metric-data";

/*
 * The last 24 h's peak consumption of every auto scaled table and GSI of a scope, for "the minimum is below the daily
 * peak": ONE GetMetricData batch (up to 500 queries a call) for every table asked about, so the overview pays one
 * extra batch per scope and a table page one small one. Five-minute Sums ÷ 300 s are per-second averages: a day at
 * one-minute resolution would be 1,440 points a query for little gain, since the minimum matters for sustained load.
 */

export const PEAK_PERIOD_SECONDS = 300;
const DAY_MS = 86_400_000;
const periodMs = PEAK_PERIOD_SECONDS * 1000;

export type PeakRequest = { table: string; index: string | null; kind: "read" | "write" };

// Keyed per scope, the five minutes the day ends at, and the resources asked about.
const cache = new TtlCache<Map<string, DailyPeaks>>(1_000);

/** The 24 h ending at the last whole five minutes: every caller within those five minutes reads the same day. */
export function peakWindow(nowMs: number): { startMs: number; endMs: number } {
  const endMs = Math.floor(nowMs / periodMs) * periodMs;
  return { startMs: endMs - DAY_MS, endMs };
}

const keyOf = (request: PeakRequest) => JSON.stringify([request.table, request.index, request.kind]);

async function readPeaks(scope: Scope, requests: readonly PeakRequest[], window: { startMs: number; endMs: number }): Promise<Map<string, DailyPeaks>> {
  const queries: MetricQuery[] = requests.map((request) => ({
    key: keyOf(request),
    metric: request.kind === "read" ? "ConsumedReadCapacityUnits" : "ConsumedWriteCapacityUnits",
    stat: "Sum",
    dimensions: scopeDimensions({ table: request.table, index: request.index, operation: null }),
    periodSeconds: PEAK_PERIOD_SECONDS,
  }));
  const { points } = await fetchMetricData(scope, queries, window);
  const byTable = new Map<string, DailyPeaks>();
  for (const request of requests) {
    const entry = byTable.get(request.table) ?? { window: { start: window.startMs, end: window.endMs }, periodSeconds: PEAK_PERIOD_SECONDS, peaks: [] };
    byTable.set(request.table, entry);
    const series = points.get(keyOf(request));
    let peak: DailyPeak | null = null;
    for (const [position, value] of (series?.values ?? []).entries()) {
      const at = series?.timestamps[position];
      if (at !== undefined && (peak === null || value / PEAK_PERIOD_SECONDS > peak.perSecond)) peak = { index: request.index, kind: request.kind, perSecond: value / PEAK_PERIOD_SECONDS, at };
    }
    // No datapoint is no peak, never a peak of 0.
    if (peak) entry.peaks.push(peak);
  }
  return byTable;
}

/** Each asked table's peaks over the last 24 h (a table asked about with no data has an entry with no peaks). */
export async function dailyPeaks(scope: Scope, requests: readonly PeakRequest[], nowMs: number = Date.now()): Promise<Map<string, DailyPeaks>> {
  if (requests.length === 0) return new Map();
  const window = peakWindow(nowMs);
  const sorted = [...requests].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  return cache.get(JSON.stringify([scopeKey(scope), window.endMs, sorted.map(keyOf)]), periodMs, () => readPeaks(scope, sorted, window));
}
