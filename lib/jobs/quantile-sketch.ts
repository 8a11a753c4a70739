/**
 * A streaming quantile sketch for non-negative values with a guaranteed relative error (the DDSketch idea): values
 * fall into logarithmic buckets (γ^(k-1), γ^k] with γ = (1 + α) / (1 - α), and a bucket answers with the point whose
 * relative distance to both ends is α. Memory grows with log(max / min), not with the count: for item sizes up to
 * 400 KB at α = 1% that is at most about 650 buckets.
 */
export class QuantileSketch {
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

  /**
   * Adds another sketch's values (same relative error), as if they had been added here: the entity model folds shapes
   * together when a key position turns out to be a variable, and their size summaries fold with them.
   */
  merge(other: QuantileSketch): void {
    if (other.relativeError !== this.relativeError) throw new RangeError("cannot merge sketches with different relative errors");
    this.total += other.total;
    this.zeros += other.zeros;
    this.minimum = Math.min(this.minimum, other.minimum);
    this.maximum = Math.max(this.maximum, other.maximum);
    for (const [key, count] of other.buckets) this.buckets.set(key, (this.buckets.get(key) ?? 0) + count);
  }

  clone(): QuantileSketch {
    const copy = new QuantileSketch(this.relativeError);
    copy.merge(this);
    return copy;
  }

  add(value: number): void {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`QuantileSketch takes finite values ≥ 0, got ${value}`);
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

  /**
   * The value at rank ⌊q·(n−1)⌋ of the sorted input, within the relative error; null when empty. Answers are clamped
   * to the exact min and max, which keeps the bound and makes q = 0 and q = 1 exact.
   */
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
      if (rank < seen) {
        const estimate = (2 * this.gamma ** key) / (this.gamma + 1);
        return Math.min(this.maximum, Math.max(this.minimum, estimate));
      }
    }
    return this.maximum;
  }
}
