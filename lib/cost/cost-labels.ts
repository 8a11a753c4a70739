import { formatUnits, formatUsd } from "./cost-numbers";
import { costSummary, type CostSummary } from "./cost-summary";
import type { Alternative, CapacityModeName, CostLine, CostResponse, TableClass } from "./cost-types";

/**
 * The words the Cost section and /fleet put around the cost advisor's figures (pure, client-safe). Nothing here
 * recomputes a cost: every amount is read from the response or from costSummary, which the verdict shares.
 */

export const MODE_LABELS: Record<CapacityModeName, string> = {
  "on-demand": "On-demand",
  "provisioned-peak": "Provisioned at the peak",
  autoscaling: "Auto scaling at 70%",
  reserved: "Auto scaling + 1-year reserved",
};

/** Lower-case, for "switch to …" in /fleet's savings column. */
export const MODE_SHORT: Record<CapacityModeName, string> = {
  "on-demand": "on-demand",
  "provisioned-peak": "provisioned at peak",
  autoscaling: "auto scaling",
  reserved: "reserved capacity",
};

export const CURRENT_MODE_LABELS: Record<CostResponse["current"]["mode"], string> = {
  "on-demand": "On-demand",
  provisioned: "Provisioned (fixed capacity)",
  autoscaling: "Provisioned with auto scaling",
};

export const TABLE_CLASS_LABELS: Record<TableClass, string> = { STANDARD: "Standard", STANDARD_INFREQUENT_ACCESS: "Standard-IA" };

/** A cost line with its name split off: the engine writes each formula as "table reads: 1,234 RCU-hours × …". */
export type LabelledLine = CostLine & { label: string };

/**
 * The "name: " prefix of a formula, when it has one: words, optionally one parenthesised note ("reads (no
 * reservation)"); "=", "$", "×" and "÷" belong to the arithmetic, never to a name.
 */
const LABEL = /^[A-Za-z][A-Za-z0-9 _.-]*( \([^()$=×÷]*\))?$/;

export function splitCostLine(line: CostLine): LabelledLine {
  const at = line.formula.indexOf(": ");
  const head = at > 0 ? line.formula.slice(0, at) : "";
  if (!LABEL.test(head)) return { ...line, label: "" };
  return { usd: line.usd, formula: line.formula, label: head };
}

export type CostBreakdown = {
  month: LabelledLine | null;
  throughput: LabelledLine | null;
  /** Each resource's throughput (table reads, GSI x writes…; for on-demand now, the table and each GSI). */
  throughputParts: LabelledLine[];
  storage: LabelledLine | null;
  /** The table's and each index's own storage, where the route gave their bytes: already inside `storage`. */
  storageParts: LabelledLine[];
};

/**
 * The lines of `current` or an alternative, by their place: lines[0] is the month's sum and lines[1] the throughput
 * sum (lib/cost/cost-alternatives.ts monthLines); then the throughput parts, the storage ("storage: …"), and the
 * per-resource storage ("GSI x storage: …").
 */
export function costBreakdown(lines: readonly CostLine[]): CostBreakdown {
  const [month, throughput, ...rest] = lines.map(splitCostLine);
  const storageAt = rest.findIndex((line) => line.label === "storage");
  return {
    month: month ?? null,
    throughput: throughput ?? null,
    throughputParts: storageAt >= 0 ? rest.slice(0, storageAt) : rest,
    storage: storageAt >= 0 ? (rest[storageAt] ?? null) : null,
    storageParts: storageAt >= 0 ? rest.slice(storageAt + 1) : [],
  };
}

/** A figure that the response gives without its own line still gets a formula saying where it comes from. */
export function lineOr(line: LabelledLine | null, usd: number, fallback: string): CostLine {
  return line ?? { usd, formula: fallback };
}

export type AlternativeStatus = {
  kind: "recommended" | "would-throttle" | "same-as-now" | "cheaper" | "not-cheaper";
  text: string;
};

const percentOf = (share: number) => (share > 0 && share < 0.005 ? "<1%" : `${Math.round(share * 100)}%`);

