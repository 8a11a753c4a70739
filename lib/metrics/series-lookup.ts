import type { MetricsResponse, MetricSeries } from "./metrics-response";
import type { MetricStat } from "./metric-series";

export type SeriesQuery = { metric: string; stat: MetricStat; index?: string | null; operation?: string | null; receivingRegion?: string | null; perSecond?: boolean };

/** One series of a metrics response by what it measures; per-second variants are told apart by their unit. */
export function findSeries(response: MetricsResponse, query: SeriesQuery): MetricSeries | null {
  return (
    response.series.find(
      (series) =>
        series.metric === query.metric &&
        series.stat === query.stat &&
        series.scope.index === (query.index ?? null) &&
        series.scope.operation === (query.operation ?? null) &&
        (series.scope.receivingRegion ?? null) === (query.receivingRegion ?? null) &&
        (query.perSecond === undefined || series.id.endsWith("/per_second") === query.perSecond),
    ) ?? null
  );
}

export const hasData = (values: ReadonlyArray<number | null> | undefined): boolean => Boolean(values?.some((value) => value !== null));

/** Largest value, ignoring gaps; null when there is no data at all (which is not 0). */
export function peak(values: ReadonlyArray<number | null>): { value: number; index: number } | null {
  let best: { value: number; index: number } | null = null;
  values.forEach((value, index) => {
    if (value !== null && (best === null || value > best.value)) best = { value, index };
  });
  return best;
}

export function total(values: ReadonlyArray<number | null>): number | null {
  return hasData(values) ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null;
}

/** consumed / limit per point, as a percentage; null where either is missing or the limit is 0. */
export function utilization(consumed: ReadonlyArray<number | null>, limit: ReadonlyArray<number | null>): Array<number | null> {
  // Provisioned capacity is published every 5 minutes; carry the last known value across the minutes between.
  let last: number | null = null;
  return consumed.map((value, index) => {
    const current = limit[index] ?? null;
    if (current !== null) last = current;
    return value === null || last === null || last === 0 ? null : (value / last) * 100;
  });
}
