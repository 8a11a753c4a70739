/**
 * A small HyperLogLog distinct-count sketch. Client-safe, pure, fixed memory: 2^precision one-byte registers (16 KB at
 * the default precision 14), whatever the number of values added.
 *
 * Estimator: Ertl 2017, "New cardinality estimation algorithms for HyperLogLog sketches" (arXiv:1702.01284). The classic
 * harmonic-mean estimate is biased by several percent between about 2.5·m and 5·m distinct values, exactly where
 * the key sampler switches to it; Ertl's estimator stays unbiased there without HLL++'s empirical bias tables, and it
 * becomes linear counting by itself while registers are still empty. Hashes are 64 bits (two 32-bit words), so no
 * large-range correction is needed at any cardinality a table can have.
 */

export const DEFAULT_HLL_PRECISION = 14;

export class HyperLogLog {
  private readonly registers: Uint8Array;
  private readonly m: number;

  constructor(readonly precision: number = DEFAULT_HLL_PRECISION) {
    if (!Number.isInteger(precision) || precision < 4 || precision > 18) throw new RangeError("precision must be a whole number from 4 to 18");
    this.m = 2 ** precision;
    this.registers = new Uint8Array(this.m);
  }

  /** The estimate's relative standard error, 1.04/√m (0.81% at precision 14). */
  get relativeError(): number {
    return 1.04 / Math.sqrt(this.m);
  }

  /** Bytes of state: constant. */
  get sizeBytes(): number {
    return this.registers.byteLength;
  }

  add(value: string): void {
    const [high, low] = hash64(value);
    this.addHash(high, low);
  }

  /** Adds a value by its hash64 words, for callers that hash once for several uses. */
  addHash(high: number, low: number): void {
    const index = high >>> (32 - this.precision);
    // The rank is the position of the first 1 bit in the other word: 1..33 (33 when it is all zeros).
    const rank = Math.clz32(low) + 1;
    if (rank > (this.registers[index] ?? 0)) this.registers[index] = rank;
  }

  /** Ertl's improved raw estimator: nearly unbiased from 0 to far beyond any table's key count, without bias tables. */
  estimate(): number {
    const counts = new Array<number>(MAX_RANK + 1).fill(0);
    for (const register of this.registers) counts[register] = (counts[register] ?? 0) + 1;
    const m = this.m;
    let z = m * tau(1 - (counts[MAX_RANK] ?? 0) / m);
    for (let rank = MAX_RANK - 1; rank >= 1; rank--) z = 0.5 * (z + (counts[rank] ?? 0));
    z += m * sigma((counts[0] ?? 0) / m);
    return (m * m) / (2 * Math.LN2 * z);
  }
}

/**
 * A 64-bit string hash as two unsigned 32-bit words (cyrb53's mixing, kept at full width). Not cryptographic; it only
 * has to spread keys evenly, and it runs in the browser too.
 */
export function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Register values run 0 (empty) to 33: a rank is 1 + the leading zeros of a 32-bit word. */
const MAX_RANK = 33;

/** Ertl's σ(x) = x + Σ_{k≥1} x^(2^k)·2^(k−1), for the empty registers; infinite when every register is empty. */
function sigma(x: number): number {
  if (x === 1) return Number.POSITIVE_INFINITY;
  let power = x;
  let weight = 1;
  let sum = x;
  for (;;) {
    power *= power;
    const next = sum + power * weight;
    weight += weight;
    if (next === sum) return sum;
    sum = next;
  }
}

/** Ertl's τ(x) = (1 − x − Σ_{k≥1} (1 − x^(2^−k))²·2^−k) / 3, for the saturated registers. */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let root = x;
  let weight = 1;
  let sum = 1 - x;
  for (;;) {
    root = Math.sqrt(root);
    weight *= 0.5;
    const next = sum - (1 - root) ** 2 * weight;
    if (next === sum) return sum / 3;
    sum = next;
  }
}
