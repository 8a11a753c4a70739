import "server-only";
import { BASELINE_OFFSET_MS, baselineBlock, pastWindowProblem, shiftWindow, type BaselineOffset } from "@/lib/metrics/baseline-window";
import { queryKey, type SeriesDefinition } from "@/lib/metrics/metric-series";
import { isLiveWindow, metricsTtlMs, type MetricWindow } from "@/lib/metrics/metric-window";
import type { MetricsBaseline } from "@/lib/metrics/metrics-response";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { fetchMetricData, type MetricPoints } from "./get-metric-data";
import { seriesFromPoints, seriesQueries, type QueryKeyOf } from "./series-queries";

type LoadedPast = { points: Map<string, MetricPoints>; fetchedAt: number };

/**
 * A block holds a table's series (or the diagnosis series of a scope's tables) for a past window and a quarter, so
 * keep the count modest, as the live metrics cache does. A failed read (CloudWatch throttling GetMetricData, say) is
 * asked again at most every 10 s, not once per viewer: nobody is waiting on a baseline the way they wait on the
 * live window.
 */
const cache = new TtlCache<LoadedPast>(64, Date.now, 10_000);

/**
 * CloudWatch's datapoints for a settled window no longer change (DynamoDB's arrive a minute or more late, which
 * SETTLE_MS covers), so a past block is kept for an hour rather than the live window's minute.
 */
export const BASELINE_PAST_TTL_MS = 60 * 60_000;

/**
 * What to read: the series, how their queries are named (several tables in one batch need the table in it), and a
 * string that says which series they are, for the cache key.
 */
export type PastRequest = { definitions: readonly SeriesDefinition[]; keyOf?: QueryKeyOf; shape: string };

/**
 * The series of `request` over the live window shifted back by `offset`, laid on the live window's timestamps (same
 * grid length, same period): ONE fetchMetricData round, batched like the live series (up to 500 queries a call).
 * It reads the block around the past window (baseline-window.ts), cached and coalesced per scope, series and block, so
 * concurrent viewers share one round and a live window's refreshes reuse it until the window slides out of the block.
 * A past window CloudWatch no longer keeps at this period costs nothing and says why, with series without data.
 */
export async function pastSeries(scope: Scope, request: PastRequest, live: MetricWindow, offset: BaselineOffset, nowMs: number): Promise<MetricsBaseline> {
  const offsetMs = BASELINE_OFFSET_MS[offset];
  const past = shiftWindow(live, offsetMs);
  const keyOf = request.keyOf ?? queryKey;
  const base = { offset, offsetMs, start: past.startMs, end: past.endMs };
  const unavailable = pastWindowProblem(past, nowMs);
  if (unavailable !== null) return unreadPast(request, live, offset, nowMs, unavailable);
  // The block starts up to a quarter window earlier; should that cross a retention tier, read just the window.
  const block = baselineBlock(past);
  const range = pastWindowProblem(block, nowMs) === null ? block : past;
  const ttlMs = isLiveWindow(range, nowMs) ? metricsTtlMs(range, nowMs) : BASELINE_PAST_TTL_MS;
  const key = JSON.stringify([scopeKey(scope), request.shape, range.startMs, range.endMs, range.periodSeconds]);
  const { value, outcome } = await cache.lookup(key, ttlMs, async () => {
    const { points } = await fetchMetricData(scope, seriesQueries(request.definitions, range.periodSeconds, keyOf), range);
    return { points, fetchedAt: Date.now() };
  });
  return { ...base, series: seriesFromPoints(request.definitions, value.points, past, keyOf), fetchedAt: value.fetchedAt, cache: outcome };
}

/** The baseline's series without data, and why: nothing could be (or was) read for it. */
export function unreadPast(request: PastRequest, live: MetricWindow, offset: BaselineOffset, nowMs: number, unavailable: string): MetricsBaseline {
  const offsetMs = BASELINE_OFFSET_MS[offset];
  const past = shiftWindow(live, offsetMs);
  const series = seriesFromPoints(request.definitions, new Map(), past, request.keyOf ?? queryKey);
  return { offset, offsetMs, start: past.startMs, end: past.endMs, series, fetchedAt: nowMs, cache: "miss", unavailable };
}
