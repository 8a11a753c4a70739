/**
 * Facts read off a metrics response for the rules: throttle totals and their active windows, and utilization, for
 * the table and each GSI. Missing datapoints stay missing: a series with no datapoint gives no fact at all, never 0.
 */
import { formatPeriod, THROTTLE_CAUSES, type ThrottleCause } from "@/lib/metrics/metric-series";
import type { MetricSeries, MetricsResponse } from "@/lib/metrics/metrics-response";
import { findSeries, hasData } from "@/lib/metrics/series-lookup";
import type { TableDetail } from "@/lib/tables/table-detail";
import type { Evidence, TimeWindow } from "./diagnosis-types";
import { capitalize, count, utcTime, windowText } from "./evidence-text";

export type Direction = "Read" | "Write";

export type SeriesFact = {
  series: MetricSeries;
  /** Sum of the datapoints there are. */
  total: number;
  /** From the first to the end of the last period with a value above 0; null when every datapoint is 0. */
  active: TimeWindow | null;
  peak: { value: number; at: number } | null;
};

export type Capacity = { kind: "provisioned" | "on-demand maximum"; perPeriod: Array<number | null>; series: MetricSeries | null };

export type DirectionFacts = {
  direction: Direction;
  index: string | null;
  /** Read/WriteThrottleEvents: every throttle event, whatever the cause. */
  generic: SeriesFact | null;
  causes: Record<ThrottleCause, SeriesFact | null>;
  /** Generic throttle events while no cause-specific metric counted any (older data, or a cause not published). */
  unexplained: SeriesFact | null;
  /** Consumed units per second (the per-second Sum series). */
  consumed: MetricSeries | null;
  capacity: Capacity | null;
  peakUtilization: { value: number; at: number; consumed: number; limit: number } | null;
  /** The highest utilization in the periods that had throttle events; null when unknown. */
  utilizationWhenThrottled: number | null;
};

export type ResourceFacts = { index: string | null; read: DirectionFacts; write: DirectionFacts };

export const fired = (fact: SeriesFact | null): fact is SeriesFact => fact !== null && fact.total > 0;

export function seriesFact(metrics: MetricsResponse, series: MetricSeries | null): SeriesFact | null {
  if (!series || !hasData(series.values)) return null;
  const periodMs = metrics.period * 1000;
  let total = 0;
  let first: number | null = null;
  let last: number | null = null;
  let peak: SeriesFact["peak"] = null;
  for (const [i, value] of series.values.entries()) {
    const at = metrics.timestamps[i];
    if (value === null || at === undefined) continue;
    total += value;
    if (value > 0) {
      first ??= at;
      last = at;
    }
    if (peak === null || value > peak.value) peak = { value, at };
  }
  const active = first !== null && last !== null ? { start: first, end: last + periodMs } : null;
  return { series, total, active, peak };
}

/** Capacity is published about every 5 minutes: carry each value forward, and the first one back. */
function filled(values: ReadonlyArray<number | null>): Array<number | null> {
  let last = values.find((value) => value !== null) ?? null;
  return values.map((value) => (last = value ?? last));
}

function capacityOf(metrics: MetricsResponse, table: TableDetail, index: string | null, direction: Direction): Capacity | null {
  const detail = index === null ? table : table.gsis.find((gsi) => gsi.name === index);
  const constant = (value: number | null | undefined) => (value ? metrics.timestamps.map(() => value) : null);
  const key = direction === "Read" ? "read" : "write";
  const provisioned = findSeries(metrics, { metric: `Provisioned${direction}CapacityUnits`, stat: "Average", index });
  if (provisioned && hasData(provisioned.values)) return { kind: "provisioned", perPeriod: filled(provisioned.values), series: provisioned };
  // Without CloudWatch's history, the table's current settings are the best there is.
  const setting = constant(detail?.provisioned?.[key]);
  if (setting && table.billingMode === "PROVISIONED") return { kind: "provisioned", perPeriod: setting, series: provisioned };
  const max = findSeries(metrics, { metric: `OnDemandMax${direction}RequestUnits`, stat: "Maximum", index });
  if (max && hasData(max.values)) return { kind: "on-demand maximum", perPeriod: filled(max.values), series: max };
  const maxSetting = constant(detail?.onDemandMax?.[key]);
  return maxSetting ? { kind: "on-demand maximum", perPeriod: maxSetting, series: max } : null;
}

