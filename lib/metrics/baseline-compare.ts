/**
 * The difference between a window and its baseline (the same window a day or a week earlier): reads and writes
 * (consumed capacity), requests and throttle events, as ratios of totals and of peaks, and the phrase the summary line
 * uses ("writes 3.1× the same hour last week"). Client-safe, pure.
 *
 * Missing data stays missing: a side with no datapoint at all has no total (never 0), and a comparison against it is
 * "no-baseline" or "no-data". Throttle events are the exception DynamoDB makes itself: it publishes them only when it
 * turns a request away, so on a side that has traffic figures their absence means none.
 */
import { BASELINE_LABEL, type BaselineOffset } from "./baseline-window";
import { DYNAMODB_OPERATIONS } from "./metric-series";
import type { MetricSeries, MetricsBaseline, MetricsResponse } from "./metrics-response";
import { findSeries } from "./series-lookup";

export const BASELINE_MEASURES = ["reads", "writes", "requests", "throttles"] as const;
export type BaselineMeasure = (typeof BASELINE_MEASURES)[number];

/**
 * One side of a comparison. `total`: consumed units (reads, writes), requests or events over the window; `peak`: the
 * largest value of one period, per second for reads and writes, per period for requests and throttle events.
 */
export type SideStats = { total: number; peak: number; periods: number };

export type ComparisonStatus =
  /** Both sides have data and the baseline is above 0: the ratios are set. */
  | "compared"
  /** The baseline has no datapoint for this measure. */
  | "no-baseline"
  /** The live window has no datapoint for this measure. */
  | "no-data"
  /** Both are 0 (no throttling now or then). */
  | "both-zero"
  /** Some now, none then: no ratio can say how much more. */
  | "from-zero";

export type MeasureComparison = {
  measure: BaselineMeasure;
  live: SideStats | null;
  past: SideStats | null;
  /** live.total / past.total; null unless `compared`. */
  totalRatio: number | null;
  /** live.peak / past.peak; null unless `compared` and the past peak is above 0. */
  peakRatio: number | null;
  status: ComparisonStatus;
};

export type BaselineComparison = {
  offset: BaselineOffset;
  /** The window's length, which decides "the same hour" or "the same time". */
  windowMs: number;
  /** Whether the baseline has at least one datapoint (for this table or index). */
  hasBaselineData: boolean;
  measures: Record<BaselineMeasure, MeasureComparison>;
};

type Values = ReadonlyArray<number | null>;

