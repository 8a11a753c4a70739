import { describe, expect, it } from "vitest";
import type { ChartData } from "./capacity-charts";
import { withBaseline } from "./baseline-overlay";

const x = [60, 120, 180];

function chart(overrides: Partial<ChartData>): ChartData {
  return { title: "Writes", term: "wcu", unit: "WCU/s", x, series: [{ label: "Consumed writes", values: [1, 2, 3], color: "#9333ea", kind: "line", width: 2 }], empty: null, ...overrides };
}

describe("withBaseline", () => {
  it("adds each past series dotted, labelled with the offset, on the live axis", () => {
    const past = chart({ series: [{ label: "Consumed writes", values: [0.5, null, 1], color: "#9333ea", kind: "line" }] });
    const merged = withBaseline(chart({}), past, "last week");
    expect(merged.series).toHaveLength(2);
    expect(merged.series[1]).toMatchObject({ label: "Consumed writes, last week", values: [0.5, null, 1], dash: [2, 3] });
    expect(merged.x).toBe(x);
  });

  it("compares a stacked chart as the past total, and shows it even when today has nothing", () => {
    const live = chart({ stacked: true, series: [], empty: "No throttling in this window." });
    const past = chart({ stacked: true, series: [
      { label: "key range", values: [1, null, 2], color: "#e11d48", kind: "bar" },
      { label: "provisioned", values: [3, null, null], color: "#f59e0b", kind: "bar" },
    ] });
    const merged = withBaseline(live, past, "yesterday");
    expect(merged.empty).toBeNull();
    expect(merged.series).toEqual([{ label: "All causes, yesterday", values: [4, null, 2], color: "#475569", dash: [2, 3], kind: "line", width: 1.5 }]);
  });

  it("leaves the chart alone without a baseline or when the baseline has no data", () => {
    const live = chart({});
    expect(withBaseline(live, null, "yesterday")).toBe(live);
    expect(withBaseline(live, chart({ series: [{ label: "Consumed writes", values: [null, null, null], color: "#000", kind: "line" }] }), "yesterday")).toBe(live);
  });
});
