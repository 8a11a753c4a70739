import { describe, expect, it } from "vitest";
import {
  alternativeStatus,
  costBreakdown,
  formulaTitle,
  noTrafficText,
  savingLine,
  splitCostLine,
  throttledText,
  windowText,
} from "./cost-labels";
import { costSummary } from "./cost-summary";
import { tableCost } from "./table-cost";
import { alternativeOf, costInput, costResource, DAY_WINDOW, repeat, rightSizedCost, spikyCost } from "./table-cost-fixtures";

/** An on-demand table and one GSI, each with its own storage: the per-resource lines the section lists. */
const onDemandWithIndex = () =>
  tableCost(
    costInput([costResource(repeat(600), repeat(300), null, { storageBytes: 2 * 2 ** 30 }), costResource(repeat(60), repeat(30), null, { index: "ByCustomer", storageBytes: 2 ** 30 })], {
      storageBytes: 3 * 2 ** 30,
    }),
  );

describe("cost lines by name", () => {
  it("splits the engine's 'name: arithmetic' formulas and leaves an unnamed one whole", () => {
    expect(splitCostLine({ usd: 1, formula: "table reads: 24 RCU-hours × $0.00013 = $1.00" }).label).toBe("table reads");
    expect(splitCostLine({ usd: 1, formula: "GSI ByCustomer storage: 1 GB × $0.25 = $0.25" }).label).toBe("GSI ByCustomer storage");
    expect(splitCostLine({ usd: 1, formula: "(1 read units × $0.125: x) = $1" }).label).toBe("");
    expect(splitCostLine({ usd: 1, formula: "$1 now" }).label).toBe("");
    // The reserved option names its parts with a note in brackets.
    expect(splitCostLine({ usd: 1, formula: "writes (no reservation): 2 WCU-hours × $0.00065 = $0.0013" }).label).toBe("writes (no reservation)");
    expect(splitCostLine({ usd: 1, formula: "GSI G1 reads (2 blocks of 100 RCU): 200 × $0.01 = $2" }).label).toBe("GSI G1 reads (2 blocks of 100 RCU)");
  });

  it("finds the month, the throughput and each resource's reads and writes of a provisioned table", () => {
    const cost = spikyCost();
    const parts = costBreakdown(cost.current.lines);
    expect(parts.month?.usd).toBe(cost.current.monthlyUsd);
    expect(parts.month?.label).toBe("month");
    expect(parts.throughput?.label).toBe("throughput");
    expect(parts.throughputParts.map((line) => line.label)).toEqual(["table reads", "table writes"]);
    expect(parts.throughputParts[0]?.formula).toContain("RCU-hours");
    expect(parts.storage?.label).toBe("storage");
    expect(parts.storageParts).toEqual([]);
  });

  it("lists each GSI's on-demand throughput and its own storage apart from the storage total", () => {
    const parts = costBreakdown(onDemandWithIndex().current.lines);
    expect(parts.throughputParts.map((line) => line.label)).toEqual(["table", "GSI ByCustomer"]);
    expect(parts.storage?.formula).toContain("3 GB");
    expect(parts.storageParts.map((line) => line.label)).toEqual(["table storage", "GSI ByCustomer storage"]);
    expect(parts.storageParts.reduce((sum, line) => sum + line.usd, 0)).toBeCloseTo(parts.storage?.usd ?? -1, 10);
  });

  it("puts the prices' date on every hover text", () => {
    expect(formulaTitle({ usd: 1, formula: "a × b = $1.00" }, "2026-09-06")).toBe("a × b = $1.00 (prices as of 2026-09-06)");
  });
});

