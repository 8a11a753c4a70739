import type { FleetTableRow } from "./fleet-types";

/**
 * /fleet's optional orders by cost (issue 16), kept in the URL as `?sort=cost`, `?sort=savings` (highest first) or
 * `?sort=cost-asc`, `?sort=savings-asc`. Without one the rows keep the server's trouble-first ranking (fleet-rank.ts),
 * which also breaks ties here: the sort is stable. Pure, client-safe.
 */

export const FLEET_SORT_PARAM = "sort";
export const FLEET_SORT_KEYS = ["cost", "savings"] as const;
export type FleetSortKey = (typeof FLEET_SORT_KEYS)[number];
export type FleetSort = { key: FleetSortKey; direction: "desc" | "asc" } | null;

export const FLEET_SORT_NAMES: Record<FleetSortKey, string> = { cost: "monthly cost", savings: "potential savings" };

export function parseFleetSort(value: string | null): FleetSort {
  const match = /^(cost|savings)(-asc)?$/.exec(value ?? "");
  if (!match) return null;
  return { key: match[1] === "savings" ? "savings" : "cost", direction: match[2] ? "asc" : "desc" };
}

/** The URL value; empty (remove the parameter) for the default trouble-first order. */
export function fleetSortParam(sort: FleetSort): string {
  if (!sort) return "";
  return sort.direction === "asc" ? `${sort.key}-asc` : sort.key;
}

/** A header click: highest first, then lowest first, then back to trouble first. Another column starts highest first. */
export function nextFleetSort(current: FleetSort, key: FleetSortKey): FleetSort {
  if (!current || current.key !== key) return { key, direction: "desc" };
  return current.direction === "desc" ? { key, direction: "asc" } : null;
}

export function ariaSort(current: FleetSort, key: FleetSortKey): "ascending" | "descending" | "none" {
  if (!current || current.key !== key) return "none";
  return current.direction === "desc" ? "descending" : "ascending";
}

/** What a click on the column's header will do, for its title and accessible name. */
export function sortActionText(current: FleetSort, key: FleetSortKey): string {
  const next = nextFleetSort(current, key);
  if (!next) return "Back to trouble first";
  return `Sort by ${FLEET_SORT_NAMES[key]}, ${next.direction === "desc" ? "highest" : "lowest"} first`;
}

/** The row's figure for a key; null when it has none (not diagnosed, or its cost could not be worked out). */
export function fleetSortValue(row: FleetTableRow, key: FleetSortKey): number | null {
  if (!row.cost || !row.cost.ok) return null;
  return key === "cost" ? row.cost.monthlyUsd : row.cost.savingsMonthlyUsd;
}

/** Rows without a figure go last in either direction: those whose cost failed, then those never priced. */
function missingRank(row: FleetTableRow): number {
  if (!row.cost) return 2;
  return row.cost.ok ? 0 : 1;
}

/** The rows in `sort`'s order; `rows` as given (already ranked trouble first) when there is none. */
export function sortFleet(rows: readonly FleetTableRow[], sort: FleetSort): FleetTableRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === "desc" ? -1 : 1;
  return rows
    .map((row, position) => ({ row, position, value: fleetSortValue(row, sort.key), missing: missingRank(row) }))
    .sort((a, b) => a.missing - b.missing || (a.value !== null && b.value !== null ? sign * (a.value - b.value) : 0) || a.position - b.position)
    .map((entry) => entry.row);
}
