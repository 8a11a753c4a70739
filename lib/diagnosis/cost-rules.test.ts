import { describe, expect, it } from "vitest";
import type { Alternative, CapacityModeName, CostResponse } from "@/lib/cost/cost-types";
import { tableCost } from "@/lib/cost/table-cost";
import { costInput, costResource, repeat, rightSizedCost, spikyCost } from "@/lib/cost/table-cost-fixtures";
import { CAPACITY_MODE_SAVING_SHARE, capacityModeVerdicts } from "./cost-rules";
import { diagnose } from "./diagnose";
import type { OverviewDiagnosisInputs } from "./diagnosis-response";
import { overviewVerdict } from "./overview-verdict";
import { diagnosisInput } from "./test-fixtures";

const labels = (verdict: { evidence: Array<{ label: string }> } | undefined) => verdict?.evidence.map((entry) => entry.label).join("\n") ?? "";

/** The response with the current total and some alternatives' totals and throttling replaced, for threshold cases. */
function withTotals(cost: CostResponse, current: number, changes: Partial<Record<CapacityModeName, [number, number]>>): CostResponse {
  const alternatives = cost.alternatives.map((option): Alternative => {
    const change = changes[option.mode];
    return change ? { ...option, monthlyUsd: change[0], throttledRequests: change[1] } : { ...option, monthlyUsd: current * 2 };
  });
  return { ...cost, current: { ...cost.current, monthlyUsd: current }, alternatives };
}