describe("how each alternative compares with now", () => {
  it("recommends the cheapest option that throttles no more, and marks cheaper ones that throttle", () => {
    // Provisioned at 1,000 RCU for hourly one-minute bursts: on-demand is far cheaper; auto scaling is cheaper still but throttles the bursts.
    const cost = spikyCost();
    const onDemand = alternativeStatus(cost, alternativeOf(cost, "on-demand"));
    expect(onDemand.kind).toBe("recommended");
    expect(onDemand.text).toBe("recommended: $88.67 a month less (−94%)");
    const scaled = alternativeOf(cost, "autoscaling");
    expect(scaled.monthlyUsd).toBeLessThan(alternativeOf(cost, "on-demand").monthlyUsd);
    expect(alternativeStatus(cost, scaled)).toEqual({ kind: "would-throttle", text: "would throttle — not recommended" });
    expect(alternativeStatus(cost, alternativeOf(cost, "reserved")).kind).toBe("would-throttle");
    // Fixed at the peak is what the table has now.
    expect(alternativeStatus(cost, alternativeOf(cost, "provisioned-peak"))).toEqual({ kind: "not-cheaper", text: "costs the same as now" });
  });

  it("recommends nothing for a right-sized table and says by how much each option is dearer", () => {
    const cost = rightSizedCost();
    expect(costSummary(cost).switchTo).toBeNull();
    expect(alternativeStatus(cost, alternativeOf(cost, "on-demand"))).toEqual({ kind: "not-cheaper", text: "$8.06 a month more than now" });
    expect(cost.alternatives.map((option) => alternativeStatus(cost, option).kind)).not.toContain("recommended");
  });

  it("calls a saving under 10% too small to switch for", () => {
    const cost = rightSizedCost();
    const cheaper = { ...alternativeOf(cost, "autoscaling"), monthlyUsd: cost.current.monthlyUsd * 0.95 };
    const tweaked = { ...cost, alternatives: [cheaper] };
    expect(alternativeStatus(tweaked, cheaper)).toEqual({ kind: "cheaper", text: "$0.16 a month less (−5%), under the 10% worth switching for" });
  });

  it("names on-demand as the current mode when the table is on-demand", () => {
    const cost = onDemandWithIndex();
    expect(alternativeStatus(cost, alternativeOf(cost, "on-demand"))).toEqual({ kind: "same-as-now", text: "the current mode" });
  });

  it("gives the saving's subtraction, or nothing when the current mode is fine", () => {
    const line = savingLine(spikyCost());
    expect(line?.usd).toBeCloseTo(94.068 - 5.4, 6);
    expect(line?.formula).toBe("$94.07 now − $5.40 on-demand = $88.67 a month (94% of now)");
    expect(savingLine(rightSizedCost())).toBeNull();
  });
});

describe("window, throttling and empty-window text", () => {
  it("writes the window in UTC with its length", () => {
    expect(windowText(DAY_WINDOW)).toBe("2026-11-02 00:00 UTC to 2026-11-03 00:00 UTC (1 day)");
    expect(windowText({ start: DAY_WINDOW.start, end: DAY_WINDOW.start + 14 * 86_400_000 })).toContain("(14 days)");
    expect(windowText({ start: 0, end: 3.25 * 86_400_000 })).toContain("(3.3 days)");
  });

  it("counts throttled request units in words", () => {
    expect(throttledText(0)).toBe("none");
    expect(throttledText(0.2)).toBe("under 1 request unit");
    expect(throttledText(1)).toBe("1 request unit");
    expect(throttledText(1_438_560)).toBe("1,438,560 request units");
  });

  it("says a table had no traffic, and why a provisioned one still costs", () => {
    expect(noTrafficText(spikyCost())).toBeNull();
    const idleOnDemand = tableCost(costInput([costResource(repeat(0), repeat(0), null)]));
    expect(noTrafficText(idleOnDemand)).toBe(
      "Shop had no traffic in the window measured (2026-11-02 00:00 UTC to 2026-11-03 00:00 UTC (1 day)): CloudWatch recorded no read or write units. Every figure is $0.",
    );
    const idleProvisioned = tableCost(costInput([costResource(repeat(0), repeat(0), [5, 5])]));
    expect(idleProvisioned.current.monthlyUsd).toBeGreaterThan(0);
    expect(noTrafficText(idleProvisioned)).toContain("billed by the hour whether it is used or not");
  });
});
