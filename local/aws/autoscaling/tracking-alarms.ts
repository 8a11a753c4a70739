import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import type { CapacityKind, ResourceRef } from "./identifiers";
import { HIGH_PERIODS, LOW_PERIODS, TRACKING_ALARM_KINDS, TRACKING_PERIOD_S, trackingThresholds, type TrackingAlarmKind } from "../../../lib/scaling/target-tracking-model";

/**
 * The CloudWatch alarms Application Auto Scaling creates for a DynamoDB target-tracking policy. Their kinds, periods
 * and thresholds (AlarmHigh 2 of 2 one-minute Sums above target%; AlarmLow 15 of 15 below (target − 20)%; AWS's
 * sources) are the shared model in lib/scaling/target-tracking-model.ts; this file puts them as PutMetricAlarm requests.
 * Every alarm's action is the policy ARN, and AWS re-puts them with new thresholds after each capacity change.
 */

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
  const consumed: Omit<PutMetricAlarmCommandInput, "AlarmName"> = { ...common, MetricName: consumedMetricName(context.kind), Statistic: "Sum", Period: TRACKING_PERIOD_S };
  const thresholds = trackingThresholds(context.targetValue, context.capacity);
  const provisioned: Omit<PutMetricAlarmCommandInput, "AlarmName"> = { ...common, MetricName: provisionedMetricName(context.kind), Statistic: "Average", Period: 300, EvaluationPeriods: 3, Threshold: context.capacity };
  return [
    {
      ...consumed,
      AlarmName: context.names.AlarmHigh,
      ComparisonOperator: "GreaterThanThreshold",
      EvaluationPeriods: HIGH_PERIODS,
      Threshold: thresholds.highSum,
    },
    {
      ...consumed,
      AlarmName: context.names.AlarmLow,
      ComparisonOperator: "LessThanThreshold",
      EvaluationPeriods: LOW_PERIODS,
      Threshold: thresholds.lowSum,
    },
    { ...provisioned, AlarmName: context.names.ProvisionedCapacityHigh, ComparisonOperator: "GreaterThanThreshold" },
    { ...provisioned, AlarmName: context.names.ProvisionedCapacityLow, ComparisonOperator: "LessThanThreshold" },
  ];
}
