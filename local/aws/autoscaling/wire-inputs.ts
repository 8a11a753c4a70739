import { z } from "zod";
import { validation } from "./autoscaling-errors";
import { dimensionFits, isDynamoDbDimension, parseResourceId, SERVICE_NAMESPACE } from "./identifiers";
import type { TargetRef } from "./scaling-engine";

/**
 * Request shapes of the ten operations, as the SDK serializes them (awsJson1_1: timestamps in epoch seconds). Every
 * member is optional here: a wrong JSON type is a SerializationException, a missing required one AWS's
 * ValidationException (checked below).
 */
const text = z.string().optional();
const int = z.number().int().optional();
const epochSeconds = z.number().optional();

const targetFields = { ServiceNamespace: text, ResourceId: text, ScalableDimension: text };

export const registerTargetInput = z.object({
  ...targetFields,
  MinCapacity: int,
  MaxCapacity: int,
  RoleARN: text,
  SuspendedState: z.object({ DynamicScalingInSuspended: z.boolean().optional(), DynamicScalingOutSuspended: z.boolean().optional(), ScheduledScalingSuspended: z.boolean().optional() }).optional(),
  Tags: z.record(z.string(), z.string()).optional(),
});

export const targetInput = z.object(targetFields);

export const putPolicyInput = z.object({
  ...targetFields,
  PolicyName: text,
  PolicyType: text,
  StepScalingPolicyConfiguration: z.unknown().optional(),
  PredictiveScalingPolicyConfiguration: z.unknown().optional(),
  TargetTrackingScalingPolicyConfiguration: z
    .object({
      TargetValue: z.number().optional(),
      PredefinedMetricSpecification: z.object({ PredefinedMetricType: text, ResourceLabel: text }).optional(),
      CustomizedMetricSpecification: z.unknown().optional(),
      ScaleOutCooldown: int,
      ScaleInCooldown: int,
      DisableScaleIn: z.boolean().optional(),
    })
    .optional(),
});

export const policyNameInput = z.object({ ...targetFields, PolicyName: text });

export const putScheduledInput = z.object({
  ...targetFields,
  ScheduledActionName: text,
  Schedule: text,
  Timezone: text,
  StartTime: epochSeconds,
  EndTime: epochSeconds,
  ScalableTargetAction: z.object({ MinCapacity: int, MaxCapacity: int }).optional(),
});

export const scheduledNameInput = z.object({ ...targetFields, ScheduledActionName: text });

const paging = { MaxResults: int, NextToken: text };
export const describeTargetsInput = z.object({ ServiceNamespace: text, ResourceIds: z.array(z.string()).optional(), ScalableDimension: text, ...paging });
export const describePoliciesInput = z.object({ ...targetFields, PolicyNames: z.array(z.string()).optional(), ...paging });
export const describeActivitiesInput = z.object({ ...targetFields, IncludeNotScaledActivities: z.boolean().optional(), ...paging });
export const describeScheduledInput = z.object({ ...targetFields, ScheduledActionNames: z.array(z.string()).optional(), ...paging });

/** AWS's wording for a required member that is missing. */
export function required<T>(value: T | undefined, member: string): T {
  if (value === undefined) throw validation(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  return value;
}

/** The local endpoint serves DynamoDB only; any other namespace is refused as unsupported. */
export function checkNamespace(namespace: string | undefined): void {
  if (required(namespace, "serviceNamespace") !== SERVICE_NAMESPACE) {
    throw validation(`Unsupported service namespace ${namespace ?? ""}: the local Application Auto Scaling serves the dynamodb namespace only.`);
  }
}

const UNSUPPORTED = "Unsupported service namespace, resource type or scalable dimension";

/** A scalable target named by ServiceNamespace + ResourceId + ScalableDimension, validated as AWS validates it. */
export function targetRef(input: { ServiceNamespace?: string; ResourceId?: string; ScalableDimension?: string }): TargetRef {
  checkNamespace(input.ServiceNamespace);
  const resourceId = required(input.ResourceId, "resourceId");
  const dimension = required(input.ScalableDimension, "scalableDimension");
  const resource = parseResourceId(resourceId);
  if (!resource || !isDynamoDbDimension(dimension) || !dimensionFits(dimension, resource)) throw validation(UNSUPPORTED);
  return { resourceId, resource, dimension };
}

/** The optional ResourceId / ScalableDimension filters of the Describe calls (a dimension needs a resource id). */
export function describeFilter(input: { ServiceNamespace?: string; ResourceId?: string; ScalableDimension?: string }): { resourceId?: string; dimension?: string } {
  checkNamespace(input.ServiceNamespace);
  if (input.ScalableDimension !== undefined) {
    if (input.ResourceId === undefined) throw validation("If you specify a scalable dimension, you must also specify a resource ID.");
    if (!isDynamoDbDimension(input.ScalableDimension)) throw validation(UNSUPPORTED);
  }
  if (input.ResourceId !== undefined && parseResourceId(input.ResourceId) === null) throw validation(UNSUPPORTED);
  return { resourceId: input.ResourceId, dimension: input.ScalableDimension };
}

/** Policy names: 1–256 printable characters (AWS's own names hold ':' and '/', e.g. `DynamoDBWriteCapacityUtilization:table/Shop`). */
export function checkPolicyName(name: string | undefined): string {
  const value = required(name, "policyName");
  if (value.length > 256 || !/^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]+$/u.test(value)) throw validation(`Invalid policy name ${value}: 1 to 256 printable characters.`);
  return value;
}

/** Scheduled action names: 1–256 characters, none of ':', '/' or '|', no control characters, no spaces at either end. */
export function checkScheduledActionName(name: string | undefined): string {
  const value = required(name, "scheduledActionName");
  if (value.length > 256 || /[:/|\u0000-\u001f\u007f-\u009f]/.test(value) || value.trim() !== value || value === "") {
    throw validation(`Invalid scheduled action name ${value}: 1 to 256 characters without ':', '/', '|' or spaces at either end.`);
  }
  return value;
}

/** DescribeScalableTargets' ResourceIds filter (a ScalableDimension needs ResourceIds), or undefined for all. */
export function parseTargetList(input: { ResourceIds?: string[]; ScalableDimension?: string }): string[] | undefined {
  if (input.ScalableDimension !== undefined) {
    if (input.ResourceIds === undefined) throw validation("If you specify a scalable dimension, you must also specify a resource ID.");
    if (!isDynamoDbDimension(input.ScalableDimension)) throw validation(UNSUPPORTED);
  }
  for (const id of input.ResourceIds ?? []) if (parseResourceId(id) === null) throw validation(UNSUPPORTED);
  return input.ResourceIds;
}
