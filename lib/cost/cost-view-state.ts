import { COST_RANGE_CHOICES, DEFAULT_COST_RANGE } from "./cost-range";

/**
 * The Cost section's state as it lives in the table page's URL, so a link shows a colleague the same figures:
 * `?cost=7d` picks the window (14d, the default, is left out), `?costFormulas=on` prints every figure's formula.
 * Other sections' parameters (range, tz, gsi…) are left alone. Client-safe.
 */

export type CostRangeChoice = (typeof COST_RANGE_CHOICES)[number];

export const COST_RANGE_PARAM = "cost";
export const COST_FORMULAS_PARAM = "costFormulas";

export function isCostRangeChoice(value: string | null): value is CostRangeChoice {
  return value !== null && (COST_RANGE_CHOICES as readonly string[]).includes(value);
}

/** The range a URL asks for; anything else (missing, "30d", "abc") reads as the default, 14 days. */
export function parseCostRange(value: string | null): CostRangeChoice {
  if (isCostRangeChoice(value)) return value;
  return isCostRangeChoice(DEFAULT_COST_RANGE) ? DEFAULT_COST_RANGE : "14d";
}

/** What to write into `?cost=`: empty (remove it) for the default, so the plain table link stays the default view. */
export function costRangeParamValue(range: CostRangeChoice): string {
  return range === parseCostRange(null) ? "" : range;
}

/** Whether `?costFormulas=` asks for every formula printed. */
export function parseShowFormulas(value: string | null): boolean {
  return value === "on";
}

export function showFormulasParamValue(show: boolean): string {
  return show ? "on" : "";
}

/** The cost route's query for a range (the scope is added by withScope). */
export function costApiParams(range: CostRangeChoice): URLSearchParams {
  return new URLSearchParams({ range });
}

const DAY_MS = 86_400_000;

/** "14 days", "1 day", "2.5 days": a window's length for the loading text and captions. */
export function rangeDaysText(range: CostRangeChoice): string {
  const days = Number(range.slice(0, -1));
  return `${days} day${days === 1 ? "" : "s"}`;
}

export function windowDays(window: { start: number; end: number }): number {
  return (window.end - window.start) / DAY_MS;
}