/**
 * How one alternative compares with now. The recommended one is costSummary's `switchTo` (bestAlternative at
 * CAPACITY_MODE_SAVING_SHARE or more); any option that turns away more requests than now is never recommended.
 */
export function alternativeStatus(cost: CostResponse, option: Alternative, summary: CostSummary = costSummary(cost)): AlternativeStatus {
  const { current } = cost;
  if (current.mode === "on-demand" && option.mode === "on-demand") return { kind: "same-as-now", text: "the current mode" };
  if (summary.switchTo === option.mode) {
    return { kind: "recommended", text: `recommended: ${formatUsd(summary.savingsMonthlyUsd)} a month less (−${percentOf(summary.savingShare)})` };
  }
  if (option.throttledRequests > current.throttledRequests) return { kind: "would-throttle", text: "would throttle — not recommended" };
  const saving = current.monthlyUsd - option.monthlyUsd;
  if (saving > 0) {
    const share = current.monthlyUsd > 0 ? saving / current.monthlyUsd : 0;
    const why = summary.switchTo ? `${MODE_LABELS[summary.switchTo].toLowerCase()} saves more` : "under the 10% worth switching for";
    return { kind: "cheaper", text: `${formatUsd(saving)} a month less (−${percentOf(share)}), ${why}` };
  }
  return { kind: "not-cheaper", text: saving === 0 ? "costs the same as now" : `${formatUsd(-saving)} a month more than now` };
}

/** "none", or "12,345 request units" (rounded: the simulation's sums can be fractional). */
export function throttledText(units: number): string {
  const rounded = Math.round(units);
  if (units <= 0) return "none";
  return rounded === 0 ? "under 1 request unit" : `${formatUnits(rounded)} request unit${rounded === 1 ? "" : "s"}`;
}

/** "2026-11-19 18:00 UTC": always UTC, so finance and on-call in different zones read the same window. */
export function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function windowText(window: { start: number; end: number }): string {
  const days = (window.end - window.start) / 86_400_000;
  const length = Number.isInteger(days) ? `${days} day${days === 1 ? "" : "s"}` : `${formatUnits(Math.round(days * 10) / 10)} days`;
  return `${utcMinute(window.start)} to ${utcMinute(window.end)} (${length})`;
}

export function pricesAsOf(date: string): string {
  return `prices as of ${date}`;
}

/** A figure's hover text: its formula and the date of the prices in it. */
export function formulaTitle(line: CostLine, pricesDate: string): string {
  return `${line.formula} (${pricesAsOf(pricesDate)})`;
}

/** The saving costSummary found, as a line with its subtraction; null when the current mode is fine. */
export function savingLine(cost: CostResponse, summary: CostSummary = costSummary(cost)): CostLine | null {
  if (!summary.switchTo) return null;
  const best = cost.alternatives.find((option) => option.mode === summary.switchTo);
  if (!best) return null;
  return {
    usd: summary.savingsMonthlyUsd,
    formula:
      `${formatUsd(cost.current.monthlyUsd)} now − ${formatUsd(best.monthlyUsd)} ${MODE_LABELS[best.mode].toLowerCase()} = ` +
      `${formatUsd(summary.savingsMonthlyUsd)} a month (${percentOf(summary.savingShare)} of now)`,
  };
}

/** What the section says when nothing was read or written in the window; null when there was traffic. */
export function noTrafficText(cost: CostResponse): string | null {
  if (cost.consumed.readUnits > 0 || cost.consumed.writeUnits > 0) return null;
  const base = `${cost.table} had no traffic in the window measured (${windowText(cost.window)}): CloudWatch recorded no read or write units.`;
  if (cost.current.monthlyUsd === 0) return `${base} Every figure is $0.`;
  if (cost.current.mode === "on-demand") return `${base} On-demand bills requests only, so what it costs now is its storage.`;
  return `${base} Provisioned capacity is billed by the hour whether it is used or not, so it still costs; on-demand would cost only the storage.`;
}
