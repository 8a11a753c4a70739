import { describe, expect, it } from "vitest";
import { bestAlternative, costSummary } from "./cost-summary";
import { rightSizedCost, spikyCost } from "./table-cost-fixtures";
import type { CostResponse } from "./cost-types";

describe("costSummary", () => {
  it("names the cheapest option that throttles no more than now, and the saving, when it reaches 10%", () => {
    const cost = spikyCost();
    const best = bestAlternative(cost);
    expect(best?.throttledRequests).toBeLessThanOrEqual(cost.current.throttledRequests);
    const cheaperThrottling = cost.alternatives.filter((option) => option.throttledRequests > cost.current.throttledRequests);
    expect(cheaperThrottling.some((option) => option.monthlyUsd < (best?.monthlyUsd ?? 0))).toBe(true);
    const summary = costSummary(cost);
    expect(summary.switchTo).toBe(best?.mode);
    expect(summary.savingsMonthlyUsd).toBeCloseTo(cost.current.monthlyUsd - (best?.monthlyUsd ?? 0), 10);
    expect(summary.savingShare).toBeGreaterThanOrEqual(0.1);
    expect(summary.monthlyUsd).toBe(cost.current.monthlyUsd);
  });

  it("reports no saving and no switch when the current mode is within 10%", () => {
    const summary = costSummary(rightSizedCost());
    expect(summary).toMatchObject({ savingsMonthlyUsd: 0, savingShare: 0, switchTo: null });
  });

  it("never offers on-demand to an on-demand table as an alternative to itself", () => {
    const cost: CostResponse = { ...spikyCost(), current: { mode: "on-demand", monthlyUsd: 1, throttledRequests: 0, lines: [] } };
    const onDemandCheapest: CostResponse = { ...cost, alternatives: cost.alternatives.map((option) => (option.mode === "on-demand" ? { ...option, monthlyUsd: 0, throttledRequests: 0 } : { ...option, monthlyUsd: 5 })) };
    expect(bestAlternative(onDemandCheapest)?.mode).not.toBe("on-demand");
    expect(costSummary(onDemandCheapest).switchTo).toBeNull();
  });
});
