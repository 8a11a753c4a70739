import { describe, expect, it } from "vitest";
import { seededRandom } from "./test-streams";
import { atLeastEstimate, confirmedEstimate, countPageBytes, rankCandidates, scaledEstimate, wholeEstimate } from "./key-estimate";

describe("key estimates", () => {
  it("states what the sample read: whole keys exactly, a key it stopped inside as a lower bound", () => {
    expect(wholeEstimate(12, 3_400)).toMatchObject({ basis: "whole", items: 12, itemsLow: 12, itemsHigh: 12, bytesHigh: 3_400, complete: true });
    expect(atLeastEstimate(12, 3_400)).toMatchObject({ basis: "at-least", items: 12, itemsLow: 12, itemsHigh: null, bytesHigh: null, complete: false });
  });

  it("scales an index key's sampled count by the share read, never below what was seen", () => {
    const estimate = scaledEstimate(100, 25_000, 0.1);
    expect(estimate).toMatchObject({ basis: "scaled", items: 1_000, bytes: 250_000 });
    expect(estimate.itemsLow).toBeGreaterThanOrEqual(100);
    expect(estimate.itemsLow).toBeLessThan(1_000);
    expect(estimate.itemsHigh ?? 0).toBeGreaterThan(1_000);
    expect(scaledEstimate(3, 30, 0.99).itemsLow).toBe(3);
    expect(scaledEstimate(0, 0, 0.5)).toMatchObject({ items: 0, itemsLow: 0 });
  });

  it("covers the true total about 95% of the time for a binomial sample", () => {
    const random = seededRandom(7);
    const total = 400;
    const fraction = 0.1;
    let covered = 0;
    const runs = 2_000;
    for (let run = 0; run < runs; run++) {
      let seen = 0;
      for (let item = 0; item < total; item++) if (random() < fraction) seen++;
      const estimate = scaledEstimate(seen, seen * 100, fraction);
      if (estimate.itemsLow <= total && total <= (estimate.itemsHigh ?? Infinity)) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.93);
  });

  it("bounds a COUNT page's bytes by its 4 KB-rounded charge", () => {
    expect(countPageBytes(0.5)).toEqual({ low: 0, high: 4096 });
    expect(countPageBytes(1.5)).toEqual({ low: 8192, high: 12_288 });
    expect(countPageBytes(128)).toEqual({ low: 255 * 4096, high: 256 * 4096 });
  });

  it("adds what COUNT queries found to what the sample read before their starting point", () => {
    const tally = { items: 990, bytesLow: 8192 * 60, bytesHigh: 8192 * 61, queries: 1, rcu: 61, complete: true };
    const confirmed = confirmedEstimate({ items: 10, bytes: 5_000 }, tally, 500);
    expect(confirmed).toMatchObject({ basis: "confirmed", items: 1_000, itemsLow: 1_000, itemsHigh: 1_000, bytes: 5_000 + 495_000, complete: true, countQueries: 1, countRcu: 61 });
    expect(confirmed.bytesLow).toBe(5_000 + 8192 * 60);
    expect(confirmed.bytesHigh).toBe(5_000 + 8192 * 61);
    // The budget ran out mid-key: a lower bound, with no upper bound.
    expect(confirmedEstimate({ items: 0, bytes: 0 }, { ...tally, complete: false }, 500)).toMatchObject({ itemsHigh: null, bytesHigh: null, complete: false });
    // The byte estimate stays within what the charge allows.
    expect(confirmedEstimate({ items: 0, bytes: 0 }, tally, 10).bytes).toBe(8192 * 60);
  });

  it("ranks candidates by estimated items, then bytes", () => {
    const candidates = [scaledEstimate(5, 50, 1), scaledEstimate(9, 10, 1), scaledEstimate(9, 90, 1)].map((estimate, id) => ({ id, estimate }));
    expect(rankCandidates(candidates, 2).map((candidate) => candidate.id)).toEqual([2, 1]);
  });
});
