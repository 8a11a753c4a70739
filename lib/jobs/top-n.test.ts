import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopN } from "./top-n";

describe("TopN", () => {
  it("keeps the N highest scores, highest first", () => {
    const top = new TopN<string>(3);
    for (const [score, value] of [[5, "e"], [1, "a"], [9, "i"], [3, "c"], [7, "g"], [2, "b"]] as const) top.offer(score, value);
    expect(top.values()).toEqual(["i", "g", "e"]);
    expect(top.size).toBe(3);
  });

  it("keeps the first seen on ties and builds a lazy value only when it is kept", () => {
    const top = new TopN<string>(1);
    top.offer(4, "first");
    let built = 0;
    expect(top.offer(4, () => (built++, "second"))).toBe(false);
    expect(top.offer(3, () => (built++, "smaller"))).toBe(false);
    expect(built).toBe(0);
    expect(top.offer(5, () => (built++, "bigger"))).toBe(true);
    expect(built).toBe(1);
    expect(top.values()).toEqual(["bigger"]);
  });

  it("matches sorting everything, whatever the input", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 })), fc.integer({ min: 1, max: 30 }), (scores, capacity) => {
        const top = new TopN<number>(capacity);
        for (const score of scores) top.offer(score, score);
        expect(top.values()).toEqual([...scores].sort((a, b) => b - a).slice(0, capacity));
      }),
    );
  });

  it("rejects a capacity below 1", () => {
    expect(() => new TopN(0)).toThrow(RangeError);
  });
});
