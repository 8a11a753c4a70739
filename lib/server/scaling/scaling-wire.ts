import "server-only";
import type { ScalableTarget, ScalingActivity, ScalingPolicy, ScheduledAction } from "@aws-sdk/client-application-auto-scaling";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { ScalableDimension, ScalingPolicySummary } from "@/lib/scaling/scaling-types";
import type { ScopeActivity, ScopePolicy, ScopeScheduledAction, ScopeTarget } from "@/lib/scaling/scope-scaling-data";

/*
 * The SDK's Application Auto Scaling shapes, parsed into the scope data the product reads. Every field of the SDK's
 * types is `| undefined`; an entry lacking what AWS always sends (a resource id, a DynamoDB dimension, capacities,
 * times) is a malformed answer and fails the read rather than being guessed at.
 */

const DIMENSIONS = ["dynamodb:table:ReadCapacityUnits", "dynamodb:table:WriteCapacityUnits", "dynamodb:index:ReadCapacityUnits", "dynamodb:index:WriteCapacityUnits"] as const satisfies readonly ScalableDimension[];
const dimension = z.enum(DIMENSIONS);
const date = z.date().transform((value) => value.getTime());
const optionalDate = date.optional().transform((value) => value ?? null);

const target = z.object({
  ResourceId: z.string().min(1),
  ScalableDimension: dimension,
  MinCapacity: z.number(),
  MaxCapacity: z.number(),
  SuspendedState: z.object({ DynamicScalingInSuspended: z.boolean().optional(), DynamicScalingOutSuspended: z.boolean().optional(), ScheduledScalingSuspended: z.boolean().optional() }).optional(),
});

const policy = z.object({
  PolicyName: z.string().min(1),
  ResourceId: z.string().min(1),
  ScalableDimension: dimension,
  PolicyType: z.string(),
  TargetTrackingScalingPolicyConfiguration: z
    .object({
      TargetValue: z.number(),
      PredefinedMetricSpecification: z.object({ PredefinedMetricType: z.string() }).optional(),
      ScaleOutCooldown: z.number().optional(),
      ScaleInCooldown: z.number().optional(),
      DisableScaleIn: z.boolean().optional(),
    })
    .optional(),
  Alarms: z.array(z.object({ AlarmName: z.string() })).optional(),
});

const scheduled = z.object({
  ScheduledActionName: z.string().min(1),
  ResourceId: z.string().min(1),
  ScalableDimension: dimension.optional(),
  Schedule: z.string(),
  Timezone: z.string().optional(),
  StartTime: optionalDate,
  EndTime: optionalDate,
  ScalableTargetAction: z.object({ MinCapacity: z.number().optional(), MaxCapacity: z.number().optional() }).optional(),
});

const activity = z.object({
  ActivityId: z.string().min(1),
  ResourceId: z.string().min(1),
  ScalableDimension: dimension,
  Description: z.string(),
  Cause: z.string(),
  StartTime: date,
  EndTime: optionalDate,
  StatusCode: z.string(),
  StatusMessage: z.string().optional(),
  NotScaledReasons: z.array(z.object({ Code: z.string() })).optional(),
});

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("UPSTREAM", `Application Auto Scaling answered a malformed ${what}: ${result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return result.data;
}

/** Targets of other services cannot appear (the read names the dynamodb namespace), so every target parses or the answer is wrong. */
export function scopeTarget(raw: ScalableTarget): ScopeTarget {
  const entry = parsed(target, raw, "scalable target");
  const suspended = entry.SuspendedState ?? {};
  return {
    resourceId: entry.ResourceId,
    dimension: entry.ScalableDimension,
    minCapacity: entry.MinCapacity,
    maxCapacity: entry.MaxCapacity,
    suspended: { dynamicScalingIn: suspended.DynamicScalingInSuspended ?? false, dynamicScalingOut: suspended.DynamicScalingOutSuspended ?? false, scheduledScaling: suspended.ScheduledScalingSuspended ?? false },
  };
}

export function scopePolicy(raw: ScalingPolicy): ScopePolicy {
  const entry = parsed(policy, raw, "scaling policy");
  const tracking = entry.TargetTrackingScalingPolicyConfiguration;
  const summary: ScalingPolicySummary = {
    name: entry.PolicyName,
    type: entry.PolicyType,
    targetValue: tracking?.TargetValue ?? null,
    // A customized metric has no predefined type: the API shape says "custom" for it.
    metric: tracking ? (tracking.PredefinedMetricSpecification?.PredefinedMetricType ?? "custom") : null,
    scaleOutCooldownSeconds: tracking?.ScaleOutCooldown ?? null,
    scaleInCooldownSeconds: tracking?.ScaleInCooldown ?? null,
    disableScaleIn: tracking?.DisableScaleIn ?? false,
    alarms: (entry.Alarms ?? []).map((alarm) => alarm.AlarmName),
  };
  return { resourceId: entry.ResourceId, dimension: entry.ScalableDimension, policy: summary };
}

export function scopeScheduledAction(raw: ScheduledAction): ScopeScheduledAction {
  const entry = parsed(scheduled, raw, "scheduled action");
  return {
    resourceId: entry.ResourceId,
    dimension: entry.ScalableDimension ?? null,
    action: {
      name: entry.ScheduledActionName,
      schedule: entry.Schedule,
      timezone: entry.Timezone ?? null,
      minCapacity: entry.ScalableTargetAction?.MinCapacity ?? null,
      maxCapacity: entry.ScalableTargetAction?.MaxCapacity ?? null,
      start: entry.StartTime,
      end: entry.EndTime,
    },
  };
}

export function scopeActivity(raw: ScalingActivity): ScopeActivity {
  const entry = parsed(activity, raw, "scaling activity");
  return {
    resourceId: entry.ResourceId,
    dimension: entry.ScalableDimension,
    id: entry.ActivityId,
    status: entry.StatusCode,
    statusMessage: entry.StatusMessage ?? null,
    description: entry.Description,
    cause: entry.Cause,
    start: entry.StartTime,
    end: entry.EndTime,
    notScaledReasons: (entry.NotScaledReasons ?? []).map((reason) => reason.Code),
  };
}