function directionFacts(metrics: MetricsResponse, table: TableDetail, index: string | null, direction: Direction): DirectionFacts {
  const fact = (metric: string) => seriesFact(metrics, findSeries(metrics, { metric, stat: "Sum", index }));
  const generic = fact(`${direction}ThrottleEvents`);
  const causes = Object.fromEntries(THROTTLE_CAUSES.map(({ cause, metricPart }) => [cause, fact(`${direction}${metricPart}`)])) as Record<ThrottleCause, SeriesFact | null>;
  const explained = Object.values(causes).some(fired);
  const consumed = findSeries(metrics, { metric: `Consumed${direction}CapacityUnits`, stat: "Sum", index, perSecond: true });
  const capacity = capacityOf(metrics, table, index, direction);
  const throttledAt = (i: number) => [generic, ...Object.values(causes)].some((entry) => (entry?.series.values[i] ?? 0) > 0);

  let peakUtilization: DirectionFacts["peakUtilization"] = null;
  let utilizationWhenThrottled: number | null = null;
  for (const [i, value] of (consumed?.values ?? []).entries()) {
    const limit = capacity?.perPeriod[i] ?? null;
    const at = metrics.timestamps[i];
    if (value === null || limit === null || limit <= 0 || at === undefined) continue;
    const utilization = value / limit;
    if (peakUtilization === null || utilization > peakUtilization.value) peakUtilization = { value: utilization, at, consumed: value, limit };
    if (throttledAt(i)) utilizationWhenThrottled = Math.max(utilizationWhenThrottled ?? 0, utilization);
  }
  return { direction, index, generic, causes, unexplained: fired(generic) && !explained ? generic : null, consumed, capacity, peakUtilization, utilizationWhenThrottled };
}

/** The table first, then each GSI (from the description, and any other GSI the metrics mention). */
export function resourceFacts(metrics: MetricsResponse, table: TableDetail): ResourceFacts[] {
  const fromSeries = metrics.series.map((series) => series.scope.index).filter((index): index is string => index !== null);
  const indexes = [null, ...new Set([...table.gsis.map((gsi) => gsi.name), ...fromSeries])];
  return indexes.map((index) => ({ index, read: directionFacts(metrics, table, index, "Read"), write: directionFacts(metrics, table, index, "Write") }));
}

/** The indexes of the periods in which any throttle metric of this direction counted events. */
export function throttledPeriods(facts: DirectionFacts): Set<number> {
  const periods = new Set<number>();
  for (const fact of [facts.generic, ...Object.values(facts.causes)]) {
    fact?.series.values.forEach((value, i) => {
      if (value !== null && value > 0) periods.add(i);
    });
  }
  return periods;
}

/** Every throttle fact with events, for both directions. */
export function firedThrottles(resource: ResourceFacts): SeriesFact[] {
  return [resource.read, resource.write].flatMap((facts) => [facts.generic, ...Object.values(facts.causes)].filter(fired));
}

/** "1,204 WriteKeyRangeThroughputThrottleEvents on the index GSI1 between 14:02 and 15:02 UTC (at most 230 per 1 min, at 14:37 UTC)". */
export function throttleEvidence(metrics: MetricsResponse, fact: SeriesFact): Evidence {
  const window = fact.active ?? { start: metrics.start, end: metrics.end };
  const where = fact.series.scope.index === null ? "" : ` on the index ${fact.series.scope.index}`;
  const peak = fact.peak && fact.peak.value > 0 ? ` (at most ${count(fact.peak.value)} per ${formatPeriod(metrics.period)}, at ${utcTime(fact.peak.at)} UTC)` : "";
  return {
    source: "metric",
    metric: fact.series.metric,
    label: `${count(fact.total)} ${fact.series.metric}${where} ${windowText(window)}${peak}`,
    window,
    link: { kind: "chart", seriesId: fact.series.id },
  };
}

const UNIT_WORDS: Record<Direction, string> = { Read: "reads", Write: "writes" };

/** "Writes peaked at 96% of provisioned capacity (48 of 50 WCU/s) at 14:37 UTC". */
export function utilizationEvidence(metrics: MetricsResponse, facts: DirectionFacts, when: "peak" | "throttled" = "peak"): Evidence | null {
  const peak = facts.peakUtilization;
  if (!peak || !facts.consumed) return null;
  const unit = facts.consumed.unit;
  const where = facts.index === null ? "" : ` on the index ${facts.index}`;
  const whenThrottled = when === "throttled" ? facts.utilizationWhenThrottled : null;
  const value = whenThrottled ?? peak.value;
  const detail =
    whenThrottled !== null
      ? ` in the periods with throttle events (${Math.round(peak.value * 100)}% at the window's peak)`
      : ` (${count(peak.consumed)} of ${count(peak.limit)} ${unit}) at ${utcTime(peak.at)} UTC`;
  const label = `${capitalize(UNIT_WORDS[facts.direction])}${where} peaked at ${Math.round(value * 100)}% of ${facts.capacity?.kind ?? "capacity"}${detail}`;
  const window = { start: metrics.start, end: metrics.end };
  return { source: "metric", metric: facts.consumed.metric, label, window, link: { kind: "chart", seriesId: facts.consumed.id } };
}