describe("capacity-mode verdict", () => {
  it("recommends on-demand for a table provisioned for rare bursts, and says why cheaper auto scaling loses", () => {
    const [verdict] = capacityModeVerdicts(spikyCost());
    // $94.068 now against $5.40 on demand: $88.668 less, 94%.
    expect(verdict?.kind).toBe("capacity-mode-savings");
    expect(verdict?.severity).toBe("info");
    expect(verdict?.title).toBe("Switching to on-demand would cost $88.67 a month less (−94%), with no requests turned away.");
    const evidence = labels(verdict);
    expect(evidence).toContain("(1,440,000 read units × $0.125 per million + 0 write units × $0.625 per million) ÷ 1e6 × 30 (30 days ÷ 1 day) = $5.40");
    expect(evidence).toContain("Now (provisioned capacity): $94.07 throughput + $0.00 storage = $94.07 a month; throughput: $93.60 table reads + $0.47 table writes");
    expect(evidence).toContain("On-demand, $88.67 (94%) a month less than now, turning no request away: $5.40 throughput");
    // Auto scaling ($0.56) and reserved are cheaper still, but each burst outruns them.
    expect(evidence).toContain(
      "Provisioned capacity with auto scaling at 70% use, not recommended: it would have turned away 1,438,560 more request units than the current setup did: $0.56 throughput",
    );
    expect(evidence).toMatch(/Measured over 1 day, × 30 for a 30-day month, at us-east-1 Standard prices as of \d{4}-\d{2}-\d{2}: \$0\.125 per million read units/);
    expect(verdict?.suggestion).toContain("four times in 24 hours");
  });

  it("recommends the cheapest option: a steady table provisioned ten times over is cheapest fixed at its peak", () => {
    const [verdict] = capacityModeVerdicts(tableCost(costInput([costResource(repeat(600), repeat(300), [100, 50])])));
    // $32.76 now, $3.276 at 10 RCU / 5 WCU; on-demand ($11.34) is cheaper than now too, but not cheapest.
    expect(verdict?.title).toBe("Provisioned capacity fixed at the observed peak would cost $29.48 a month less (−90%), with no requests turned away.");
  });

  it("recommends reserved capacity for a large steady on-demand table", () => {
    const [verdict] = capacityModeVerdicts(tableCost(costInput([costResource(repeat(600_000), repeat(0), null)])));
    // $3,240 on demand against 143 reserved blocks ($614.90) and 1 WCU ($0.468).
    expect(verdict?.title).toBe("Auto scaling with reserved capacity would cost $2,624.63 a month less (−81%), with no requests turned away.");
    expect(verdict?.suggestion).toContain("reserved capacity");
  });

  it("says the current mode is fine when nothing is cheaper", () => {
    const [verdict] = capacityModeVerdicts(rightSizedCost());
    expect(verdict?.kind).toBe("capacity-mode-fine");
    expect(verdict?.severity).toBe("ok");
    expect(verdict?.title).toBe("Provisioned capacity is the cheapest way to serve this table's traffic without turning more requests away.");
  });

  it("recommends from a 10% saving, and calls anything less fine", () => {
    expect(CAPACITY_MODE_SAVING_SHARE).toBe(0.1);
    const base = rightSizedCost();
    const [at] = capacityModeVerdicts(withTotals(base, 100, { "on-demand": [90, 0] }));
    expect(at?.title).toBe("Switching to on-demand would cost $10.00 a month less (−10%), with no requests turned away.");
    const [under] = capacityModeVerdicts(withTotals(base, 100, { "on-demand": [90.01, 0] }));
    expect(under?.kind).toBe("capacity-mode-fine");
    expect(under?.title).toBe("Provisioned capacity is fine for this table: the cheapest other option would save only $9.99 a month (9.9%), under 10%.");
  });

  it("never recommends an option that throttles more than now, however cheap, and says so", () => {
    const [verdict] = capacityModeVerdicts(withTotals(rightSizedCost(), 100, { autoscaling: [10, 5], "on-demand": [95, 0] }));
    expect(verdict?.kind).toBe("capacity-mode-fine");
    expect(labels(verdict)).toContain("Provisioned capacity with auto scaling at 70% use, not recommended: it would have turned away 5 more request units");
    const [recommended] = capacityModeVerdicts(withTotals(rightSizedCost(), 100, { autoscaling: [10, 5], "provisioned-peak": [50, 0] }));
    expect(recommended?.title).toMatch(/^Provisioned capacity fixed at the observed peak would cost \$50\.00/);
    expect(labels(recommended)).toContain("not recommended");
  });

  it("accepts an option that throttles no more than the current setup already does", () => {
    const cost = rightSizedCost();
    const throttlingNow = { ...cost, current: { ...cost.current, throttledRequests: 7 } };
    const [verdict] = capacityModeVerdicts(withTotals(throttlingNow, 100, { autoscaling: [40, 7] }));
    expect(verdict?.title).toBe("Switching to provisioned capacity with auto scaling would cost $60.00 a month less (−60%), turning away no more requests than now.");
  });

  it("is absent without a cost, and comes after the healthy verdict in diagnose", () => {
    expect(capacityModeVerdicts(null)).toEqual([]);
    expect(diagnose(diagnosisInput()).map((verdict) => verdict.kind)).toEqual(["healthy"]);
    expect(diagnose(diagnosisInput({ cost: rightSizedCost() })).map((verdict) => verdict.kind)).toEqual(["healthy", "capacity-mode-fine"]);
    expect(diagnose(diagnosisInput({ cost: spikyCost() })).map((verdict) => verdict.kind)).toEqual(["capacity-mode-savings", "healthy"]);
  });
});

describe("the overview line with the cost", () => {
  const ALL_READ: OverviewDiagnosisInputs = { metrics: { ok: true }, contributorInsights: { ok: true, enabled: 0 }, keySample: null, sizeAudit: null };

  it("shows a saving as the table's line when everything was read", () => {
    const line = overviewVerdict(diagnose(diagnosisInput({ cost: spikyCost() })), { ...ALL_READ, cost: { ok: true } });
    expect(line).toMatchObject({ kind: "capacity-mode-savings", severity: "info", check: "full", notChecked: [] });
  });

  it("names the cost as not checked when it could not be worked out", () => {
    const line = overviewVerdict(diagnose(diagnosisInput()), { ...ALL_READ, cost: { ok: false, error: "no prices for ap-south-2" } });
    expect(line).toMatchObject({ kind: "partial-check", check: "partial" });
    expect(line.notChecked).toEqual([{ check: "capacity mode cost", reason: "The cost could not be worked out: no prices for ap-south-2" }]);
    expect(line.partialNote).toBe("Partial check: capacity, throttling and request mix and busiest keys only; capacity mode cost not checked. Open the table for the full check.");
  });
});
