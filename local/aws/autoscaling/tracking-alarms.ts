import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import type { CapacityKind, ResourceRef } from "./identifiers";

/**
 * The CloudWatch alarms Application Auto Scaling creates for a DynamoDB target-tracking policy, with the settings AWS
 * gives them (as exported from real accounts: a target of 70% on 1 provisioned unit gives AlarmHigh 42 and AlarmLow 30):
 * - AlarmHigh: Consumed<Kind>CapacityUnits, Sum, Period 60, 2 of 2 periods GreaterThanThreshold target% × provisioned × 60.
 *   The DynamoDB guide: "Auto scaling triggers when your consumed capacity breaches the configured target utilization
 *   for two consecutive minutes."
 * - AlarmLow: the same metric, 15 of 15 periods LessThanThreshold (target − 20)% × provisioned × 60: scale-in waits for
 *   15 minutes at least 20 points below the target.
 * - ProvisionedCapacityHigh/Low: Provisioned<Kind>CapacityUnits, Average, Period 300, 3 periods, GreaterThan / LessThan
 *   the provisioned capacity: they notice a capacity changed outside auto scaling.
 * Every alarm's action is the policy ARN, and AWS re-puts them with new thresholds after each capacity change.
 */
export const TRACKING_ALARM_KINDS = ["AlarmHigh", "AlarmLow", "ProvisionedCapacityHigh", "ProvisionedCapacityLow"] as const;
export type TrackingAlarmKind = (typeof TRACKING_ALARM_KINDS)[number];

/** AlarmLow's threshold sits this many percentage points below the target. */
export const SCALE_IN_MARGIN_POINTS = 20;
export const HIGH_PERIODS = 2;
export const LOW_PERIODS = 15;

export type TrackingAlarmContext = {
  resourceId: string;
  resource: ResourceRef;
  kind: CapacityKind;
  policyArn: string;
  targetValue: number;
  capacity: number;
  /** Alarm names by kind, fixed when the policy is created (`TargetTracking-<resourceId>-<Kind>-<uuid>`). */
  names: Record<TrackingAlarmKind, string>;
};

export function trackingAlarmName(resourceId: string, kind: TrackingAlarmKind, uuid: string): string {
  return `TargetTracking-${resourceId}-${kind}-${uuid}`;
}

/** The alarm kind a target-tracking alarm name stands for, or null for any other name. */
export function trackingAlarmKind(alarmName: string): TrackingAlarmKind | null {
  const match = /-(AlarmHigh|AlarmLow|ProvisionedCapacityHigh|ProvisionedCapacityLow)-[0-9a-f-]{36}$/.exec(alarmName);
  const kind = match?.[1];
  return TRACKING_ALARM_KINDS.find((candidate) => candidate === kind) ?? null;
}

export function metricDimensions(resource: ResourceRef): Array<{ Name: string; Value: string }> {
  const table = [{ Name: "TableName", Value: resource.table }];
  return resource.index === null ? table : [...table, { Name: "GlobalSecondaryIndexName", Value: resource.index }];
}

export const consumedMetricName = (kind: CapacityKind) => (kind === "read" ? "ConsumedReadCapacityUnits" : "ConsumedWriteCapacityUnits");
const provisionedMetricName = (kind: CapacityKind) => (kind === "read" ? "ProvisionedReadCapacityUnits" : "ProvisionedWriteCapacityUnits");

/** The four PutMetricAlarm requests for the policy at the given capacity. */
export function trackingAlarms(context: TrackingAlarmContext): PutMetricAlarmCommandInput[] {
  const common: Omit<PutMetricAlarmCommandInput, "AlarmName"> = {
    Namespace: "AWS/DynamoDB",
    Dimensions: metricDimensions(context.resource),
    ActionsEnabled: true,
    AlarmActions: [context.policyArn],
    AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${context.policyArn}.`,
    TreatMissingData: "missing",
  };
  const consumed: Omit<PutMetricAlarmCommandInput, "AlarmName"> = { ...common, MetricName: consumedMetricName(context.kind), Statistic: "Sum", Period: 60 };
  const provisioned: Omit<PutMetricAlarmCommandInput, "AlarmName"> = { ...common, MetricName: provisionedMetricName(context.kind), Statistic: "Average", Period: 300, EvaluationPeriods: 3, Threshold: context.capacity };
  return [
    {
      ...consumed,
      AlarmName: context.names.AlarmHigh,
      ComparisonOperator: "GreaterThanThreshold",
      EvaluationPeriods: HIGH_PERIODS,
      Threshold: (context.targetValue / 100) * context.capacity * 60,
    },
    {
      ...consumed,
      AlarmName: context.names.AlarmLow,
      ComparisonOperator: "LessThanThreshold",
      EvaluationPeriods: LOW_PERIODS,
      Threshold: (Math.max(0, context.targetValue - SCALE_IN_MARGIN_POINTS) / 100) * context.capacity * 60,
    },
    { ...provisioned, AlarmName: context.names.ProvisionedCapacityHigh, ComparisonOperator: "GreaterThanThreshold" },
    { ...provisioned, AlarmName: context.names.ProvisionedCapacityLow, ComparisonOperator: "LessThanThreshold" },
  ];
}
