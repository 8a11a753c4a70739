import { describe, expect, it } from "vitest";
import { estimateEtaMs, readFraction } from "./job-progress";

describe("readFraction", () => {
  it("takes the larger of items vs target and RCU vs budget", () => {
    expect(readFraction({ itemsRead: 25, itemTarget: 100, rcuUsed: 10, rcuBudget: 100 })).toBe(0.25);
    expect(readFraction({ itemsRead: 25, itemTarget: 100, rcuUsed: 50, rcuBudget: 100 })).toBe(0.5);
  });

  it("never claims to be done while running (ItemCount may be stale), and ignores an unknown target", () => {
    expect(readFraction({ itemsRead: 500, itemTarget: 100, rcuUsed: 0, rcuBudget: 100 })).toBe(0.99);
    expect(readFraction({ itemsRead: 500, itemTarget: null, rcuUsed: 20, rcuBudget: 100 })).toBe(0.2);
    expect(readFraction({ itemsRead: 500, itemTarget: 0, rcuUsed: 0, rcuBudget: 0 })).toBeNull();
  });
});

describe("estimateEtaMs", () => {
  it("extrapolates the pace so far", () => {
    expect(estimateEtaMs(1_000, 0.25)).toBe(3_000);
    expect(estimateEtaMs(1_000, 1)).toBe(0);
    expect(estimateEtaMs(1_000, 0)).toBeNull();
    expect(estimateEtaMs(1_000, null)).toBeNull();
  });
});
