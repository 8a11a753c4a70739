import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { resolveMetricWindow } from "@/lib/metrics/metric-window";
import type { Scope } from "@/lib/scope/scope";
import { getTableMetrics } from "@/lib/server/metrics/table-metrics";

/** Throttle events of the table and its GSIs in the last hour, or why they could not be read. */
export type RecentThrottling = { checked: true; events: number } | { checked: false; reason: string };

const THROTTLE_METRICS = new Set(["ReadThrottleEvents", "WriteThrottleEvents"]);

/**
 * Sums ReadThrottleEvents and WriteThrottleEvents of the table and every GSI over the last hour, through the cached
 * metrics the capacity section reads. CloudWatch publishes nothing for a minute without throttling, so an empty series
 * is 0 here. A CloudWatch failure is reported, not thrown: it should not stop a sample, only be recorded with it.
 */
export async function recentThrottling(scope: Scope, tableName: string, nowMs: number = Date.now()): Promise<RecentThrottling> {
  const resolved = resolveMetricWindow({ range: "1h" }, nowMs);
  if (!resolved.ok) throw new Error(`The last-hour window did not resolve: ${resolved.message}`);
  try {
    const metrics = await getTableMetrics(scope, tableName, { window: resolved.window, index: null }, nowMs);
    let events = 0;
    for (const series of metrics.series) {
      if (!THROTTLE_METRICS.has(series.metric) || series.scope.operation !== null) continue;
      for (const value of series.values) events += value ?? 0;
    }
    return { checked: true, events };
  } catch (error) {
    // cloudWatchFailure turns every CloudWatch error into an UPSTREAM AppError; anything else is a bug and propagates.
    if (error instanceof AppError && error.code === "UPSTREAM") return { checked: false, reason: error.message };
    throw error;
  }
}
