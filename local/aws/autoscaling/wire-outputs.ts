import { alarmArn } from "../cloudwatch/alarm-actions";
import type { Tenant } from "./identifiers";
import type { ActivityRecord, PolicyRecord, ScheduledActionRecord, TargetRecord } from "./scaling-store";

/** The engine's records in the API's shapes; awsJson1_1 timestamps are epoch seconds. */
const seconds = (ms: number) => ms / 1000;

export function wireTarget(target: TargetRecord) {
  return {
    ServiceNamespace: "dynamodb",
    ResourceId: target.resourceId,
    ScalableDimension: target.dimension,
    MinCapacity: target.min,
    MaxCapacity: target.max,
    RoleARN: target.roleArn,
    CreationTime: seconds(target.createdMs),
    SuspendedState: target.suspended,
    ScalableTargetARN: target.arn,
  };
}

export function wireAlarms(tenant: Tenant, policy: PolicyRecord) {
  return Object.values(policy.alarmNames).map((name) => ({ AlarmName: name, AlarmARN: alarmArn(tenant.region, tenant.accountId, name) }));
}

export function wirePolicy(tenant: Tenant, policy: PolicyRecord) {
  return {
    PolicyARN: policy.arn,
    PolicyName: policy.name,
    ServiceNamespace: "dynamodb",
    ResourceId: policy.resourceId,
    ScalableDimension: policy.dimension,
    PolicyType: "TargetTrackingScaling",
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: policy.settings.targetValue,
      PredefinedMetricSpecification: { PredefinedMetricType: policy.predefinedMetricType, ...(policy.resourceLabel === undefined ? {} : { ResourceLabel: policy.resourceLabel }) },
      ScaleOutCooldown: policy.settings.scaleOutCooldownS,
      ScaleInCooldown: policy.settings.scaleInCooldownS,
      DisableScaleIn: policy.settings.disableScaleIn,
    },
    Alarms: wireAlarms(tenant, policy),
    CreationTime: seconds(policy.createdMs),
  };
}

export function wireActivity(activity: ActivityRecord) {
  return {
    ActivityId: activity.activityId,
    ServiceNamespace: "dynamodb",
    ResourceId: activity.resourceId,
    ScalableDimension: activity.dimension,
    Description: activity.description,
    Cause: activity.cause,
    StartTime: seconds(activity.startMs),
    ...(activity.endMs === undefined ? {} : { EndTime: seconds(activity.endMs) }),
    StatusCode: activity.statusCode,
    ...(activity.statusMessage === undefined ? {} : { StatusMessage: activity.statusMessage }),
    ...(activity.notScaledReasons === undefined ? {} : { NotScaledReasons: activity.notScaledReasons }),
  };
}

export function wireScheduledAction(action: ScheduledActionRecord) {
  return {
    ScheduledActionName: action.name,
    ScheduledActionARN: action.arn,
    ServiceNamespace: "dynamodb",
    Schedule: action.schedule,
    ...(action.timezone === undefined ? {} : { Timezone: action.timezone }),
    ResourceId: action.resourceId,
    ScalableDimension: action.dimension,
    ...(action.startMs === undefined ? {} : { StartTime: seconds(action.startMs) }),
    ...(action.endMs === undefined ? {} : { EndTime: seconds(action.endMs) }),
    ScalableTargetAction: { ...(action.min === undefined ? {} : { MinCapacity: action.min }), ...(action.max === undefined ? {} : { MaxCapacity: action.max }) },
    CreationTime: seconds(action.createdMs),
  };
}
