import "server-only";
import { createHash } from "node:crypto";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { diagnosisSeriesDefinitions } from "@/lib/diagnosis/diagnosis-series";
import { placeOnGrid } from "@/lib/metrics/metric-grid";
import { queryKey, scopeDimensions, type SeriesDefinition, type TableSeriesInput } from "@/lib/metrics/metric-series";
import { gridTimestamps, metricsTtlMs, partialFrom, resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import type { CacheStatus, MetricSeries, MetricsResponse, OverviewMetricsResponse } from "@/lib/metrics/metrics-response";
import { OVERVIEW_QUERIES, summarizeOverview, troubleOrder, type OverviewQueryKey, type TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { toAppError } from "@/lib/server/http/error-response";
import { describeTable } from "@/lib/server/tables/describe-table";
import { fetchMetricData, type MetricQuery } from "./get-metric-data";
import { seriesFromPoints, seriesInputFor, seriesQueries } from "./series-queries";

/** A table the overview covers, with its description (GSIs, billing mode); null when it could not be described. */
export type OverviewTable = { name: string; detail: TableDetail | null };

type LoadedOverview = {
  tables: Record<string, TableOverviewMetrics>;
  /** The series the diagnosis reads, per table (described tables only). */
  series: Record<string, MetricSeries[]>;
  order: string[];
  fetchedAt: number;
};

// A few entries per account and region (the table set changes rarely within a minute).
const cache = new TtlCache<LoadedOverview>(256);
/** DescribeTable is cached for 10 s and shared with the table list, which describes every table anyway. */
const DESCRIBE_CONCURRENCY = 8;

/** The overview always looks at the last hour, at one-minute periods: the window a table page's "1h" resolves to. */
export function lastHour(nowMs: number): MetricWindow {
  const resolved = resolveMetricWindow({ range: "1h" }, nowMs);
  if (!resolved.ok) throw new Error(`The overview window did not resolve: ${resolved.message}`);
  return resolved.window;
}

export async function describeForOverview(scope: Scope, tableNames: readonly string[]): Promise<OverviewTable[]> {
  const names = [...new Set(tableNames)].sort();
  return mapWithConcurrency(names, DESCRIBE_CONCURRENCY, async (name) => {
    try {
      return { name, detail: await describeTable(scope, name) };
    } catch (error) {
      // The table list reports a table it cannot describe in its own row; here it only loses its GSI series.
      if (!toAppError(error)) console.error(`[dynamo-lens] overview: describing ${name} failed`, error);
      return { name, detail: null };
    }
  });
}

/** The same input as the table page's; a table that could not be described still gets its table-level series. */
function seriesInputOf({ name, detail }: OverviewTable, periodSeconds: number): TableSeriesInput {
  return detail ? seriesInputFor(detail, periodSeconds) : { table: name, gsis: [], onDemand: false, periodSeconds };
}

function definitionsOf(table: OverviewTable, periodSeconds: number): SeriesDefinition[] {
  return diagnosisSeriesDefinitions(seriesInputOf(table, periodSeconds));
}

const keyFor = (table: string) => (definition: Pick<SeriesDefinition, "metric" | "stat" | "scope">) => JSON.stringify([table, queryKey(definition)]);
const summaryKey = (table: string, query: (typeof OVERVIEW_QUERIES)[number]) => keyFor(table)({ metric: query.metric, stat: query.stat, scope: { table, index: null, operation: null } });

/**
 * Every table's diagnosis series (26 table-level queries, and 16 per GSI) in one list, so tables share GetMetricData
 * calls of up to 500 queries. The overview's 16 summary queries are among them, so the summary costs nothing extra.
 */
async function loadOverview(scope: Scope, tables: readonly OverviewTable[], window: MetricWindow): Promise<LoadedOverview> {
  const queries = new Map<string, MetricQuery>();
  for (const table of tables) {
    for (const query of seriesQueries(definitionsOf(table, window.periodSeconds), window.periodSeconds, keyFor(table.name))) queries.set(query.key, query);
    for (const query of OVERVIEW_QUERIES) {
      const key = summaryKey(table.name, query);
      if (!queries.has(key)) queries.set(key, { key, metric: query.metric, stat: query.stat, dimensions: scopeDimensions({ table: table.name, index: null, operation: null }), periodSeconds: window.periodSeconds });
    }
  }
  const { points } = await fetchMetricData(scope, [...queries.values()], window);
  const summaries: Record<string, TableOverviewMetrics> = {};
  const series: Record<string, MetricSeries[]> = {};
  for (const table of tables) {
    const values = (key: OverviewQueryKey) => {
      const query = OVERVIEW_QUERIES.find((entry) => entry.key === key);
      const fetched = (query && points.get(summaryKey(table.name, query))) ?? { timestamps: [], values: [] };
      return placeOnGrid(window, fetched.timestamps, fetched.values);
    };
    summaries[table.name] = summarizeOverview(values, window.periodSeconds);
    if (table.detail) series[table.name] = seriesFromPoints(definitionsOf(table, window.periodSeconds), points, window, keyFor(table.name));
  }
  return { tables: summaries, series, order: troubleOrder(summaries), fetchedAt: Date.now() };
}

/** The shared batch: one per account and region, set of tables (with their GSIs and billing modes) and aligned window, cached and coalesced. */
async function loadShared(scope: Scope, tables: readonly OverviewTable[], nowMs: number): Promise<{ window: MetricWindow; value: LoadedOverview; outcome: CacheStatus }> {
  const window = lastHour(nowMs);
  // Everything that decides which series are asked (GSIs, units): a table that changes them gets a new batch.
  const shape = tables.map((table) => [table.detail !== null, seriesInputOf(table, window.periodSeconds)]);
  // A hash keeps the key short when hundreds of tables are listed.
  const shapeHash = createHash("sha256").update(JSON.stringify(shape)).digest("base64url");
  const key = JSON.stringify([scopeKey(scope), shapeHash, window.startMs, window.endMs, window.periodSeconds]);
  const { value, outcome } = await cache.lookup(key, metricsTtlMs(window, nowMs), () => loadOverview(scope, tables, window));
  return { window, value, outcome };
}

export type OverviewBatch = {
  overview: OverviewMetricsResponse;
  /** A described table's diagnosis series over the overview's window, as the metrics API would lay them out. */
  metricsFor: (table: string) => MetricsResponse | null;
};

/** The overview's batch for tables already described: the summaries and, per table, what the diagnosis reads. */
export async function overviewBatch(scope: Scope, tables: readonly OverviewTable[], nowMs: number = Date.now()): Promise<OverviewBatch> {
  const { window, value, outcome } = await loadShared(scope, tables, nowMs);
  const timestamps = gridTimestamps(window);
  const overview: OverviewMetricsResponse = { start: window.startMs, end: window.endMs, period: window.periodSeconds, timestamps, tables: value.tables, order: value.order, fetchedAt: value.fetchedAt, cache: outcome };
  const metricsFor = (table: string): MetricsResponse | null => {
    const series = value.series[table];
    if (!series) return null;
    return { table, range: window.range, start: window.startMs, end: window.endMs, period: window.periodSeconds, timestamps, partialFrom: partialFrom(window, nowMs), series, fetchedAt: value.fetchedAt, cache: outcome };
  };
  return { overview, metricsFor };
}

/**
 * The tables overview's last hour for every named table, batched across tables into as few GetMetricData calls as
 * possible, cached for a minute and shared by concurrent viewers and by the overview's diagnosis. Callers pass only
 * exposed tables.
 */
export async function overviewMetrics(scope: Scope, tableNames: readonly string[], nowMs: number = Date.now()): Promise<OverviewMetricsResponse> {
  return (await overviewBatch(scope, await describeForOverview(scope, tableNames), nowMs)).overview;
}
