import type { AggregateOn, ParsedRuleDefinition } from "./insight-rule-definition";

export const INSIGHT_METRIC_NAMES = [
  "UniqueContributors",
  "MaxContributorValue",
  "SampleCount",
  "Average",
  "Sum",
  "Minimum",
  "Maximum",
] as const;
export type InsightMetricName = (typeof INSIGHT_METRIC_NAMES)[number];

/** What one contributor did in one stored minute. */
export type ContributorMinute = { keys: string[]; count: number; sum: number; min: number; max: number };

export type InsightReportRequest = {
  /** Inclusive: minutes starting before it are left out. */
  startMs: number;
  /** Exclusive. */
  endMs: number;
  periodSeconds: number;
  maxContributorCount: number;
  orderBy: "Sum" | "Maximum";
  metrics: InsightMetricName[];
};

export type InsightReport = {
  keyLabels: string[];
  aggregationStatistic: AggregateOn;
  aggregateValue: number;
  approximateUniqueCount: number;
  contributors: { keys: string[]; approximateAggregateValue: number; datapoints: { timestampMs: number; approximateValue: number }[] }[];
  metricDatapoints: ({ timestampMs: number } & Partial<Record<InsightMetricName, number>>)[];
};

type Totals = { keys: string[]; count: number; sum: number; min: number; max: number };

function merge(target: Totals, source: ContributorMinute): void {
  target.count += source.count;
  target.sum += source.sum;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
}

/**
 * Builds a GetInsightRuleReport answer from per-minute contributor data. A contributor's value in a
 * period is its summed ValueOf (AggregateOn Sum) or its number of matching events (Count). Contributors
 * are ranked by the sum of their period values (OrderBy Sum) or by their largest period value
 * (OrderBy Maximum), and that ranking statistic is their ApproximateAggregateValue. The local
 * numbers are exact; AWS calls them approximate.
 */
export function buildInsightReport(
  minutes: Iterable<[number, Map<string, ContributorMinute>]>,
  definition: ParsedRuleDefinition,
  request: InsightReportRequest,
): InsightReport {
  const periodMs = request.periodSeconds * 1000;
  const periods = new Map<number, Map<string, Totals>>();
  let widestKey = 0;
  for (const [minuteMs, contributors] of minutes) {
    if (minuteMs < request.startMs || minuteMs >= request.endMs) continue;
    const periodStart = Math.floor(minuteMs / periodMs) * periodMs;
    let period = periods.get(periodStart);
    if (!period) {
      period = new Map();
      periods.set(periodStart, period);
    }
    for (const [key, minute] of contributors) {
      widestKey = Math.max(widestKey, minute.keys.length);
      const totals = period.get(key);
      if (totals) merge(totals, minute);
      else period.set(key, { ...minute, keys: [...minute.keys] });
    }
  }

  const valueOf = (totals: Totals) => (definition.aggregateOn === "Count" ? totals.count : totals.sum);
  const ordered = [...periods.entries()].sort((a, b) => a[0] - b[0]);
  const byContributor = new Map<string, { keys: string[]; sum: number; max: number; datapoints: { timestampMs: number; approximateValue: number }[] }>();
  let aggregateValue = 0;
  for (const [timestampMs, contributors] of ordered) {
    for (const [key, totals] of contributors) {
      const value = valueOf(totals);
      aggregateValue += value;
      const entry = byContributor.get(key) ?? { keys: totals.keys, sum: 0, max: Number.NEGATIVE_INFINITY, datapoints: [] };
      entry.sum += value;
      entry.max = Math.max(entry.max, value);
      entry.datapoints.push({ timestampMs, approximateValue: value });
      byContributor.set(key, entry);
    }
  }

  const rank = (entry: { sum: number; max: number }) => (request.orderBy === "Maximum" ? entry.max : entry.sum);
  const contributors = [...byContributor.entries()]
    .sort(([keyA, a], [keyB, b]) => rank(b) - rank(a) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .slice(0, request.maxContributorCount)
    .map(([, entry]) => ({ keys: entry.keys, approximateAggregateValue: rank(entry), datapoints: entry.datapoints }));

  const wanted = new Set(request.metrics);
  const metricDatapoints =
    wanted.size === 0
      ? []
      : ordered.map(([timestampMs, period]) => {
          const all = [...period.values()];
          // Reductions rather than Math.max(...spread): a busy period can hold more contributors than the call stack takes arguments.
          const values = all.map(valueOf);
          const sum = values.reduce((total, value) => total + value, 0);
          const computed: Record<InsightMetricName, number> = {
            UniqueContributors: all.length,
            MaxContributorValue: values.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY),
            SampleCount: all.reduce((total, totals) => total + totals.count, 0),
            Sum: sum,
            Average: sum / all.length,
            Minimum: all.reduce((min, totals) => Math.min(min, totals.min), Number.POSITIVE_INFINITY),
            Maximum: all.reduce((max, totals) => Math.max(max, totals.max), Number.NEGATIVE_INFINITY),
          };
          const point: { timestampMs: number } & Partial<Record<InsightMetricName, number>> = { timestampMs };
          for (const name of INSIGHT_METRIC_NAMES) if (wanted.has(name)) point[name] = computed[name];
          return point;
        });

  return {
    keyLabels: definition.keyLabels ?? Array.from({ length: widestKey }, (_, index) => `Key${index + 1}`),
    aggregationStatistic: definition.aggregateOn,
    aggregateValue,
    approximateUniqueCount: byContributor.size,
    contributors,
    metricDatapoints,
  };
}
