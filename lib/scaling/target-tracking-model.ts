/**
 * The target-tracking scaling model for DynamoDB, pure and client-safe. The local Application Auto Scaling service
 * (local/aws/autoscaling) runs it against its CloudWatch alarms, and the cost advisor's capacity simulation
 * (lib/cost/capacity-simulation.ts) runs it over a table's history, so both scale the same way.
 *
 * The alarms Application Auto Scaling creates for a DynamoDB target-tracking policy (as exported from real accounts:
 * a target of 70% on 1 provisioned unit gives AlarmHigh 42 and AlarmLow 30):
 * - AlarmHigh: Consumed<Kind>CapacityUnits, Sum, Period 60, 2 of 2 periods GreaterThanThreshold target% × provisioned × 60.
 *   DynamoDB guide (AutoScaling.html) and the knowledge center (dynamodb-auto-scaling): auto scaling "increases
 *   provisioned capacity when utilization exceeds [the target] for at least 2 consecutive minutes".
 * - AlarmLow: the same metric, 15 of 15 periods LessThanThreshold (target − 20)% × provisioned × 60: it "decreases
 *   provisioned capacity when utilization is 20% or more below the target for 15 consecutive minutes"
 *   (https://repost.aws/knowledge-center/dynamodb-auto-scaling).
 * - ProvisionedCapacityHigh/Low: Provisioned<Kind>CapacityUnits, Average, Period 300, 3 periods; they only notice a
 *   capacity changed outside auto scaling, and never scale.
 * AWS re-puts the alarms with new thresholds after each capacity change.
 */
export const TRACKING_ALARM_KINDS = ["AlarmHigh", "AlarmLow", "ProvisionedCapacityHigh", "ProvisionedCapacityLow"] as const;
export type TrackingAlarmKind = (typeof TRACKING_ALARM_KINDS)[number];

/** AlarmLow's threshold sits this many percentage points below the target. */
export const SCALE_IN_MARGIN_POINTS = 20;
/** AlarmHigh's EvaluationPeriods (of one minute each, all of which must breach). */
export const HIGH_PERIODS = 2;
/** AlarmLow's EvaluationPeriods (of one minute each, all of which must breach). */
export const LOW_PERIODS = 15;
/** The consumed-capacity alarms' Period: one-minute Sums. */
export const TRACKING_PERIOD_S = 60;

/**
 * Application Auto Scaling's default ScaleOutCooldown and ScaleInCooldown for DynamoDB tables and global secondary
 * indexes: 0 seconds (300 is the default only for ECS, Spot Fleet, EMR, AppStream, Aurora, SageMaker and custom
 * resources). Application Auto Scaling API reference, TargetTrackingScalingPolicyConfiguration, ScaleOutCooldown /
 * ScaleInCooldown; the user guide's "Define cooldown periods".
 */
export const DYNAMODB_DEFAULT_COOLDOWN_S = 0;

/** A target-tracking policy's settings (TargetTrackingScalingPolicyConfiguration), cooldowns in seconds. */
export type TrackingSettings = { targetValue: number; scaleOutCooldownS: number; scaleInCooldownS: number; disableScaleIn: boolean };

/** AlarmHigh's and AlarmLow's thresholds, as one-minute Sums of consumed units, for a policy at `capacity` units/s. */
export function trackingThresholds(targetValue: number, capacity: number): { highSum: number; lowSum: number } {
  return {
    highSum: (targetValue / 100) * capacity * TRACKING_PERIOD_S,
    lowSum: (Math.max(0, targetValue - SCALE_IN_MARGIN_POINTS) / 100) * capacity * TRACKING_PERIOD_S,
  };
}

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
 * in; the provisioned-capacity alarms only keep the alarms in step (the caller handles them).
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
