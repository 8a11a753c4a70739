import type { TrackingAlarmKind } from "./tracking-alarms";

/** A target-tracking policy's settings (TargetTrackingScalingPolicyConfiguration), cooldowns in seconds. */
export type TrackingSettings = { targetValue: number; scaleOutCooldownS: number; scaleInCooldownS: number; disableScaleIn: boolean };

export type NotScaledReason = { Code: "AlreadyAtMaxCapacity" | "AlreadyAtMinCapacity"; MaxCapacity?: number; MinCapacity?: number; CurrentCapacity: number };

export type ScalingDecision =
  | { action: "scale"; direction: "out" | "in"; capacity: number }
  /** A not scaled activity: the policy wanted to move but the target's bounds hold it. */
  | { action: "notScaled"; reason: NotScaledReason }
  /** Nothing to do and nothing to record (cooldown, scale-in disabled, no datapoint, already at the desired capacity). */
  | { action: "none"; why: string };

export type DecisionInput = {
  alarm: TrackingAlarmKind;
  settings: TrackingSettings;
  min: number;
  max: number;
  currentCapacity: number;
  /** The alarm metric's latest one-minute Sum, in units per second (Sum / 60); null when CloudWatch has none. */
  consumedPerSecond: number | null;
  lastScaleOutMs: number | null;
  lastScaleInMs: number | null;
  nowMs: number;
};

/**
 * The capacity that puts utilization back on the target: current × (utilization / target), which is the consumption
 * per second divided by the target fraction, rounded up to a whole unit. The epsilon keeps 7 / 0.7 at 10, not 11.
 */
export function desiredCapacity(consumedPerSecond: number, targetValue: number): number {
  return Math.max(1, Math.ceil(consumedPerSecond / (targetValue / 100) - 1e-9));
}

const inCooldown = (lastMs: number | null, cooldownS: number, nowMs: number) => lastMs !== null && nowMs - lastMs < cooldownS * 1000;

/**
 * What a target-tracking policy does when one of its alarms invokes it in ALARM. AlarmHigh scales out, AlarmLow scales
 * in; the provisioned-capacity alarms only keep the alarms in step (the engine handles them).
 * Cooldowns, as the API reference puts them: ScaleOutCooldown blocks another scale-out after a scale-out; ScaleInCooldown
 * blocks another scale-in after a scale-in, but "if another alarm triggers a scale out policy during the cooldown period
 * after a scale-in, application auto scaling scales out your scalable target immediately".
 */
export function decideScaling(input: DecisionInput): ScalingDecision {
  const { settings, min, max, currentCapacity: current, nowMs } = input;
  if (input.alarm !== "AlarmHigh" && input.alarm !== "AlarmLow") return { action: "none", why: "not a utilization alarm" };
  if (input.consumedPerSecond === null) return { action: "none", why: "no datapoint" };
  const desired = desiredCapacity(input.consumedPerSecond, settings.targetValue);

  if (input.alarm === "AlarmHigh") {
    if (inCooldown(input.lastScaleOutMs, settings.scaleOutCooldownS, nowMs)) return { action: "none", why: "scale-out cooldown" };
    if (current >= max) return { action: "notScaled", reason: { Code: "AlreadyAtMaxCapacity", MaxCapacity: max, CurrentCapacity: current } };
    const capacity = Math.min(max, Math.max(min, desired));
    return capacity > current ? { action: "scale", direction: "out", capacity } : { action: "none", why: "already at the desired capacity" };
  }

  if (settings.disableScaleIn) return { action: "none", why: "scale-in disabled" };
  if (inCooldown(input.lastScaleInMs, settings.scaleInCooldownS, nowMs)) return { action: "none", why: "scale-in cooldown" };
  if (current <= min) return { action: "notScaled", reason: { Code: "AlreadyAtMinCapacity", MinCapacity: min, CurrentCapacity: current } };
  const capacity = Math.max(min, Math.min(max, desired));
  return capacity < current ? { action: "scale", direction: "in", capacity } : { action: "none", why: "already at the desired capacity" };
}
