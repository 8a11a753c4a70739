import { describe, expect, it } from "vitest";
import { costRangeSchema, costWindow, MAX_COST_RANGE_MS } from "./cost-range";

describe("costRangeSchema", () => {
  it("reads hours and days up to 14 days", () => {
    expect(costRangeSchema.parse("14d")).toEqual({ text: "14d", ms: MAX_COST_RANGE_MS });
    expect(costRangeSchema.parse("36h").ms).toBe(36 * 3_600_000);
    expect(costRangeSchema.parse("1h").ms).toBe(3_600_000);
  });

  it("refuses anything else", () => {
    for (const text of ["15d", "337h", "0d", "1w", "", "d", "1.5d", " 7d", "-1d", "0100d"]) expect(costRangeSchema.safeParse(text).success, text).toBe(false);
  });
});

describe("costWindow", () => {
  it("ends at the start of the current minute, whose one-minute sums are not complete yet", () => {
    const now = Date.UTC(2026, 11, 3, 12, 30, 45);
    expect(costWindow(now, 3_600_000)).toEqual({ start: Date.UTC(2026, 11, 3, 11, 30), end: Date.UTC(2026, 11, 3, 12, 30) });
  });
});
