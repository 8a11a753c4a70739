import "server-only";
import { placeOnGrid } from "@/lib/metrics/metric-grid";
import { queryKey, scopeDimensions, type SeriesDefinition, type TableSeriesInput } from "@/lib/metrics/metric-series";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { MetricSeries } from "@/lib/metrics/metrics-response";
import type { TableDetail } from "@/lib/tables/table-detail";
import type { MetricPoints, MetricQuery } from "./get-metric-data";

/**
 * Which series a described table has (its GSIs, its billing mode's units, a global table's other regions). The table
 * page and the overview both start from this, so for the series the diagnosis reads they ask CloudWatch exactly the
 * same queries.
 */
export function seriesInputFor(table: TableDetail, periodSeconds: number): TableSeriesInput {
  return {
    table: table.name,
    gsis: table.gsis.map((gsi) => gsi.name),
    onDemand: table.billingMode === "PAY_PER_REQUEST",
    periodSeconds,
    replicaRegions: table.replicas.map((replica) => replica.region),
  };
}

/** The caller's name for a definition's query; several tables in one batch need the table in it. */
export type QueryKeyOf = (definition: SeriesDefinition) => string;

/** One query per distinct metric, statistic and dimensions: a per-second series shares its per-period twin's query. */
export function seriesQueries(definitions: readonly SeriesDefinition[], periodSeconds: number, keyOf: QueryKeyOf = queryKey): MetricQuery[] {
  const queries = new Map<string, MetricQuery>();
  for (const definition of definitions) {
    const key = keyOf(definition);
    if (!queries.has(key)) queries.set(key, { key, metric: definition.metric, stat: definition.stat, dimensions: scopeDimensions(definition.scope), periodSeconds });
  }
  return [...queries.values()];
}

/** The fetched datapoints as the metrics API's series, on the window's grid; per-second series divided by the period. */
export function seriesFromPoints(definitions: readonly SeriesDefinition[], points: ReadonlyMap<string, MetricPoints>, window: MetricWindow, keyOf: QueryKeyOf = queryKey): MetricSeries[] {
  return definitions.map((definition): MetricSeries => {
    const fetched = points.get(keyOf(definition)) ?? { timestamps: [], values: [] };
    return {
      id: definition.id,
      metric: definition.metric,
      stat: definition.stat,
      unit: definition.unit,
      period: window.periodSeconds,
      scope: definition.scope,
      label: definition.label,
      values: placeOnGrid(window, fetched.timestamps, fetched.values, definition.perSecond ? window.periodSeconds : 1),
    };
  });
}
