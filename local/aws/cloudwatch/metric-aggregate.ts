/**
 * The statistics of one stored bucket (or of one requested period). SampleCount, Sum, Minimum and
 * Maximum merge exactly, so any period built from stored buckets answers them exactly; the
 * value→count histogram answers percentiles.
 */
export type Aggregate = {
  sampleCount: number;
  sum: number;
  minimum: number;
  maximum: number;
  /** value → how many samples had it. */
  histogram: Map<number, number>;
  /**
   * CloudWatch cannot expand a statistic set into values unless its Minimum equals its Maximum, so
   * once such a set is added, percentiles of this bucket (and of any period containing it) are unavailable.
   */
  percentilesAvailable: boolean;
};

/**
 * A bucket keeps every distinct value exactly up to this many; past it, values are rounded to 3 and
 * then 2 significant digits (≤ 0.5% then ≤ 5% relative error on percentiles only). This bounds memory
 * for long demos with many distinct latencies; tests and ordinary workloads never reach it.
 */
export const MAX_EXACT_DISTINCT_VALUES = 1_000;

export function emptyAggregate(): Aggregate {
  return {
    sampleCount: 0,
    sum: 0,
    minimum: Number.POSITIVE_INFINITY,
    maximum: Number.NEGATIVE_INFINITY,
    histogram: new Map(),
    percentilesAvailable: true,
  };
}

/** Adds `count` samples of `value` (a Values/Counts pair, or a single Value with count 1). */
export function addValue(target: Aggregate, value: number, count: number): void {
  if (count <= 0) return;
  target.sampleCount += count;
  target.sum += value * count;
  target.minimum = Math.min(target.minimum, value);
  target.maximum = Math.max(target.maximum, value);
  target.histogram.set(value, (target.histogram.get(value) ?? 0) + count);
}

export function addStatisticSet(
  target: Aggregate,
  set: { sampleCount: number; sum: number; minimum: number; maximum: number },
): void {
  if (set.sampleCount <= 0) return;
  target.sampleCount += set.sampleCount;
  target.sum += set.sum;
  target.minimum = Math.min(target.minimum, set.minimum);
  target.maximum = Math.max(target.maximum, set.maximum);
  if (set.minimum === set.maximum) {
    target.histogram.set(set.minimum, (target.histogram.get(set.minimum) ?? 0) + set.sampleCount);
  } else {
    target.percentilesAvailable = false;
  }
}

export function mergeInto(target: Aggregate, source: Aggregate): void {
  if (source.sampleCount <= 0) return;
  target.sampleCount += source.sampleCount;
  target.sum += source.sum;
  target.minimum = Math.min(target.minimum, source.minimum);
  target.maximum = Math.max(target.maximum, source.maximum);
  for (const [value, count] of source.histogram) {
    target.histogram.set(value, (target.histogram.get(value) ?? 0) + count);
  }
  target.percentilesAvailable &&= source.percentilesAvailable;
}

/** Rounds a stored bucket's histogram once it outgrows MAX_EXACT_DISTINCT_VALUES. */
export function compactHistogram(target: Aggregate): void {
  for (const digits of [3, 2]) {
    if (target.histogram.size <= MAX_EXACT_DISTINCT_VALUES) return;
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
