/**
 * Item sizes of one entity type: count, max and quantiles with a relative error, in memory that grows with
 * log(max/min) only. The same logarithmic buckets as lib/jobs/quantile-sketch.ts (the DDSketch idea), plus `merge`:
 * entity shapes are folded together when a key position turns out to be a variable (key-pattern.ts), and their size
 * summaries must fold with them. Client-safe, pure.
 */
export class SizeSketch {
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly buckets = new Map<number, number>();
  private zeros = 0;
  private total = 0;
  private minimum = Number.POSITIVE_INFINITY;
  private maximum = Number.NEGATIVE_INFINITY;

  constructor(readonly relativeError = 0.01) {
    if (!(relativeError > 0 && relativeError < 1)) throw new RangeError("relativeError must be between 0 and 1");
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.logGamma = Math.log(this.gamma);
  }

  get count(): number {
    return this.total;
  }

  get bucketCount(): number {
    return this.buckets.size + (this.zeros > 0 ? 1 : 0);
  }

  /** Exact; null when empty. */
  get max(): number | null {
    return this.total === 0 ? null : this.maximum;
  }

  add(value: number): void {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`SizeSketch takes finite values ≥ 0, got ${value}`);
    this.total++;
    this.minimum = Math.min(this.minimum, value);
    this.maximum = Math.max(this.maximum, value);
    if (value === 0) {
      this.zeros++;
      return;
    }
    const key = Math.ceil(Math.log(value) / this.logGamma);
    this.buckets.set(key, (this.buckets.get(key) ?? 0) + 1);
  }

  /** Adds another sketch's values (same relative error), as if they had been added here. */
  merge(other: SizeSketch): void {
    if (other.relativeError !== this.relativeError) throw new RangeError("cannot merge sketches with different relative errors");
    this.total += other.total;
    this.zeros += other.zeros;
    this.minimum = Math.min(this.minimum, other.minimum);
    this.maximum = Math.max(this.maximum, other.maximum);
    for (const [key, count] of other.buckets) this.buckets.set(key, (this.buckets.get(key) ?? 0) + count);
  }

  clone(): SizeSketch {
    const copy = new SizeSketch(this.relativeError);
    copy.merge(this);
    return copy;
  }

  /** The value at rank ⌊q·(n−1)⌋ within the relative error, clamped to the exact min and max; null when empty. */
  quantile(q: number): number | null {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile takes 0 ≤ q ≤ 1, got ${q}`);
    if (this.total === 0) return null;
    const rank = Math.floor(q * (this.total - 1));
    if (rank === 0) return this.minimum;
    if (rank === this.total - 1) return this.maximum;
    let seen = this.zeros;
    if (rank < seen) return 0;
    for (const key of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(key) ?? 0;
      if (rank < seen) return Math.min(this.maximum, Math.max(this.minimum, (2 * this.gamma ** key) / (this.gamma + 1)));
    }
    return this.maximum;
  }
}
