import { describe, expect, it } from "vitest";
import { gini, giniOfGroups } from "./gini";
import { seededRandom } from "./test-streams";

describe("gini", () => {
  it("is 0 for an even spread and 1 − 1/n when one key holds everything", () => {
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0, 12);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
    expect(gini([7])).toBe(0);
  });

  it("matches the mean-difference definition on a small known set", () => {
    // Σ|xi − xj| over all pairs of 1..5 is 40; 40 / (2 · 5² · 3) = 4/15.
    expect(gini([3, 1, 5, 2, 4])).toBeCloseTo(4 / 15, 12);
  });

  it("approaches the known values of continuous distributions", () => {
    const random = seededRandom(7);
    const uniform = Array.from({ length: 200_000 }, () => random());
    expect(gini(uniform)).toBeCloseTo(1 / 3, 2);
    const exponential = Array.from({ length: 200_000 }, () => -Math.log(1 - random()));
    expect(gini(exponential)).toBeCloseTo(0.5, 2);
    // Pareto with α = 3: G = 1 / (2α − 1) = 0.2.
    const pareto = Array.from({ length: 200_000 }, () => (1 - random()) ** (-1 / 3));
    expect(gini(pareto)).toBeCloseTo(0.2, 2);
  });

  it("gives groups of equal values the same answer as the values one by one", () => {
    const values = [...Array<number>(1_000).fill(2), ...Array<number>(10).fill(50), 900];
    expect(giniOfGroups([{ value: 2, count: 1_000 }, { value: 900, count: 1 }, { value: 50, count: 10 }])).toBeCloseTo(gini(values) ?? -1, 12);
  });

  it("is null with nothing to spread, and refuses negative values", () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0])).toBeNull();
    expect(() => gini([1, -1])).toThrow(RangeError);
  });
});
