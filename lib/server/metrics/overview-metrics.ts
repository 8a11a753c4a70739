import "server-only";
import { createHash } from "node:crypto";
import { placeOnGrid } from "@/lib/metrics/metric-grid";
import { scopeDimensions } from "@/lib/metrics/metric-series";
import { gridTimestamps, metricsTtlMs, resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import type { OverviewMetricsResponse } from "@/lib/metrics/metrics-response";
import { OVERVIEW_QUERIES, summarizeOverview, troubleOrder, type OverviewQueryKey, type TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { fetchMetricData, type MetricQuery } from "./get-metric-data";

type LoadedOverview = { tables: Record<string, TableOverviewMetrics>; order: string[]; fetchedAt: number };

const cache = new TtlCache<LoadedOverview>(16);

/** The overview always looks at the last hour, at one-minute periods. */
function lastHour(nowMs: number): MetricWindow {
  const resolved = resolveMetricWindow({ range: "1h" }, nowMs);
  if (!resolved.ok) throw new Error(`The overview window did not resolve: ${resolved.message}`);
  return resolved.window;
}

const queryKeyFor = (table: string, key: string) => JSON.stringify([table, key]);

/** Every table's 16 table-level queries in one list, so tables share GetMetricData calls (31 tables per call). */
async function loadOverview(tableNames: readonly string[], window: MetricWindow): Promise<LoadedOverview> {
  const queries: MetricQuery[] = tableNames.flatMap((table) =>
    OVERVIEW_QUERIES.map((query) => ({
      key: queryKeyFor(table, query.key),
      metric: query.metric,
      stat: query.stat,
      dimensions: scopeDimensions({ table, index: null, operation: null }),
      periodSeconds: window.periodSeconds,
    })),
  );
  const { points } = await fetchMetricData(queries, window);
  const tables: Record<string, TableOverviewMetrics> = {};
  for (const table of tableNames) {
    const series = (key: OverviewQueryKey) => {
      const fetched = points.get(queryKeyFor(table, key)) ?? { timestamps: [], values: [] };
      return placeOnGrid(window, fetched.timestamps, fetched.values);
    };
    tables[table] = summarizeOverview(series, window.periodSeconds);
  }
  return { tables, order: troubleOrder(tables), fetchedAt: Date.now() };
}

/**
 * The tables overview's last hour for every named table, batched across tables into as few GetMetricData calls as
 * possible, cached for a minute and shared by concurrent viewers. Callers pass only exposed tables.
 */
export async function overviewMetrics(tableNames: readonly string[], nowMs: number = Date.now()): Promise<OverviewMetricsResponse> {
  const names = [...new Set(tableNames)].sort();
  const window = lastHour(nowMs);
  // A hash keeps the key short when hundreds of tables are listed.
  const namesHash = createHash("sha256").update(JSON.stringify(names)).digest("base64url");
  const key = JSON.stringify([namesHash, window.startMs, window.endMs, window.periodSeconds]);
  const { value, outcome } = await cache.lookup(key, metricsTtlMs(window, nowMs), () => loadOverview(names, window));
  return {
    start: window.startMs,
    end: window.endMs,
    period: window.periodSeconds,
    timestamps: gridTimestamps(window),
    tables: value.tables,
    order: value.order,
    fetchedAt: value.fetchedAt,
    cache: outcome,
  };
}
