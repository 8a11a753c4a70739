import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/jobs/test-streams";
import { SizeSketch } from "./size-sketch";

describe("SizeSketch", () => {
  it("answers quantiles within its relative error and the exact max", () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 5_000 }, () => Math.floor(100 + random() * 400_000));
    const sketch = new SizeSketch(0.01);
    for (const value of values) sketch.add(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99]) {
      const exact = sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
      expect(Math.abs((sketch.quantile(q) ?? 0) - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(sketch.max).toBe(sorted[sorted.length - 1]);
    expect(new SizeSketch().quantile(0.5)).toBeNull();
  });

  it("merges into the sketch of both streams", () => {
    const a = new SizeSketch();
    const b = new SizeSketch();
    const both = new SizeSketch();
    for (let i = 0; i < 1_000; i++) {
      (i % 3 === 0 ? a : b).add(i * 37);
      both.add(i * 37);
    }
    const merged = a.clone();
    merged.merge(b);
    expect(merged.count).toBe(1_000);
    for (const q of [0, 0.5, 0.99, 1]) expect(merged.quantile(q)).toBe(both.quantile(q));
    expect(a.count).toBeLessThan(1_000);
    expect(() => a.merge(new SizeSketch(0.02))).toThrow(RangeError);
  });
});
