import { describe, expect, it } from "vitest";
import { decideScaling, desiredCapacity, trackingThresholds, type DecisionInput } from "./target-tracking-model";

const BASE: Omit<DecisionInput, "alarm" | "consumedPerSecond"> = {
  settings: { targetValue: 70, scaleInCooldownS: 0, scaleOutCooldownS: 0, disableScaleIn: false },
  min: 1,
  max: 100,
  currentCapacity: 10,
  lastScaleInMs: null,
  lastScaleOutMs: null,
  nowMs: 0,
};

describe("the target-tracking capacity", () => {
  it("is the consumption over the target fraction, rounded up to a whole unit", () => {
    expect(desiredCapacity(8, 70)).toBe(12);
    expect(desiredCapacity(7, 70)).toBe(10);
    expect(desiredCapacity(0, 70)).toBe(1);
  });

  it("puts AlarmHigh at target% and AlarmLow 20 points lower, as one-minute Sums", () => {
    // 70% of 1 unit for 60 s = 42; 50% of it = 30 (the figures AWS's own alarms carry).
    const one = trackingThresholds(70, 1);
    expect(one.highSum).toBeCloseTo(42);
    expect(one.lowSum).toBeCloseTo(30);
    // A target below 20 cannot put AlarmLow below zero.
    expect(trackingThresholds(15, 10).lowSum).toBe(0);
  });

  it("ignores alarm kinds that do not scale and minutes without data", () => {
    expect(decideScaling({ ...BASE, alarm: "ProvisionedCapacityHigh", consumedPerSecond: 50 }).action).toBe("none");
    expect(decideScaling({ ...BASE, alarm: "AlarmHigh", consumedPerSecond: null }).action).toBe("none");
    expect(decideScaling({ ...BASE, alarm: "AlarmLow", consumedPerSecond: 1, currentCapacity: 1 })).toMatchObject({ action: "notScaled", reason: { Code: "AlreadyAtMinCapacity" } });
  });

  it("scales out to the desired capacity within the bounds, and in the same way", () => {
    // 14/s at 70% wants 20; max 18 holds it there.
    expect(decideScaling({ ...BASE, alarm: "AlarmHigh", consumedPerSecond: 14 })).toEqual({ action: "scale", direction: "out", capacity: 20 });
    expect(decideScaling({ ...BASE, alarm: "AlarmHigh", consumedPerSecond: 14, max: 18 })).toEqual({ action: "scale", direction: "out", capacity: 18 });
    // 2.1/s wants 3; min 5 holds it there.
    expect(decideScaling({ ...BASE, alarm: "AlarmLow", consumedPerSecond: 2.1 })).toEqual({ action: "scale", direction: "in", capacity: 3 });
    expect(decideScaling({ ...BASE, alarm: "AlarmLow", consumedPerSecond: 2.1, min: 5 })).toEqual({ action: "scale", direction: "in", capacity: 5 });
  });

  it("waits out each cooldown for its own direction only", () => {
    const settings = { ...BASE.settings, scaleOutCooldownS: 300, scaleInCooldownS: 3600 };
    expect(decideScaling({ ...BASE, settings, alarm: "AlarmHigh", consumedPerSecond: 14, lastScaleOutMs: 0, nowMs: 299_000 })).toMatchObject({ action: "none", why: "scale-out cooldown" });
    expect(decideScaling({ ...BASE, settings, alarm: "AlarmHigh", consumedPerSecond: 14, lastScaleInMs: 0, nowMs: 60_000 })).toMatchObject({ action: "scale", direction: "out" });
    expect(decideScaling({ ...BASE, settings, alarm: "AlarmLow", consumedPerSecond: 2, lastScaleInMs: 0, nowMs: 3_599_000 })).toMatchObject({ action: "none", why: "scale-in cooldown" });
  });
});
