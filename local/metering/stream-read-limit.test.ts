import { describe, expect, it } from "vitest";
import { KEPT_CALL_TIMES, maxCallsPerSecond, ShardReadLimit } from "./stream-read-limit";

describe("ShardReadLimit", () => {
  it("admits 5 calls in any one second per shard, not counting the throttled ones, and keeps shards apart", () => {
    let now = 10_000;
    const limit = new ShardReadLimit(5, () => now);
    const results = Array.from({ length: 7 }, () => limit.admit("s1"));
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(limit.admit("s2")).toBe(true);
    now += 999;
    expect(limit.admit("s1")).toBe(false);
    now += 1;
    // The five admitted at 10,000 have left the window; the throttled ones never took a place in it.
    expect(limit.admit("s1")).toBe(true);
    expect(limit.snapshot().byShard).toEqual({
      s1: { calls: 9, throttled: 3, callTimes: [10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_999, 11_000] },
      s2: { calls: 1, throttled: 0, callTimes: [10_000] },
    });
  });

  it("keeps only the last call times per shard, and refuses a limit that is not a positive integer", () => {
    let now = 0;
    const limit = new ShardReadLimit(1_000_000, () => now);
    for (let call = 0; call < KEPT_CALL_TIMES + 2_500; call++) {
      now++;
      limit.admit("s");
    }
    const reads = limit.snapshot().byShard.s;
    expect(reads?.calls).toBe(KEPT_CALL_TIMES + 2_500);
    expect(reads?.callTimes).toHaveLength(KEPT_CALL_TIMES);
    expect(reads?.callTimes.at(-1)).toBe(KEPT_CALL_TIMES + 2_500);
    expect(() => new ShardReadLimit(0, () => 0)).toThrow(/positive integer/);
  });
});

describe("maxCallsPerSecond", () => {
  it("finds the busiest one-second window", () => {
    expect(maxCallsPerSecond([])).toBe(0);
    expect(maxCallsPerSecond([0, 1_000, 2_000])).toBe(1);
    expect(maxCallsPerSecond([5_000, 0, 999, 1_500, 1_600, 1_998])).toBe(4);
  });
});
