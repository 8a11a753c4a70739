import { describe, expect, it } from "vitest";
import { SpaceSaving } from "./space-saving";
import { seededRandom, trueTop, zipfDraws } from "./test-streams";

describe("SpaceSaving", () => {
  it("counts exactly while there is a counter for every key", () => {
    const summary = new SpaceSaving(3);
    for (const [id, weight] of [["a", 1], ["b", 5], ["a", 2], ["c", 1]] as const) summary.offer(id, weight, 10);
    expect(summary.top(3)).toEqual([
      { id: "b", count: 5, error: 0, companion: 10 },
      { id: "a", count: 3, error: 0, companion: 20 },
      { id: "c", count: 1, error: 0, companion: 10 },
    ]);
    expect(summary.total).toBe(9);
    expect(summary.floor).toBe(1);
  });

  it("hands the smallest counter to a new key, which inherits its count as error", () => {
    const summary = new SpaceSaving(2);
    summary.offer("a", 5);
    summary.offer("b", 2);
    summary.offer("c", 1);
    expect(summary.top(2)).toEqual([
      { id: "a", count: 5, error: 0, companion: 0 },
      { id: "c", count: 3, error: 2, companion: 0 },
    ]);
    expect(summary.size).toBe(2);
  });

  it("keeps the true top 10 of a Zipf stream, with bounds that hold, in a fixed number of counters", () => {
    const random = seededRandom(42);
    const draw = zipfDraws(100_000, 1.1, random);
    const truth = new Map<string, number>();
    const summary = new SpaceSaving(1_000);
    for (let i = 0; i < 500_000; i++) {
      const id = `key-${draw()}`;
      truth.set(id, (truth.get(id) ?? 0) + 1);
      summary.offer(id, 1);
      if (i % 50_000 === 0) expect(summary.size).toBeLessThanOrEqual(1_000);
    }
    expect(truth.size).toBeGreaterThan(30_000);
    expect(summary.size).toBe(1_000);
    const top = summary.top(10);
    expect(top.map((counter) => counter.id)).toEqual(trueTop(truth, 10));
    for (const counter of summary.top(50)) {
      const actual = truth.get(counter.id) ?? 0;
      expect(counter.count).toBeGreaterThanOrEqual(actual);
      expect(counter.count - counter.error).toBeLessThanOrEqual(actual);
    }
    // Every key above total / capacity is tracked.
    const floor = summary.total / summary.capacity;
    const tracked = new Set(summary.counters().map((counter) => counter.id));
    for (const [id, count] of truth) if (count > floor) expect(tracked.has(id)).toBe(true);
  });

  it("takes weights, so it ranks keys by bytes as well as by items", () => {
    const summary = new SpaceSaving(2);
    summary.offer("small-but-many", 10, 1);
    summary.offer("small-but-many", 10, 1);
    summary.offer("one-big", 400_000, 1);
    expect(summary.top(1)[0]).toMatchObject({ id: "one-big", count: 400_000 });
    expect(() => summary.offer("x", -1)).toThrow(RangeError);
    expect(() => new SpaceSaving(0)).toThrow(RangeError);
  });
});
