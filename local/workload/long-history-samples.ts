import type { Dimension, MetricSample } from "../aws/cloudwatch/metric-store";
import { DYNAMODB_NAMESPACE } from "../metering/metric-recorder";
import type { MetricsSink } from "../metering/metrics-sink";
import type { LongHistory, LongResource, LongSeries } from "./long-history";

/**
 * The long tail (long-history.ts) as CloudWatch samples, the way DynamoDB publishes them: one statistic set a minute
 * per metric, at the minute's start. Minutes a covered window shares with the tail publish the tail's share of them.
 */

const MINUTE_MS = 60_000;
/** Minutes published per PutMetricData round: a few hours, so the samples of 14 days never sit in memory at once. */
const CHUNK_MINUTES = 240;

const statistics = (sampleCount: number, sum: number, minimum: number, maximum: number) => ({ sampleCount, sum, minimum, maximum });

function dimensionsOf(resource: LongResource): Dimension[] {
  const table = { name: "TableName", value: resource.table };
  return resource.index === null ? [table] : [{ name: "GlobalSecondaryIndexName", value: resource.index }, table];
}

/** What CloudWatch holds for one resource's Consumed*CapacityUnits: each minute's units served × the tail's share of it. */
export function publishedConsumed(history: LongHistory, series: LongSeries): Float64Array {
  return series.consumed.map((units, minute) => {
    const share = history.share[minute] ?? 0;
    // A request count rounded to nothing publishes nothing, as samples() leaves it out.
    return Math.round((series.requests[minute] ?? 0) * share) > 0 ? units * share : 0;
  });
}

/** The samples of minutes [fromMinute, toMinute). */
export function longHistorySamples(history: LongHistory, fromMinute: number, toMinute: number): MetricSample[] {
  const samples: MetricSample[] = [];
  const add = (metricName: string, dimensions: Dimension[], timestampMs: number, set: ReturnType<typeof statistics>) =>
    samples.push({ namespace: DYNAMODB_NAMESPACE, metricName, dimensions, timestampMs, unit: "Count", statistics: set });
  const resources = [...history.series.values()].map((entry) => ({ ...entry, dimensions: dimensionsOf(entry.resource) }));
  const throttledRequests = [...history.throttledRequests].map(([key, perMinute]) => {
    const [table = "", operation = ""] = key.split("|");
    return { perMinute, dimensions: [{ name: "Operation", value: operation }, { name: "TableName", value: table }] };
  });
  for (let minute = Math.max(0, fromMinute); minute < Math.min(history.minutes, toMinute); minute++) {
    const share = history.share[minute] ?? 0;
    if (share <= 0) continue;
    const atMs = history.plan.startMs + minute * MINUTE_MS;
    for (const { resource, read, write, dimensions } of resources) {
      for (const [kind, series] of [["Read", read], ["Write", write]] as const) {
        const requests = Math.round((series.requests[minute] ?? 0) * share);
        if (requests > 0) add(`Consumed${kind}CapacityUnits`, dimensions, atMs, statistics(requests, (series.consumed[minute] ?? 0) * share, series.minUnits[minute] ?? 0, series.maxUnits[minute] ?? 0));
        const throttled = Math.round((series.throttled[minute] ?? 0) * share);
        if (throttled > 0) {
          add(`${kind}ThrottleEvents`, dimensions, atMs, statistics(throttled, throttled, 1, 1));
          add(series.capacity ? `${kind}ProvisionedThroughputThrottleEvents` : `${kind}MaxOnDemandThroughputThrottleEvents`, dimensions, atMs, statistics(throttled, throttled, 1, 1));
        }
        if (!history.publishesCapacity[minute]) continue;
        const capacity = series.capacity?.[minute];
        if (capacity !== undefined) add(`Provisioned${kind}CapacityUnits`, dimensions, atMs, statistics(1, capacity, capacity, capacity));
        const maximum = resource.onDemandMax?.[kind === "Read" ? "read" : "write"] ?? null;
        if (maximum !== null) add(`OnDemandMax${kind}RequestUnits`, dimensions, atMs, statistics(1, maximum, maximum, maximum));
      }
    }
    for (const { perMinute, dimensions } of throttledRequests) {
      const throttled = Math.round((perMinute[minute] ?? 0) * share);
      if (throttled > 0) add("ThrottledRequests", dimensions, atMs, statistics(throttled, throttled, 1, 1));
    }
  }
  return samples;
}

/** Publishes the whole tail a few hours at a time; returns how many samples it published. */
export async function publishLongHistory(history: LongHistory, sink: MetricsSink): Promise<number> {
  let published = 0;
  for (let from = 0; from < history.minutes; from += CHUNK_MINUTES) {
    const samples = longHistorySamples(history, from, from + CHUNK_MINUTES);
    if (samples.length > 0) await sink.putMetrics(samples);
    published += samples.length;
  }
  return published;
}
