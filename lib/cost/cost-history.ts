import type { ScalingBounds } from "./capacity-simulation";
import type { CostResource } from "./table-cost-input";

/**
 * CloudWatch's datapoints for a cost window, turned into the per-minute series `tableCost` reads. Pure, client-safe;
 * the server fetches (lib/server/cost/table-cost-data.ts). The rules here decide what a missing datapoint means:
 * - consumption: a minute without a datapoint is a minute without traffic (DynamoDB publishes no Consumed* datapoint
 *   for a minute in which nothing was consumed), so it is 0;
 * - provisioned capacity is a setting, billed every hour whether used or not: a minute without a datapoint keeps the
 *   last value reported before it (CloudWatch may report it less often than once a minute), minutes before the first
 *   datapoint take the first one, and a resource with none at all takes what DescribeTable says it has now.
 */

const MINUTE_MS = 60_000;

/** A query's datapoints, ascending; the shape lib/server/metrics/get-metric-data.ts returns. */
export type Points = { readonly timestamps: readonly number[]; readonly values: readonly number[] };

export type FetchedResource = {
  /** null: the table itself. */
  index: string | null;
  consumedRead: Points;
  consumedWrite: Points;
  /** Provisioned resources only: ProvisionedRead/WriteCapacityUnits, Average per minute. */
  provisionedRead?: Points;
  provisionedWrite?: Points;
  /** DescribeTable's capacity now; the fallback where CloudWatch reported none. null: on-demand. */
  currentCapacity: { read: number; write: number } | null;
  storageBytes: number | null;
  onDemandMaximum: { read: number | null; write: number | null } | null;
  scalingBounds: { read?: ScalingBounds; write?: ScalingBounds } | null;
};

export type CostHistory = {
  window: { start: number; end: number };
  resources: CostResource[];
  storageBytes: number;
  notes: string[];
};

/** One value per minute of the window: the sum of the datapoints in each minute, 0 where there are none. */
export function perMinuteSums(points: Points, window: { start: number; end: number }): number[] {
  const minutes = Math.round((window.end - window.start) / MINUTE_MS);
  const series = new Array<number>(minutes).fill(0);
  points.timestamps.forEach((timestamp, position) => {
    const minute = Math.floor((timestamp - window.start) / MINUTE_MS);
    const value = points.values[position];
    if (minute >= 0 && minute < minutes && value !== undefined && Number.isFinite(value)) series[minute] = (series[minute] ?? 0) + value;
  });
  return series;
}

/** One value per minute: each datapoint holds until the next; before the first, the first; with none, `fallback`. */
export function filledForward(points: Points, window: { start: number; end: number }, fallback: number): number[] {
  const minutes = Math.round((window.end - window.start) / MINUTE_MS);
  const series = new Array<number>(minutes).fill(Number.NaN);
  points.timestamps.forEach((timestamp, position) => {
    const minute = Math.floor((timestamp - window.start) / MINUTE_MS);
    const value = points.values[position];
    if (minute >= 0 && minute < minutes && value !== undefined && Number.isFinite(value) && value >= 0) series[minute] = value;
  });
  const first = series.find((value) => !Number.isNaN(value)) ?? fallback;
  let last = first;
  return series.map((value) => (Number.isNaN(value) ? last : (last = value)));
}

function earliest(resources: readonly FetchedResource[]): number | null {
  let first: number | null = null;
  for (const resource of resources) {
    for (const points of [resource.consumedRead, resource.consumedWrite, resource.provisionedRead, resource.provisionedWrite]) {
      const timestamp = points?.timestamps[0];
      if (timestamp !== undefined && (first === null || timestamp < first)) first = timestamp;
    }
  }
  return first;
}

const dateText = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/**
 * The window a month can honestly be extrapolated from. A table that existed through the whole requested window
 * keeps it: its missing minutes were idle. A younger one starts when it was created, or at its first datapoint when
 * CloudWatch has older ones (a table re-created under the same name keeps its metrics, and so does the local demo's
 * simulated history): counting the days before it existed as idle would understate its month.
 */
export function coveredWindow(requested: { start: number; end: number }, createdAt: number | null, resources: readonly FetchedResource[]): { window: { start: number; end: number }; notes: string[] } {
  if (createdAt === null || createdAt <= requested.start) return { window: requested, notes: [] };
  const first = earliest(resources);
  const from = Math.min(createdAt, first ?? createdAt);
  const start = Math.max(requested.start, Math.floor(from / MINUTE_MS) * MINUTE_MS);
  // At least one whole minute, so a table created this minute still has a window (and reports $0 honestly).
  const clipped = { start: Math.min(start, requested.end - MINUTE_MS), end: requested.end };
  if (clipped.start <= requested.start) return { window: requested, notes: [] };
  const days = (clipped.end - clipped.start) / 86_400_000;
  const count = days >= 1 ? Math.floor(days * 10) / 10 : Math.max(1, Math.round(days * 24));
  const span = `${count} ${days >= 1 ? "day" : "hour"}${count === 1 ? "" : "s"}`;
  return {
    window: clipped,
    notes: [`This table's history starts ${dateText(clipped.start)} (${span}), later than the range asked for: the month is extrapolated from ${span} of traffic, so it is rougher than an estimate from the whole range.`],
  };
}

/** The per-minute series of every resource over `window`, and the storage they add up to. */
export function costHistory(window: { start: number; end: number }, fetched: readonly FetchedResource[], provisioned: boolean): CostHistory {
  const notes: string[] = [];
  const resources = fetched.map((resource): CostResource => {
    const fallback = resource.currentCapacity ?? { read: 0, write: 0 };
    return {
      index: resource.index,
      demand: { startMs: window.start, readUnits: perMinuteSums(resource.consumedRead, window), writeUnits: perMinuteSums(resource.consumedWrite, window) },
      provisioned: provisioned
        ? {
            readUnits: filledForward(resource.provisionedRead ?? { timestamps: [], values: [] }, window, fallback.read),
            writeUnits: filledForward(resource.provisionedWrite ?? { timestamps: [], values: [] }, window, fallback.write),
          }
        : null,
      scalingBounds: resource.scalingBounds,
      onDemandMaximum: resource.onDemandMaximum,
      ...(resource.storageBytes === null ? {} : { storageBytes: resource.storageBytes }),
    };
  });
  const unknownSize = fetched.filter((resource) => resource.storageBytes === null).map((resource) => (resource.index === null ? "the table" : `GSI ${resource.index}`));
  if (unknownSize.length > 0) {
    notes.push(`DynamoDB has not reported a size for ${unknownSize.join(", ")} yet (it updates about every six hours), so storage counts it as 0 bytes.`);
    // Per-resource bytes must add up to the total, so with any unknown none are given.
    for (const resource of resources) delete resource.storageBytes;
  }
  const storageBytes = fetched.reduce((sum, resource) => sum + (resource.storageBytes ?? 0), 0);
  return { window, resources, storageBytes, notes };
}
