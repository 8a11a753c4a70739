/**
 * The statistics of one stored bucket (or of one requested period). SampleCount, Sum, Minimum and
 * Maximum merge exactly, so any period built from stored buckets answers them exactly; the
 * value→count histogram answers percentiles.
 *
 * The histogram costs memory only where it says something: while every sample has one value (Minimum equals
 * Maximum: a capacity setting published once a minute, a throttle count of ones) it is implied by the sample count,
 * and once percentiles are unavailable it can never answer again, so it is dropped. A stored bucket of a statistic
 * set (what DynamoDB publishes) is then five numbers, not five numbers and a Map; fourteen days of per-minute demo
 * history for every table hold about half a million of them.
 */
export class Aggregate {
  sampleCount = 0;
  sum = 0;
  minimum = Number.POSITIVE_INFINITY;
  maximum = Number.NEGATIVE_INFINITY;
  /**
   * CloudWatch cannot expand a statistic set into values unless its Minimum equals its Maximum, so
   * once such a set is added, percentiles of this bucket (and of any period containing it) are unavailable.
   */
  percentilesAvailable = true;
  /** value → count once two distinct values are kept; null while implied (one value) or dropped (no percentiles). */
  private counts: Map<number, number> | null = null;

  /** value → how many samples had it (a copy when implied; empty once percentiles are unavailable). */
  get histogram(): Map<number, number> {
    if (this.counts) return this.counts;
    // Map keys are SameValueZero (a -0 key is stored as 0), so the implied key is normalised the same way.
    return this.percentilesAvailable && this.sampleCount > 0 ? new Map([[this.minimum + 0, this.sampleCount]]) : new Map();
  }

  set histogram(histogram: Map<number, number>) {
    this.counts = this.percentilesAvailable ? histogram : null;
  }

  /** How many distinct values the histogram holds, without building an implied one. */
  get distinctValues(): number {
    if (this.counts) return this.counts.size;
    return this.percentilesAvailable && this.sampleCount > 0 ? 1 : 0;
  }

  /**
   * Adds value→count entries to the histogram. Call before updating sampleCount and minimum: while the histogram is
   * implied, they say which one value every sample counted so far has.
   */
  countValues(entries: Iterable<[number, number]>): void {
    if (!this.percentilesAvailable) return;
    let only = this.sampleCount > 0 ? this.minimum : undefined;
    let onlyCount = this.sampleCount;
    for (const [value, count] of entries) {
      if (!this.counts) {
        // Still one value (or none yet): nothing to keep.
        if (only === undefined || value === only) {
          only = value;
          onlyCount += count;
          continue;
        }
        this.counts = new Map([[only + 0, onlyCount]]);
      }
      this.counts.set(value, (this.counts.get(value) ?? 0) + count);
    }
  }

  /** Percentiles are gone for good: the histogram is no longer needed. */
  dropPercentiles(): void {
    this.percentilesAvailable = false;
    this.counts = null;
  }
}

/**
 * A bucket keeps every distinct value exactly up to this many; past it, values are rounded to 3 and
 * then 2 significant digits (≤ 0.5% then ≤ 5% relative error on percentiles only). This bounds memory
 * for long demos with many distinct latencies; tests and ordinary workloads never reach it.
 */
export const MAX_EXACT_DISTINCT_VALUES = 1_000;

export function emptyAggregate(): Aggregate {
  return new Aggregate();
}

/** A stored bucket as a snapshot holds it (metric-store.ts's exportState writes the same fields). */
export function aggregateFrom(state: { sampleCount: number; sum: number; minimum: number; maximum: number; histogram: Iterable<[number, number]>; percentilesAvailable: boolean }): Aggregate {
  const aggregate = new Aggregate();
  aggregate.sampleCount = state.sampleCount;
  aggregate.sum = state.sum;
  aggregate.minimum = state.minimum;
  aggregate.maximum = state.maximum;
  if (!state.percentilesAvailable) {
    aggregate.dropPercentiles();
    return aggregate;
  }
  const histogram = new Map(state.histogram);
  // One value with every sample on it is what the aggregate implies anyway.
  const implied = histogram.size === 1 && histogram.get(state.minimum + 0) === state.sampleCount && state.minimum === state.maximum;
  if (!implied) aggregate.histogram = histogram;
  return aggregate;
}

/** Adds `count` samples of `value` (a Values/Counts pair, or a single Value with count 1). */
export function addValue(target: Aggregate, value: number, count: number): void {
  if (count <= 0) return;
  target.countValues([[value, count]]);
  target.sampleCount += count;
  target.sum += value * count;
  target.minimum = Math.min(target.minimum, value);
  target.maximum = Math.max(target.maximum, value);
}

export function addStatisticSet(
  target: Aggregate,
  set: { sampleCount: number; sum: number; minimum: number; maximum: number },
): void {
  if (set.sampleCount <= 0) return;
  if (set.minimum === set.maximum) target.countValues([[set.minimum, set.sampleCount]]);
  else target.dropPercentiles();
  target.sampleCount += set.sampleCount;
  target.sum += set.sum;
  target.minimum = Math.min(target.minimum, set.minimum);
  target.maximum = Math.max(target.maximum, set.maximum);
}

export function mergeInto(target: Aggregate, source: Aggregate): void {
  if (source.sampleCount <= 0) return;
  if (!source.percentilesAvailable) target.dropPercentiles();
  else target.countValues(source.histogram);
  target.sampleCount += source.sampleCount;
  target.sum += source.sum;
  target.minimum = Math.min(target.minimum, source.minimum);
  target.maximum = Math.max(target.maximum, source.maximum);
}

/** Rounds a stored bucket's histogram once it outgrows MAX_EXACT_DISTINCT_VALUES. */
export function compactHistogram(target: Aggregate): void {
  for (const digits of [3, 2]) {
    if (target.distinctValues <= MAX_EXACT_DISTINCT_VALUES) return;
    const rounded = new Map<number, number>();
    for (const [value, count] of target.histogram) {
      const key = Number(value.toPrecision(digits));
      rounded.set(key, (rounded.get(key) ?? 0) + count);
    }
    target.histogram = rounded;
  }
}

/**
 * The nearest-rank percentile: the smallest stored value whose cumulative count reaches p% of the
 * samples. Undefined when CloudWatch would return no percentile: no samples, a statistic set that
 * could not be expanded, or any negative value (CloudWatch computes percentiles only for data ≥ 0).
 */
export function percentileOf(aggregate: Aggregate, p: number): number | undefined {
  if (!aggregate.percentilesAvailable || aggregate.sampleCount <= 0 || aggregate.minimum < 0) return undefined;
  const entries = [...aggregate.histogram.entries()].sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total <= 0) return undefined;
  // p * total / 100 rather than p / 100 * total keeps whole ranks whole (0.99 * 100 is not 99 in floating point).
  const rank = (p * total) / 100;
  const tolerance = total * 1e-12;
  let cumulative = 0;
  for (const [value, count] of entries) {
    cumulative += count;
    if (cumulative >= rank - tolerance && cumulative > 0) return value;
  }
  return entries[entries.length - 1]?.[0];
}
