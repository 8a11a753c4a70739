import { MODE_SHORT, windowText } from "@/lib/cost/cost-labels";
import { formatUsd } from "@/lib/cost/cost-numbers";
import type { FleetCost } from "@/lib/cost/cost-summary";

/**
 * What /fleet's "Monthly cost" and "Potential savings" cells say (pure, client-safe), from the same costSummary as
 * the table's Cost section: a saving appears only where the best option is at least 10% cheaper without throttling
 * more; "—" means the current mode is fine; "n/a" carries why the cost could not be worked out.
 */

export type FleetCostCell = {
  text: string;
  /** Under the figure: the share and the mode to switch to; null when there is nothing to add. */
  detail: string | null;
  /** The hover text, also given to screen readers and printed on phone cards. */
  title: string;
  tone: "value" | "saving" | "muted" | "error";
};

const NOT_DIAGNOSED = "Not priced: this table was not diagnosed (it could not be described, or its account and region could not be read).";

const percentOf = (share: number) => (share > 0 && share < 0.005 ? "<1%" : `${Math.round(share * 100)}%`);

export function fleetCostCell(cost: FleetCost | null): FleetCostCell {
  if (!cost) return { text: "—", detail: null, title: NOT_DIAGNOSED, tone: "muted" };
  if (!cost.ok) return { text: "n/a", detail: null, title: `The cost could not be worked out: ${cost.error}`, tone: "error" };
  return {
    text: `${formatUsd(cost.monthlyUsd)}/mo`,
    detail: null,
    title: `What the table costs now, a 30-day month extrapolated from ${windowText(cost.window)}. The table's Cost section shows every formula.`,
    tone: "value",
  };
}

export function fleetSavingsCell(cost: FleetCost | null): FleetCostCell {
  if (!cost) return { text: "—", detail: null, title: NOT_DIAGNOSED, tone: "muted" };
  if (!cost.ok) return { text: "n/a", detail: null, title: `The saving could not be worked out: ${cost.error}`, tone: "error" };
  if (!cost.switchTo) {
    return {
      text: "—",
      detail: null,
      title: "The current mode is fine: no other capacity mode is 10% or more cheaper without turning away more requests.",
      tone: "muted",
    };
  }
  const mode = MODE_SHORT[cost.switchTo];
  return {
    text: `${formatUsd(cost.savingsMonthlyUsd)}/mo`,
    detail: `−${percentOf(cost.savingShare)} · switch to ${mode}`,
    title: `${mode.charAt(0).toUpperCase()}${mode.slice(1)} would cost ${formatUsd(cost.savingsMonthlyUsd)} a month less (−${percentOf(cost.savingShare)}), turning away no more requests than now.`,
    tone: "saving",
  };
}

/** The phone card's one line, where nothing can be hovered: the reason is written out. Null for a table not priced. */
export function fleetCardCostText(cost: FleetCost | null): string | null {
  if (!cost) return null;
  if (!cost.ok) return `Cost n/a: ${cost.error}`;
  const now = `Costs ${formatUsd(cost.monthlyUsd)} a month`;
  if (!cost.switchTo) return `${now} · the current mode is fine`;
  return `${now} · save ${formatUsd(cost.savingsMonthlyUsd)} a month (−${percentOf(cost.savingShare)}) with ${MODE_SHORT[cost.switchTo]}`;
}
