import { describe, expect, it } from "vitest";
import type { FleetCost } from "@/lib/cost/cost-summary";
import { ariaSort, fleetSortParam, nextFleetSort, parseFleetSort, sortActionText, sortFleet } from "./fleet-sort";
import type { FleetTableRow } from "./fleet-types";

const WINDOW = { start: Date.UTC(2026, 10, 19), end: Date.UTC(2026, 11, 3) };
const priced = (monthlyUsd: number, savingsMonthlyUsd = 0): FleetCost => ({
  ok: true,
  monthlyUsd,
  savingsMonthlyUsd,
  savingShare: monthlyUsd > 0 ? savingsMonthlyUsd / monthlyUsd : 0,
  switchTo: savingsMonthlyUsd > 0 ? "on-demand" : null,
  window: WINDOW,
});

/** A row as /api/fleet sends it, with only what the sort reads. */
const row = (name: string, cost: FleetCost | null): FleetTableRow => ({
  account: "prod",
  region: "us-east-1",
  name,
  detail: null,
  error: null,
  metrics: null,
  verdict: null,
  alarmsInAlarm: null,
  cost,
});

// In the server's trouble-first order: the sort must keep it for ties and for the default.
const ranked = [
  row("Alarmed", priced(10, 0)),
  row("Broken", { ok: false, error: "No prices for ap-south-2: set PRICES_FILE" }),
  row("Big", priced(400, 100)),
  row("Unread", null),
  row("Small", priced(2, 0)),
  row("Mid", priced(50, 20)),
  row("AlsoTen", priced(10, 0)),
];
const names = (rows: FleetTableRow[]) => rows.map((entry) => entry.name);

describe("fleet sort in the URL", () => {
  it("reads cost and savings, highest first unless -asc, and nothing else", () => {
    expect(parseFleetSort("cost")).toEqual({ key: "cost", direction: "desc" });
    expect(parseFleetSort("savings")).toEqual({ key: "savings", direction: "desc" });
    expect(parseFleetSort("cost-asc")).toEqual({ key: "cost", direction: "asc" });
    expect(parseFleetSort("savings-asc")).toEqual({ key: "savings", direction: "asc" });
    for (const other of [null, "", "name", "cost-desc", "COST", "savings-asc-asc"]) expect(parseFleetSort(other), String(other)).toBeNull();
  });

  it("writes what it reads, and nothing for the default order", () => {
    for (const value of ["cost", "savings", "cost-asc", "savings-asc"]) expect(fleetSortParam(parseFleetSort(value))).toBe(value);
    expect(fleetSortParam(null)).toBe("");
  });

  it("cycles a header: highest first, lowest first, back to trouble first; another header starts highest first", () => {
    const first = nextFleetSort(null, "cost");
    expect(first).toEqual({ key: "cost", direction: "desc" });
    const second = nextFleetSort(first, "cost");
    expect(second).toEqual({ key: "cost", direction: "asc" });
    expect(nextFleetSort(second, "cost")).toBeNull();
    expect(nextFleetSort(second, "savings")).toEqual({ key: "savings", direction: "desc" });
  });

  it("states the sort to assistive technology and what a click will do", () => {
    const sort = parseFleetSort("savings");
    expect(ariaSort(sort, "savings")).toBe("descending");
    expect(ariaSort(sort, "cost")).toBe("none");
    expect(ariaSort(parseFleetSort("cost-asc"), "cost")).toBe("ascending");
    expect(sortActionText(null, "cost")).toBe("Sort by monthly cost, highest first");
    expect(sortActionText(sort, "savings")).toBe("Sort by potential savings, lowest first");
    expect(sortActionText(parseFleetSort("savings-asc"), "savings")).toBe("Back to trouble first");
  });
});

describe("sortFleet", () => {
  it("keeps the trouble-first ranking without a sort", () => {
    expect(names(sortFleet(ranked, null))).toEqual(names(ranked));
  });

  it("orders by monthly cost, ties in ranked order, unpriced rows last either way", () => {
    expect(names(sortFleet(ranked, { key: "cost", direction: "desc" }))).toEqual(["Big", "Mid", "Alarmed", "AlsoTen", "Small", "Broken", "Unread"]);
    expect(names(sortFleet(ranked, { key: "cost", direction: "asc" }))).toEqual(["Small", "Alarmed", "AlsoTen", "Mid", "Big", "Broken", "Unread"]);
  });

  it("orders by the saving, tables that are fine as they are after any saving", () => {
    expect(names(sortFleet(ranked, { key: "savings", direction: "desc" }))).toEqual(["Big", "Mid", "Alarmed", "Small", "AlsoTen", "Broken", "Unread"]);
  });

  it("does not reorder its input", () => {
    const copy = [...ranked];
    sortFleet(ranked, { key: "cost", direction: "desc" });
    expect(ranked).toEqual(copy);
  });
});
