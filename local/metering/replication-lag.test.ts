import { describe, expect, it } from "vitest";
import { DEMO_FALLING_BEHIND, fallingBehindLag, isFallingBehind, steadyLag } from "./replication-lag";
import { ReplicationQueue } from "./replication-queue";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// A whole hour, so the demo's stretches fall at :20 and :50.
const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);

describe("the lag models", () => {
  it("keeps steady lag between its bounds, and the same for the same second", () => {
    const lag = steadyLag(500, 2_000);
    const values = Array.from({ length: 600 }, (_, second) => lag(T0 + second * 1000));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...values)).toBeLessThan(2_000);
    expect(new Set(values.map((value) => Math.round(value / 100))).size).toBeGreaterThan(5);
    expect(lag(T0 + 1_234)).toBe(lag(T0 + 1_999));
  });

  it("falls behind for 20 minutes at :20 and :50, about 3 minutes late for 12 of them, and is normal otherwise", () => {
    const lag = fallingBehindLag(DEMO_FALLING_BEHIND);
    expect(lag(T0 + 15 * MINUTE)).toBeLessThan(2_000);
    expect(lag(T0 + 21 * MINUTE)).toBeGreaterThan(44_000);
    expect(lag(T0 + 24 * MINUTE + 1)).toBeGreaterThan(180_000);
    expect(lag(T0 + 35 * MINUTE)).toBeGreaterThan(180_000);
    expect(lag(T0 + 38 * MINUTE)).toBeGreaterThan(90_000);
    expect(lag(T0 + 40 * MINUTE + 1)).toBeLessThan(2_000);
    expect(lag(T0 + 51 * MINUTE)).toBeGreaterThan(44_000);
    expect(isFallingBehind(DEMO_FALLING_BEHIND, T0 + 22 * MINUTE)).toBe(true);
    expect(isFallingBehind(DEMO_FALLING_BEHIND, T0 + 45 * MINUTE)).toBe(false);
  });

  it("puts a whole falling-behind stretch inside every 60-minute window", () => {
    const lag = fallingBehindLag(DEMO_FALLING_BEHIND);
    for (let start = T0; start < T0 + HOUR; start += 7 * MINUTE + 13_000) {
      const minutes = Array.from({ length: 60 }, (_, minute) => lag(start + minute * MINUTE + 30_000));
      expect(Math.max(...minutes)).toBeGreaterThan(30_000);
      expect(Math.min(...minutes)).toBeLessThan(2_000);
    }
  });
});

describe("the replication queue", () => {
  it("applies writes in order, each after its lag, and counts the ones pending", () => {
    let lag = 5_000;
    const queue = new ReplicationQueue<string>(() => lag);
    queue.enqueue("a", 0);
    lag = 1_000;
    // Written later with a shorter lag, but not applied before "a".
    expect(queue.enqueue("b", 1_000).applyAtMs).toBe(5_000);
    queue.enqueue("c", 6_000);
    expect(queue.size).toBe(3);
    expect(queue.peekDue(4_999)).toBeUndefined();
    expect(queue.peekDue(5_000)?.payload).toBe("a");
    // Not removed until shifted, so a failed apply is retried.
    expect(queue.peekDue(5_000)?.payload).toBe("a");
    queue.shift();
    expect(queue.peekDue(5_000)?.payload).toBe("b");
    queue.shift();
    expect(queue.peekDue(6_999)).toBeUndefined();
    expect(queue.peekDue(7_000)).toMatchObject({ payload: "c", writtenAtMs: 6_000, applyAtMs: 7_000 });
    expect(queue.size).toBe(1);
  });
});
