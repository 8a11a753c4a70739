import { describe, expect, it } from "vitest";
import { backOff, easeBack, isStreamThrottle, MAX_BACKOFF_FACTOR, pollDelayMs } from "./poll-backoff";

const named = (name: string) => Object.assign(new Error("x"), { name });

describe("poll back-off", () => {
  it("doubles on each throttle up to 16×, then stays there", () => {
    const factors: number[] = [];
    let factor = 1;
    for (let i = 0; i < 6; i++) factors.push((factor = backOff(factor)));
    expect(factors).toEqual([2, 4, 8, 16, 16, 16]);
    expect(pollDelayMs(1_000, factor)).toBe(16_000);
    expect(MAX_BACKOFF_FACTOR).toBe(16);
  });

  it("eases back by halves on success, never below the configured interval", () => {
    const factors: number[] = [];
    let factor = 16;
    for (let i = 0; i < 6; i++) factors.push((factor = easeBack(factor)));
    expect(factors).toEqual([8, 4, 2, 1, 1, 1]);
    expect(pollDelayMs(750, factor)).toBe(750);
  });

  it("clamps a delay's factor into 1..16", () => {
    expect(pollDelayMs(500, 0)).toBe(500);
    expect(pollDelayMs(500, 64)).toBe(8_000);
  });

  it("treats LimitExceededException and ThrottlingException as throttles, nothing else", () => {
    expect(isStreamThrottle(named("LimitExceededException"))).toBe(true);
    expect(isStreamThrottle(named("ThrottlingException"))).toBe(true);
    expect(isStreamThrottle(named("ExpiredIteratorException"))).toBe(false);
    expect(isStreamThrottle(named("ResourceNotFoundException"))).toBe(false);
    expect(isStreamThrottle({ name: "LimitExceededException" })).toBe(false);
  });
});
