import { describe, expect, it } from "vitest";
import { DecreaseLimit, formatDecreaseTime, MAX_DECREASES_PER_DAY } from "./decrease-limit";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY_START = Date.UTC(2026, 11, 3);

describe("the daily limit on provisioned-capacity decreases", () => {
  it("allows four decreases at any time, then one per hour without a decrease", () => {
    const limit = new DecreaseLimit();
    for (let i = 0; i < 4; i++) {
      const at = DAY_START + 10 * HOUR + i * MINUTE;
      expect(limit.check("t", at)).toEqual({ allowed: true });
      limit.record("t", at);
    }
    const fifth = limit.check("t", DAY_START + 10 * HOUR + 30 * MINUTE);
    expect(fifth.allowed).toBe(false);
    if (fifth.allowed) return;
    expect(fifth.message).toContain("Number of decreases today: 4");
    expect(fifth.message).toContain("Last decrease at Thursday, December 3, 2026 10:03:00 AM UTC");
    expect(fifth.message).toContain("Next decrease can be made at Thursday, December 3, 2026 11:03:00 AM UTC");
    // An hour after the last decrease, one more.
    expect(limit.check("t", DAY_START + 11 * HOUR + 3 * MINUTE)).toEqual({ allowed: true });
    limit.record("t", DAY_START + 11 * HOUR + 3 * MINUTE);
    expect(limit.check("t", DAY_START + 11 * HOUR + 50 * MINUTE).allowed).toBe(false);
  });

  it("stops at 27 decreases in a UTC day and starts again at midnight UTC", () => {
    const limit = new DecreaseLimit();
    let allowed = 0;
    // Try every ten minutes all day; only the 4 free ones and one an hour after them get through.
    for (let at = DAY_START; at < DAY_START + 24 * HOUR; at += 10 * MINUTE) {
      if (limit.check("t", at).allowed) {
        limit.record("t", at);
        allowed++;
      }
    }
    expect(allowed).toBe(MAX_DECREASES_PER_DAY);
    expect(limit.countToday("t", DAY_START + 24 * HOUR - 1)).toBe(27);
    expect(limit.check("t", DAY_START + 24 * HOUR - 1).allowed).toBe(false);
    expect(limit.countToday("t", DAY_START + 24 * HOUR)).toBe(0);
    expect(limit.check("t", DAY_START + 24 * HOUR)).toEqual({ allowed: true });
  });

  it("counts each resource on its own (a table and its GSIs have separate limits)", () => {
    const limit = new DecreaseLimit();
    for (let i = 0; i < 4; i++) limit.record("Shop", DAY_START + i * MINUTE);
    expect(limit.check("Shop", DAY_START + 5 * MINUTE).allowed).toBe(false);
    expect(limit.check("Shop/index/GSI1", DAY_START + 5 * MINUTE)).toEqual({ allowed: true });
  });

  it("spells times as DynamoDB's message does", () => {
    expect(formatDecreaseTime(Date.UTC(2018, 6, 25, 20, 48, 14))).toBe("Wednesday, July 25, 2018 8:48:14 PM UTC");
    expect(formatDecreaseTime(Date.UTC(2018, 6, 25, 0, 5, 9))).toBe("Wednesday, July 25, 2018 12:05:09 AM UTC");
  });
});
