import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QuantileSketch } from "./quantile-sketch";
import { seededRandom } from "./test-streams";

const exactQuantile = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? NaN;

describe("QuantileSketch", () => {
  it("is within its relative error of the exact quantile, on any data", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 409_600 }), fc.double({ min: 0, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 2_000 }),
        fc.constantFrom(0.01, 0.001),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (values, alpha, qs) => {
          const sketch = new QuantileSketch(alpha);
          for (const value of values) sketch.add(value);
          const sorted = [...values].sort((a, b) => a - b);
          for (const q of [0, 0.5, 0.9, 0.99, 1, ...qs]) {
            const exact = exactQuantile(sorted, q);
            const estimate = sketch.quantile(q) ?? NaN;
            expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(alpha * exact * (1 + 1e-9));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers p50/p90/p99 of item-like sizes within 1%, and min and max exactly", () => {
    const sketch = new QuantileSketch(0.01);
    const values = Array.from({ length: 10_000 }, (_, i) => 100 + ((i * 7919) % 10_000) * 40);
    for (const value of values) sketch.add(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99]) expect(Math.abs((sketch.quantile(q) ?? 0) / exactQuantile(sorted, q) - 1)).toBeLessThanOrEqual(0.01);
    expect(sketch.quantile(0)).toBe(sorted[0]);
    expect(sketch.quantile(1)).toBe(sorted[sorted.length - 1]);
  });

  it("keeps memory bounded by the range of values, not their count", () => {
    const sketch = new QuantileSketch(0.01);
    for (let i = 0; i < 200_000; i++) sketch.add(1 + (i % 409_600));
    expect(sketch.count).toBe(200_000);
    expect(sketch.bucketCount).toBeLessThan(700);
  });

  it("handles zeros, an empty sketch and bad input", () => {
    const sketch = new QuantileSketch();
    expect(sketch.quantile(0.5)).toBeNull();
    sketch.add(0);
    sketch.add(0);
    sketch.add(10);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(1)).toBe(10);
    expect(() => sketch.add(-1)).toThrow(RangeError);
    expect(() => sketch.add(Number.NaN)).toThrow(RangeError);
    expect(() => sketch.quantile(1.5)).toThrow(RangeError);
  });
});

describe("QuantileSketch max, merge and clone (entity shapes fold their sizes)", () => {
  it("answers item sizes within its relative error and the exact max", () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 5_000 }, () => Math.floor(100 + random() * 400_000));
    const sketch = new QuantileSketch(0.01);
    for (const value of values) sketch.add(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99]) {
      const exact = sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
      expect(Math.abs((sketch.quantile(q) ?? 0) - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(sketch.max).toBe(sorted[sorted.length - 1]);
    expect(new QuantileSketch().quantile(0.5)).toBeNull();
  });

  it("merges into the sketch of both streams", () => {
    const a = new QuantileSketch();
    const b = new QuantileSketch();
    const both = new QuantileSketch();
    for (let i = 0; i < 1_000; i++) {
      (i % 3 === 0 ? a : b).add(i * 37);
      both.add(i * 37);
    }
    const merged = a.clone();
    merged.merge(b);
    expect(merged.count).toBe(1_000);
    for (const q of [0, 0.5, 0.99, 1]) expect(merged.quantile(q)).toBe(both.quantile(q));
    expect(a.count).toBeLessThan(1_000);
    expect(() => a.merge(new QuantileSketch(0.02))).toThrow(RangeError);
  });
});
