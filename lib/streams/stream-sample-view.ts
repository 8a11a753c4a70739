import type { JobSnapshot } from "@/lib/jobs/job-types";
import type { Contributor } from "@/lib/insights/insights-types";
import { formatCount } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import { keyText } from "@/lib/items/value-preview";
import type { StreamHeatSeries, StreamSampleParams, StreamSampleResult } from "./stream-types";

/** How the stream sample page presents a sample: pure, so the wording and the heat map's rows are unit-tested. */

/** A rate for people: one decimal under 10 (0.4 writes/s is not 0), whole numbers above. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return "—";
  return value < 10 ? (Math.round(value * 10) / 10).toFixed(1) : formatCount(Math.round(value));
}

export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** "2.10×" of one partition's write limit; `over` when the key's peak reached the limit, where DynamoDB throttles it. */
export function partitionLimitText(ofPartitionLimit: number): { text: string; over: boolean } {
  const digits = ofPartitionLimit < 0.1 ? 3 : 2;
  return { text: `${ofPartitionLimit.toFixed(digits)}×`, over: ofPartitionLimit >= 1 };
}

/**
 * The stream's per-key write units in the key heat map's contributor shape. Each datapoint is an average of write
 * units per second over its column; the heat map draws the values as they are, so the caller labels them per second.
 * Partition caps and throttled counts are Contributor Insights ideas with no stream counterpart: null.
 */
export function heatContributors(heat: StreamHeatSeries): Contributor[] {
  return heat.keys.map((row) => {
    const peak = row.datapoints.reduce<{ t: number; v: number } | null>((best, point) => (best === null || point.v > best.v ? point : best), null);
    return { keys: [keyText(row.key)], total: row.total, peakPerMinute: peak?.v ?? 0, peakAt: peak?.t ?? null, datapoints: row.datapoints, partitionCap: null, throttled: null };
  });
}

/** How a finished stream sample ended, in the job progress view's headline. */
export function streamSampleEndText(job: Pick<JobSnapshot<StreamSampleParams, StreamSampleResult>, "status" | "stopReason" | "params">): string {
  if (job.status === "running") return "Running the stream sample…";
  switch (job.stopReason) {
    case "end":
      return `The stream sample read for its ${formatDuration(job.params.durationSeconds * 1000)}`;
    case "sample-size":
      return `The stream sample stopped at its ${job.params.maxRecords === null ? "record limit" : `limit of ${formatCount(job.params.maxRecords)} records`}`;
    case "throttled":
      return "The stream sample stopped because the stream throttled it";
    case "cancelled":
      return "The stream sample was cancelled";
    case "failed":
      return "The stream sample failed";
    default:
      return `The stream sample ${job.status}`;
  }
}

/** The headline: what was read, over how long, and the rates it found. */
export function sampleHeadline(result: StreamSampleResult): string {
  const seconds = Math.max(0, result.window.end - result.window.start);
  const from = result.startingPosition === "TRIM_HORIZON" ? "from the oldest record the stream held (TRIM_HORIZON)" : "from when it started (LATEST)";
  return `${formatCount(result.records)} writes read over ${formatDuration(seconds)}, ${from}: ${formatRate(result.writesPerSecond)} writes/s on average, ${formatRate(result.peakWritesPerSecond)} writes/s in the busiest second.`;
}
