import { describe, expect, it } from "vitest";
import { DecreaseQuota, MAX_DECREASES_PER_DAY } from "./decrease-quota";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY_START = Date.UTC(2026, 11, 3);

describe("DynamoDB's daily quota on capacity decreases", () => {
  it("allows four at any time, then one an hour after the last, and says when the next is due", () => {
    const quota = new DecreaseQuota();
    for (let i = 0; i < 4; i++) {
      expect(quota.check("t", DAY_START + i * MINUTE)).toEqual({ allowed: true });
      quota.record("t", DAY_START + i * MINUTE);
    }
    // Four done by 00:03; the fifth waits for 01:03.
    expect(quota.check("t", DAY_START + 30 * MINUTE)).toEqual({ allowed: false, decreasesToday: 4, lastMs: DAY_START + 3 * MINUTE, nextMs: DAY_START + HOUR + 3 * MINUTE });
    expect(quota.check("t", DAY_START + HOUR + 3 * MINUTE)).toEqual({ allowed: true });
  });

  it("stops at 27, names midnight UTC as the next chance, and starts afresh then", () => {
    const quota = new DecreaseQuota();
    for (let at = DAY_START; at < DAY_START + 24 * HOUR; at += 5 * MINUTE) if (quota.check("t", at).allowed) quota.record("t", at);
    expect(quota.countToday("t", DAY_START + 24 * HOUR - 1)).toBe(MAX_DECREASES_PER_DAY);
    expect(quota.check("t", DAY_START + 24 * HOUR - 1)).toMatchObject({ allowed: false, decreasesToday: 27, nextMs: DAY_START + 24 * HOUR });
    expect(quota.check("t", DAY_START + 24 * HOUR)).toEqual({ allowed: true });
  });
});
