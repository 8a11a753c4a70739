import type { StreamHeatSeries } from "./stream-types";

/**
 * Writes over time, bucketed by when they were read. Client-safe, pure.
 *
 * A stream record's ApproximateCreationDateTime is rounded down to the second on AWS and to the minute on DynamoDB
 * Local, too coarse for a per-second peak. What is known precisely is when each GetRecords call returned: a batch holds
 * the writes made since the previous call on that shard. So each batch is spread evenly over (previousReadAt, readAt].
 */

/** Adds `amount`, spread evenly over (start, end], to buckets `width` ms wide counted from `origin`. */
export function spreadOver(buckets: Map<number, number>, origin: number, width: number, start: number, end: number, amount: number): void {
  if (amount === 0) return;
  if (end <= start) {
    const bucket = Math.floor((end - 1 - origin) / width);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + amount);
    return;
  }
  const first = Math.floor((start - origin) / width);
  const last = Math.floor((end - 1 - origin) / width);
  for (let bucket = first; bucket <= last; bucket++) {
    const from = Math.max(start, origin + bucket * width);
    const to = Math.min(end, origin + (bucket + 1) * width);
    if (to > from) buckets.set(bucket, (buckets.get(bucket) ?? 0) + (amount * (to - from)) / (end - start));
  }
}

const maxOf = (buckets: Map<number, number>): number => Math.max(0, ...buckets.values());

/** The table's writes and write units per second (one entry per second read: bounded by the sample's duration). */
export class PerSecondSeries {
  private readonly writes = new Map<number, number>();
  private readonly units = new Map<number, number>();

  add(start: number, end: number, writes: number, units: number): void {
    spreadOver(this.writes, 0, 1_000, start, end, writes);
    spreadOver(this.units, 0, 1_000, start, end, units);
  }

  get peakWrites(): number {
    return maxOf(this.writes);
  }

  get peakUnits(): number {
    return maxOf(this.units);
  }
}

export const HEAT_COLUMNS = 120;
export const HEAT_KEYS = 15;
/** Keys with a heat row; past twice this many, the rows of all but the busiest this many are dropped. */
export const HEAT_TRACKED_KEYS = 64;

/** The heat map's period: max(1, ceil(duration / 120)) seconds, so a sample fits in 120 columns. */
export function heatPeriodSeconds(durationSeconds: number): number {
  return Math.max(1, Math.ceil(durationSeconds / HEAT_COLUMNS));
}

/**
 * Write units per key per column, for the busiest keys only. A key gets a row when it writes; once rows outgrow
 * 2 × HEAT_TRACKED_KEYS only the busiest HEAT_TRACKED_KEYS keep theirs, so a key that becomes busy late has a row only
 * from then (its earlier, smaller columns are lost). Should the sample run past 120 columns, the period doubles.
 */
export class HeatColumns {
  private readonly rows = new Map<string, Map<number, number>>();
  private periodMs: number;

  constructor(
    private readonly origin: number,
    periodSeconds: number,
  ) {
    this.periodMs = periodSeconds * 1_000;
  }

  get trackedKeys(): number {
    return this.rows.size;
  }

  add(id: string, start: number, end: number, units: number): void {
    while (Math.floor((end - 1 - this.origin) / this.periodMs) >= HEAT_COLUMNS) this.doublePeriod();
    let row = this.rows.get(id);
    if (!row) {
      row = new Map();
      this.rows.set(id, row);
    }
    spreadOver(row, this.origin, this.periodMs, Math.max(start, this.origin), end, units);
  }

  /** Keeps the rows of the busiest keys by `writes` once there are too many. */
  prune(writes: Map<string, number>): void {
    if (this.rows.size <= 2 * HEAT_TRACKED_KEYS) return;
    const kept = new Set([...this.rows.keys()].sort((a, b) => (writes.get(b) ?? 0) - (writes.get(a) ?? 0)).slice(0, HEAT_TRACKED_KEYS));
    for (const id of this.rows.keys()) if (!kept.has(id)) this.rows.delete(id);
  }

  /** Rows of the given keys: one datapoint per column with writes, its average write units per second. */
  series(keys: Array<{ id: string; total: number }>, toKey: (id: string) => StreamHeatSeries["keys"][number]["key"], window: { start: number; end: number }): StreamHeatSeries {
    const periodSeconds = this.periodMs / 1_000;
    return {
      start: window.start,
      end: window.end,
      periodSeconds,
      keys: keys.map(({ id, total }) => ({
        key: toKey(id),
        total,
        datapoints: [...(this.rows.get(id) ?? new Map<number, number>())]
          .filter(([column]) => column >= 0)
          .sort((a, b) => a[0] - b[0])
          .map(([column, units]) => ({ t: this.origin + column * this.periodMs, v: units / periodSeconds })),
      })),
    };
  }

  private doublePeriod(): void {
    this.periodMs *= 2;
    for (const [id, row] of this.rows) {
      const merged = new Map<number, number>();
      for (const [column, units] of row) merged.set(Math.floor(column / 2), (merged.get(Math.floor(column / 2)) ?? 0) + units);
      this.rows.set(id, merged);
    }
  }
}
