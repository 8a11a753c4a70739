import type { MetricSample } from "../aws/cloudwatch/metric-store";

export const DYNAMODB_NAMESPACE = "AWS/DynamoDB";

type Series = {
  metricName: string;
  dimensions: Array<{ name: string; value: string }>;
  unit: string;
  minuteMs: number;
  sampleCount: number;
  sum: number;
  minimum: number;
  maximum: number;
  /** Kept only for distributions (latency), so percentiles can be computed downstream. */
  values: Map<number, number> | null;
};

const MINUTE_MS = 60_000;

/**
 * Aggregates DynamoDB-style metrics per minute, as the service publishes them. drain() may be called at any time:
 * a partial minute is published as its own statistic set, and CloudWatch adds sets for the same minute together.
 */
export class MetricRecorder {
  private readonly series = new Map<string, Series>();

  record(metricName: string, dimensions: Record<string, string>, value: number, unit: string, atMs: number, keepValues = false): void {
    const minuteMs = Math.floor(atMs / MINUTE_MS) * MINUTE_MS;
    const sortedDimensions = Object.entries(dimensions)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, dimensionValue]) => ({ name, value: dimensionValue }));
    const id = `${metricName}|${sortedDimensions.map((d) => `${d.name}=${d.value}`).join(",")}|${minuteMs}`;
    let series = this.series.get(id);
    if (!series) {
      series = { metricName, dimensions: sortedDimensions, unit, minuteMs, sampleCount: 0, sum: 0, minimum: value, maximum: value, values: keepValues ? new Map() : null };
      this.series.set(id, series);
    }
    series.sampleCount++;
    series.sum += value;
    series.minimum = Math.min(series.minimum, value);
    series.maximum = Math.max(series.maximum, value);
    series.values?.set(value, (series.values.get(value) ?? 0) + 1);
  }

  drain(): MetricSample[] {
    const samples: MetricSample[] = [];
    for (const series of this.series.values()) {
      const base = { namespace: DYNAMODB_NAMESPACE, metricName: series.metricName, dimensions: series.dimensions, timestampMs: series.minuteMs, unit: series.unit };
      if (series.values) {
        samples.push({ ...base, values: [...series.values].map(([value, count]) => ({ value, count })) });
      } else {
        samples.push({ ...base, statistics: { sampleCount: series.sampleCount, sum: series.sum, minimum: series.minimum, maximum: series.maximum } });
      }
    }
    this.series.clear();
    return samples;
  }

  get pending(): number {
    return this.series.size;
  }
}
