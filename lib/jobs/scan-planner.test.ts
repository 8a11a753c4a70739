import { describe, expect, it } from "vitest";
import { ScanPlanner, type PagePlan, type PlanDecision } from "./scan-planner";

const sendOf = (decision: PlanDecision): PagePlan => {
  if (decision.kind !== "send") throw new Error(`expected send, got ${JSON.stringify(decision)}`);
  return decision.page;
};

/** Pages of items that each cost `perItem` RCU, sent one at a time, as DynamoDB would charge them. */
function drain(planner: ScanPlanner, perItem: number, maxPages = 10_000): PagePlan[] {
  const pages: PagePlan[] = [];
  for (let i = 0; i < maxPages; i++) {
    const decision = planner.plan(0);
    if (decision.kind !== "send") break;
    planner.started(decision.page, 0);
    planner.finished(decision.page, { rcu: Math.max(0.5, Math.ceil((decision.page.limit * perItem) / 0.5) * 0.5), items: decision.page.limit });
    pages.push(decision.page);
  }
  return pages;
}

describe("ScanPlanner", () => {
  it("probes with one item, then doubles the page up to the cap", () => {
    const planner = new ScanPlanner({ rcuBudget: 1_000_000, rcuPerSecond: 1_000_000, targetItems: null, maxPageLimit: 100 });
    expect(drain(planner, 0.01, 9).map((page) => page.limit)).toEqual([1, 2, 4, 8, 16, 32, 64, 100, 100]);
  });

  it("waits for the probe before running pages in parallel", () => {
    const planner = new ScanPlanner({ rcuBudget: 1_000, rcuPerSecond: 1_000, targetItems: null });
    const probe = sendOf(planner.plan(0));
    planner.started(probe, 0);
    expect(planner.plan(1)).toEqual({ kind: "wait" });
    planner.finished(probe, { rcu: 0.5, items: 1 });
    expect(planner.plan(1).kind).toBe("send");
  });

  it.each([1, 7.5, 50, 333])("never spends more than the budget plus one page (budget %d)", (budget) => {
    const planner = new ScanPlanner({ rcuBudget: budget, rcuPerSecond: 1_000_000, targetItems: null });
    const pages = drain(planner, 0.3);
    expect(planner.plan(0)).toEqual({ kind: "stop", reason: "budget" });
    const last = pages[pages.length - 1];
    expect(last).toBeDefined();
    expect(planner.rcuUsed).toBeLessThanOrEqual(budget + (last?.limit ?? 0) * 0.3 + 0.5);
    expect(planner.rcuUsed).toBeGreaterThan(budget - 0.5);
  });

  it("sizes the last pages to the budget left, and stops parallel pages when it runs low", () => {
    const planner = new ScanPlanner({ rcuBudget: 10, rcuPerSecond: 1_000_000, targetItems: null, maxPageLimit: 100 });
    drain(planner, 1, 3); // 1 + 2 + 4 items at 1 RCU each: 7 RCU used, 1 RCU per item learned
    expect(planner.rcuUsed).toBe(7);
    expect(sendOf(planner.plan(0)).limit).toBe(3);
    expect(planner.plan(1)).toEqual({ kind: "wait" });
  });

  it("stops at the sample size and never plans more items than are missing", () => {
    const planner = new ScanPlanner({ rcuBudget: 1_000_000, rcuPerSecond: 1_000_000, targetItems: 50, maxPageLimit: 40 });
    const pages = drain(planner, 0.01);
    expect(pages.reduce((sum, page) => sum + page.limit, 0)).toBe(50);
    expect(planner.plan(0)).toEqual({ kind: "stop", reason: "sample-size" });
  });

  it("waits while pages in flight may already complete the sample", () => {
    const planner = new ScanPlanner({ rcuBudget: 1_000_000, rcuPerSecond: 1_000_000, targetItems: 3, maxPageLimit: 100 });
    drain(planner, 0.01, 1);
    const page = sendOf(planner.plan(0));
    expect(page.limit).toBe(2);
    planner.started(page, 0);
    expect(planner.plan(1)).toEqual({ kind: "wait" });
    planner.abandoned(page);
    expect(sendOf(planner.plan(0)).limit).toBe(2);
  });

  it("paces by the capacity reported: after a page that cost c, waits c / rate seconds", () => {
    const planner = new ScanPlanner({ rcuBudget: 1_000, rcuPerSecond: 2, targetItems: null });
    const page = sendOf(planner.plan(0));
    planner.started(page, 10_000);
    planner.finished(page, { rcu: 4, items: 1 });
    expect(planner.delayMs(10_000)).toBe(2_000);
    expect(planner.delayMs(11_500)).toBe(500);
    expect(planner.delayMs(12_000)).toBe(0);
  });

  it("keeps pages to about a second of the rate limit", () => {
    const planner = new ScanPlanner({ rcuBudget: 1_000_000, rcuPerSecond: 5, targetItems: null, maxPageLimit: 1_000 });
    const pages = drain(planner, 0.5, 12);
    expect(Math.max(...pages.map((page) => page.limit))).toBe(10);
  });
});
