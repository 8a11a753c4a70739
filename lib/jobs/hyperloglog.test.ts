import { describe, expect, it } from "vitest";
import { hash64, HyperLogLog } from "./hyperloglog";

describe("HyperLogLog", () => {
  it("is exact-ish while tiny and 0 when empty", () => {
    const sketch = new HyperLogLog();
    expect(sketch.estimate()).toBe(0);
    sketch.add("a");
    sketch.add("a");
    expect(sketch.estimate()).toBeCloseTo(1, 2);
    for (let i = 0; i < 100; i++) sketch.add(`key-${i}`);
    expect(Math.abs(sketch.estimate() - 101)).toBeLessThan(2);
  });

  it.each([1_000, 12_000, 30_000, 60_000, 200_000, 1_000_000])("estimates %i distinct keys within 3 standard errors (2.4%%)", (n) => {
    const sketch = new HyperLogLog(14);
    // Each key added twice: duplicates must not count.
    for (let i = 0; i < n; i++) sketch.add(`S${i}`);
    for (let i = 0; i < n; i++) sketch.add(`S${i}`);
    const error = Math.abs(sketch.estimate() - n) / n;
    expect(sketch.relativeError).toBeCloseTo(1.04 / 128, 6);
    expect(error).toBeLessThan(3 * sketch.relativeError);
  });

  it("keeps its memory fixed: 2^precision one-byte registers", () => {
    const sketch = new HyperLogLog(12);
    expect(sketch.sizeBytes).toBe(4_096);
    for (let i = 0; i < 100_000; i++) sketch.add(`N${i}`);
    expect(sketch.sizeBytes).toBe(4_096);
    // Precision 12: 1.6% standard error.
    expect(Math.abs(sketch.estimate() - 100_000) / 100_000).toBeLessThan(3 * sketch.relativeError);
  });

  it("rejects precisions outside 4..18", () => {
    expect(() => new HyperLogLog(3)).toThrow(RangeError);
    expect(() => new HyperLogLog(19)).toThrow(RangeError);
  });

  it("hashes strings to two well-spread 32-bit words", () => {
    expect(hash64("a")).toEqual(hash64("a"));
    expect(hash64("a")).not.toEqual(hash64("b"));
    // Top bits pick the register: over many keys every one of 16 buckets gets about its share.
    const buckets = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) {
      const bucket = hash64(`k${i}`)[0] >>> 28;
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1_000)).toBeLessThan(150);
  });
});
