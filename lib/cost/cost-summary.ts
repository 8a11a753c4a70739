import type { Alternative, CapacityModeName, CostResponse } from "./cost-types";

/**
 * The one choice the capacity-mode verdict, the Cost section and /fleet's columns all read, so none of them can
 * disagree: the cheapest alternative that turns away no more requests than the current setup. Pure, client-safe.
 */

/** The threshold: below a 10% difference the current mode is fine (estimates from a short history are not precise enough to act on less). */
export const CAPACITY_MODE_SAVING_SHARE = 0.1;

/** The alternatives that are other than the current setup: on-demand priced again is the on-demand cost itself. */
export function otherOptions(cost: CostResponse): Alternative[] {
  return cost.alternatives.filter((option) => !(cost.current.mode === "on-demand" && option.mode === "on-demand"));
}

/** The cheapest option that throttles no more than now; ties go to the earlier one (on-demand first, no reservation before a commitment). */
export function bestAlternative(cost: CostResponse): Alternative | null {
  const allowed = otherOptions(cost).filter((option) => option.throttledRequests <= cost.current.throttledRequests);
  return allowed.reduce<Alternative | null>((cheapest, option) => (cheapest === null || option.monthlyUsd < cheapest.monthlyUsd ? option : cheapest), null);
}

export type CostSummary = {
  monthlyUsd: number;
  /** What the best alternative saves a month; 0 when none is cheaper. Counted as a saving only at or above the threshold. */
  savingsMonthlyUsd: number;
  savingShare: number;
  /** The mode to switch to when the saving reaches the threshold; null: the current mode is fine. */
  switchTo: CapacityModeName | null;
  window: { start: number; end: number };
};

export function costSummary(cost: CostResponse): CostSummary {
  const best = bestAlternative(cost);
  const saving = best ? Math.max(0, cost.current.monthlyUsd - best.monthlyUsd) : 0;
  const share = cost.current.monthlyUsd > 0 ? saving / cost.current.monthlyUsd : 0;
  const acts = best !== null && share >= CAPACITY_MODE_SAVING_SHARE;
  return {
    monthlyUsd: cost.current.monthlyUsd,
    savingsMonthlyUsd: acts ? saving : 0,
    savingShare: acts ? share : 0,
    switchTo: acts && best ? best.mode : null,
    window: cost.window,
  };
}

/** /fleet's cost columns for one table: its summary, or why it has none. */
export type FleetCost = ({ ok: true } & CostSummary) | { ok: false; error: string };
