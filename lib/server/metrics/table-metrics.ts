import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { tableSeriesDefinitions } from "@/lib/metrics/metric-series";
import { gridTimestamps, metricsTtlMs, partialFrom, type MetricWindow } from "@/lib/metrics/metric-window";
import type { MetricSeries, MetricsBaseline, MetricsResponse } from "@/lib/metrics/metrics-response";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { describeTable } from "@/lib/server/tables/describe-table";
import { pastSeries, unreadPast } from "./baseline-metrics";
import { fetchMetricData } from "./get-metric-data";
import type { MetricsParams } from "./metrics-params";
import { seriesFromPoints, seriesInputFor, seriesQueries } from "./series-queries";

type LoadedMetrics = { series: MetricSeries[]; fetchedAt: number };

// An entry holds (table + GSIs) × ~100 series × up to 1,500 points, so keep the count modest.
const cache = new TtlCache<LoadedMetrics>(64);

/** Every series of the table and all its GSIs for one window, read in as few GetMetricData calls as possible. */
async function loadTableMetrics(scope: Scope, table: TableDetail, window: MetricWindow): Promise<LoadedMetrics> {
  const definitions = tableSeriesDefinitions(seriesInputFor(table, window.periodSeconds));
  const { points } = await fetchMetricData(scope, seriesQueries(definitions, window.periodSeconds), window);
  return { series: seriesFromPoints(definitions, points, window), fetchedAt: Date.now() };
}

function checkIndex(table: TableDetail, index: string): void {
  if (table.gsis.some((gsi) => gsi.name === index)) return;
  if (table.lsis.some((lsi) => lsi.name === index)) {
    throw new AppError("BAD_REQUEST", `index: ${index} is a local secondary index; LSIs have no CloudWatch metrics of their own (their traffic counts in the table's).`);
  }
  throw new AppError("BAD_REQUEST", `index: table "${table.name}" has no global secondary index "${index}".`);
}

/**
 * Capacity, throttling and request metrics for an exposed table (a hidden or missing one is a 404) and its GSIs,
 * or the table and one GSI. Viewers of the same table and aligned window share one cached CloudWatch round, and
 * requests arriving while it is in flight join it, whatever index they filter to.
 */
export async function getTableMetrics(scope: Scope, tableName: string, params: MetricsParams, nowMs: number = Date.now()): Promise<MetricsResponse> {
  const table = await describeTable(scope, tableName);
  if (params.index !== null) checkIndex(table, params.index);
  const { window, index } = params;
  const key = JSON.stringify([scopeKey(scope), table.name, window.startMs, window.endMs, window.periodSeconds]);
  // The baseline is one more round, side by side with the live one, cached and shared on its own (baseline-metrics.ts).
  const [{ value, outcome }, baseline] = await Promise.all([
    cache.lookup(key, metricsTtlMs(window, nowMs), () => loadTableMetrics(scope, table, window)),
    params.compare ? tableBaseline(scope, table, window, params.compare, nowMs) : null,
  ]);
  const inIndex = (series: MetricSeries) => index === null || series.scope.index === null || series.scope.index === index;
  return {
    table: table.name,
    range: window.range,
    start: window.startMs,
    end: window.endMs,
    period: window.periodSeconds,
    timestamps: gridTimestamps(window),
    partialFrom: partialFrom(window, nowMs),
    series: value.series.filter(inIndex),
    fetchedAt: value.fetchedAt,
    cache: outcome,
    baseline: baseline ? { ...baseline, series: baseline.series.filter(inIndex) } : null,
  };
}

/**
 * Every series of the table and its GSIs over the window a day or a week earlier, on the live timestamps. The live
 * charts do not depend on it: a CloudWatch failure reading the past is said in `unavailable` (degrade, don't die),
 * while the live window's own failure still fails the response.
 */
async function tableBaseline(scope: Scope, table: TableDetail, window: MetricWindow, offset: NonNullable<MetricsParams["compare"]>, nowMs: number): Promise<MetricsBaseline> {
  const input = seriesInputFor(table, window.periodSeconds);
  // What decides which series are asked (GSIs, units, replicas): a table that changes them gets a new entry.
  const request = { definitions: tableSeriesDefinitions(input), shape: JSON.stringify(["table", input]) };
  try {
    return await pastSeries(scope, request, window, offset, nowMs);
  } catch (error) {
    // Only CloudWatch's own failures (AppError UPSTREAM, from get-metric-data.ts); anything else is a bug to surface.
    if (!(error instanceof AppError)) throw error;
    return unreadPast(request, window, offset, nowMs, error.message);
  }
}
