import { percentileOf, type Aggregate } from "./metric-aggregate";

export type Statistic =
  | { kind: "Sum" | "Average" | "Minimum" | "Maximum" | "SampleCount" }
  | { kind: "percentile"; percent: number };

const SIMPLE = new Set(["Sum", "Average", "Minimum", "Maximum", "SampleCount"] as const);

// pNN and pNN.NN, 0 to 100, the percentile forms CloudWatch's Stat accepts.
const PERCENTILE = /^p(\d{1,3}(?:\.\d{1,2})?)$/;

/**
 * Parses a GetMetricData `Stat`. Only the five standard statistics and percentiles are supported;
 * CloudWatch's other extended statistics (tm, wm, tc, ts, pr, IQM) are rejected as invalid here.
 */
export function parseStatistic(text: string): Statistic | undefined {
  for (const kind of SIMPLE) if (text === kind) return { kind };
  const match = PERCENTILE.exec(text);
  if (!match?.[1]) return undefined;
  const percent = Number(match[1]);
  return percent >= 0 && percent <= 100 ? { kind: "percentile", percent } : undefined;
}

/** The statistic's value for one period, or undefined when CloudWatch would return no datapoint. */
export function statisticValue(aggregate: Aggregate, statistic: Statistic): number | undefined {
  if (aggregate.sampleCount <= 0) return undefined;
  switch (statistic.kind) {
    case "Sum":
      return aggregate.sum;
    case "Average":
      return aggregate.sum / aggregate.sampleCount;
    case "Minimum":
      return aggregate.minimum;
    case "Maximum":
      return aggregate.maximum;
    case "SampleCount":
      return aggregate.sampleCount;
    case "percentile":
      return percentileOf(aggregate, statistic.percent);
  }
}
