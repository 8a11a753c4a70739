import { describe, expect, it } from "vitest";
import { placeOnGrid } from "./metric-grid";
import type { MetricWindow } from "./metric-window";

const T0 = Date.UTC(2025, 0, 1, 12, 0);
const window: MetricWindow = { range: "custom", startMs: T0, endMs: T0 + 5 * 60_000, periodSeconds: 60 };
const minute = (n: number) => T0 + n * 60_000;

describe("placeOnGrid", () => {
  it("keeps gaps null and a published zero as zero", () => {
    expect(placeOnGrid(window, [minute(0), minute(2), minute(4)], [5, 0, 7])).toEqual([5, null, 0, null, 7]);
  });

  it("divides by the period for per-second rates (a Sum of 600 over 60 s is 10/s)", () => {
    expect(placeOnGrid(window, [minute(1)], [600], 60)).toEqual([null, 10, null, null, null]);
  });

  it("ignores datapoints outside the grid", () => {
    expect(placeOnGrid(window, [minute(-1), minute(5)], [1, 2])).toEqual([null, null, null, null, null]);
  });

  it("is all null when CloudWatch had nothing", () => {
    expect(placeOnGrid(window, [], [])).toEqual([null, null, null, null, null]);
  });
});