function sumOf(list: ReadonlyArray<MetricSeries | null>, length: number): Array<number | null> {
  return Array.from({ length }, (_, i) => {
    let sum: number | null = null;
    for (const series of list) {
      const value = series?.values[i] ?? null;
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  });
}

/** Sum and peak over the periods with data, leaving out the period still filling (its counts are incomplete). */
function stats(values: Values, skip: number | null, perSecondToTotal: number): SideStats | null {
  let total = 0;
  let peak = -Infinity;
  let periods = 0;
  values.forEach((value, i) => {
    if (value === null || i === skip) return;
    total += value * perSecondToTotal;
    peak = Math.max(peak, value);
    periods++;
  });
  return periods === 0 ? null : { total, peak, periods };
}

type Sides = Record<BaselineMeasure, Values>;

function measureValues(lookup: MetricsResponse, index: string | null): Sides {
  const length = lookup.timestamps.length;
  const consumed = (kind: "Read" | "Write") => findSeries(lookup, { metric: `Consumed${kind}CapacityUnits`, stat: "Sum", index, perSecond: true })?.values ?? [];
  // DynamoDB publishes request counts per operation, for the table only (never per GSI).
  const requests = index === null ? DYNAMODB_OPERATIONS.map((operation) => findSeries(lookup, { metric: "SuccessfulRequestLatency", stat: "SampleCount", operation, perSecond: false })) : [];
  const throttles = ["ReadThrottleEvents", "WriteThrottleEvents"].map((metric) => findSeries(lookup, { metric, stat: "Sum", index }));
  return { reads: consumed("Read"), writes: consumed("Write"), requests: requests.length > 0 ? sumOf(requests, length) : [], throttles: sumOf(throttles, length) };
}

function compareMeasure(measure: BaselineMeasure, live: SideStats | null, past: SideStats | null): MeasureComparison {
  const base = { measure, live, past, totalRatio: null, peakRatio: null };
  if (!past) return { ...base, status: "no-baseline" };
  if (!live) return { ...base, status: "no-data" };
  if (past.total === 0) return { ...base, status: live.total === 0 ? "both-zero" : "from-zero" };
  return { ...base, status: "compared", totalRatio: live.total / past.total, peakRatio: past.peak > 0 ? live.peak / past.peak : null };
}

/**
 * The live window against its baseline, for the table (index null) or one GSI. Both sides skip the live window's
 * partial period, so a minute still filling does not read as a drop.
 */
export function compareWithBaseline(response: MetricsResponse, baseline: MetricsBaseline, index: string | null = null): BaselineComparison {
  const skip = response.partialFrom === null ? null : response.timestamps.indexOf(response.partialFrom);
  const liveValues = measureValues(response, index);
  // The baseline's values sit on the live timestamps, so the live response with the past series reads like one.
  const pastValues = measureValues({ ...response, series: baseline.series }, index);
  const perSecondToTotal = (measure: BaselineMeasure) => (measure === "reads" || measure === "writes" ? response.period : 1);
  const side = (values: Sides, measure: BaselineMeasure) => stats(values[measure], skip === -1 ? null : skip, perSecondToTotal(measure));
  const hasBaselineData = baseline.series.some((series) => (index === null || series.scope.index === index) && series.values.some((value) => value !== null));
  const traffic = (values: Sides) => ["reads", "writes", "requests"].some((measure) => side(values, measure as BaselineMeasure) !== null);
  const measures = Object.fromEntries(
    BASELINE_MEASURES.map((measure) => {
      let live = side(liveValues, measure);
      let past = side(pastValues, measure);
      if (measure === "throttles") {
        const none = { total: 0, peak: 0, periods: 0 };
        live ??= traffic(liveValues) ? none : null;
        past ??= traffic(pastValues) ? none : null;
      }
      return [measure, compareMeasure(measure, live, past)];
    }),
  ) as Record<BaselineMeasure, MeasureComparison>;
  return { offset: baseline.offset, windowMs: response.end - response.start, hasBaselineData, measures };
}

/** Within this factor either way, two windows read "about the same". */
export const ABOUT_THE_SAME = 1.25;

/** "3.1×", "12×" for a rise; "58% below" for a drop. */
export function ratioText(ratio: number): string {
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  if (ratio >= 1) return `${ratio.toFixed(1)}×`;
  const below = Math.round((1 - ratio) * 100);
  return `${ratio > 0 ? Math.min(99, Math.max(1, below)) : 100}% below`;
}

/** "the same hour last week" for a window up to 90 minutes, "the same time yesterday" for a longer one. */
export function sameTimeText(comparison: Pick<BaselineComparison, "offset" | "windowMs">): string {
  return `the same ${comparison.windowMs <= 90 * 60_000 ? "hour" : "time"} ${BASELINE_LABEL[comparison.offset]}`;
}

function listText(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] ?? ""}`;
}

/**
 * The summary line's phrase: "writes 3.1× the same hour last week", "reads and writes about the same as yesterday",
 * "writes 3.1× the same hour last week, reads about the same", "no baseline data for last week". Reads and writes
 * (consumed capacity) speak first; requests only when neither has figures. Null when the live window has no figures.
 */
export function baselinePhrase(comparison: BaselineComparison): string | null {
  const label = BASELINE_LABEL[comparison.offset];
  if (!comparison.hasBaselineData) return `no baseline data for ${label}`;
  const same = sameTimeText(comparison);
  const capacity = (["writes", "reads"] as const).map((measure) => comparison.measures[measure]);
  const usable = capacity.filter((entry) => entry.status !== "no-data" && entry.status !== "no-baseline");
  const measures = usable.length > 0 ? usable : [comparison.measures.requests].filter((entry) => entry.status !== "no-data" && entry.status !== "no-baseline");
  if (measures.length === 0) return capacity.some((entry) => entry.status === "no-baseline") ? `no baseline data for ${label}` : null;
  const departed: Array<{ text: string; weight: number }> = [];
  const unchanged: string[] = [];
  for (const entry of measures) {
    const ratio = entry.totalRatio;
    if (entry.status === "from-zero") departed.push({ text: `${entry.measure} where there were none ${same}`, weight: Infinity });
    else if (entry.status === "both-zero" || (ratio !== null && ratio < ABOUT_THE_SAME && ratio > 1 / ABOUT_THE_SAME)) unchanged.push(entry.measure);
    else if (ratio === 0) departed.push({ text: `no ${entry.measure}, against some ${same}`, weight: Infinity });
    else if (ratio !== null) departed.push({ text: `${entry.measure} ${ratioText(ratio)} ${same}`, weight: Math.max(ratio, 1 / ratio) });
  }
  const parts = departed.sort((a, b) => b.weight - a.weight).map((entry) => entry.text);
  if (unchanged.length > 0) parts.push(parts.length === 0 ? `${listText(unchanged)} about the same as ${label}` : `${listText(unchanged)} about the same`);
  return parts.join(", ");
}
