import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COST_HEADROOM, MAX_SPREAD_SEGMENTS, planSpread, scanRequestRcu } from "./spread-scan-plan";

describe("scanRequestRcu", () => {
  it("charges 0.5 RCU per started 4 KB, at least 0.5", () => {
    expect([0, 1, 4096, 4097, 8192, 1_048_576].map(scanRequestRcu)).toEqual([0.5, 0.5, 0.5, 1, 1, 128]);
  });
});

describe("planSpread", () => {
  it("reads a table that fits in the budget with one plain Scan", () => {
    expect(planSpread({ budget: 1_000, itemCount: 30, sizeBytes: 3_000 })).toMatchObject({ segments: 1, perSegment: 1_000, why: "fits" });
    // AWS shows 0 items for a table under about six hours old: one segment, as before spreading.
    expect(planSpread({ budget: 1_000, itemCount: 0, sizeBytes: 0 })).toMatchObject({ segments: 1, why: "fits" });
    expect(planSpread({ budget: 1_000, itemCount: null, sizeBytes: null })).toMatchObject({ segments: 1, perSegment: 1_000, why: "size-unknown" });
  });

  it("on the research shape (558-byte items) takes 157 segments of 6 items: each request stays in one 4 KB unit, 1.15× one segment's cost", () => {
    const plan = planSpread({ budget: 1_000, itemCount: 99_990, sizeBytes: 55_846_038 });
    expect(plan).toMatchObject({ segments: 157, perSegment: 6, singleSegmentRcu: 68.5, predictedRcu: 78.5, why: "spread" });
  });

  it("gives small items fewer, longer segments, since each request costs at least 0.5 RCU", () => {
    const plan = planSpread({ budget: 1_000, itemCount: 100_000, sizeBytes: 10_000_000 });
    expect(plan.segments).toBe(28);
    expect(plan.perSegment * 100 * 1.1).toBeLessThanOrEqual(4096);
  });

  it("caps the segments at MAX_SPREAD_SEGMENTS and at the budget", () => {
    expect(planSpread({ budget: 1_000, itemCount: 100_000, sizeBytes: 1_024_000_000 })).toMatchObject({ segments: MAX_SPREAD_SEGMENTS, perSegment: 5 });
    expect(planSpread({ budget: 3, itemCount: 100_000, sizeBytes: 1_024_000_000 }).segments).toBe(3);
  });

  it("continues at most the open segments, sharing the budget, and never falls back to one plain Scan", () => {
    expect(planSpread({ budget: 1_000, itemCount: 99_990, sizeBytes: 55_846_038, maxSegments: 100, continuing: true })).toMatchObject({ segments: 100, perSegment: 6 });
    expect(planSpread({ budget: 1_000, itemCount: 30, sizeBytes: 3_000, maxSegments: 4, continuing: true }).why).not.toBe("fits");
    expect(planSpread({ budget: 1_000, itemCount: null, sizeBytes: null, maxSegments: 8, continuing: true })).toMatchObject({ segments: 8, perSegment: 125, why: "size-unknown" });
  });

  it("keeps the predicted cost within the headroom of one long segment, and the items within the budget, for any table", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 400_000 }), (budget, itemCount, avg) => {
        const plan = planSpread({ budget, itemCount, sizeBytes: itemCount * avg });
        expect(plan.segments * plan.perSegment).toBeLessThanOrEqual(Math.max(budget, 1));
        expect(plan.segments).toBeGreaterThanOrEqual(1);
        expect(plan.perSegment).toBeGreaterThanOrEqual(1);
        if (plan.why === "spread" && plan.segments > 1) {
          const single = plan.singleSegmentRcu ?? 0;
          expect(plan.segments * scanRequestRcu(plan.perSegment * avg * 1.1)).toBeLessThanOrEqual(single * COST_HEADROOM + 1e-9);
        }
      }),
    );
  });
});
