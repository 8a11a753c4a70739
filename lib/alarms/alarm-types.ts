/** GET /api/tables/:table/alarms: the CloudWatch alarms that watch a table and its GSIs. Client-safe. */

export const ALARM_STATES = ["ALARM", "INSUFFICIENT_DATA", "OK"] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** One AWS/DynamoDB metric an alarm reads (its own metric, or one of the metrics its metric math references). */
export type AlarmMetric = {
  metricName: string;
  /** The GSI named by the GlobalSecondaryIndexName dimension; null for the table itself. */
  index: string | null;
  /** Every dimension, as CloudWatch lists them (TableName, GlobalSecondaryIndexName, Operation, ReceivingRegion, …). */
  dimensions: Record<string, string>;
  /** Sum, Average, Maximum, SampleCount, Minimum, or an extended statistic such as p99; null when not stated. */
  statistic: string | null;
  periodSeconds: number | null;
};

/** A span the alarm spent in ALARM, clipped to the window; `end` null while it is still in ALARM. Epoch ms. */
export type AlarmPeriod = { start: number; end: number | null };

/** A StateUpdate from DescribeAlarmHistory, in the window. */
export type AlarmStateChange = { at: number; from: AlarmState | null; to: AlarmState; summary: string };

export type TableAlarm = {
  name: string;
  arn: string;
  kind: "metric" | "composite";
  description: string | null;
  state: AlarmState;
  stateReason: string;
  /** When the alarm entered its current state (StateTransitionedTimestamp, else StateUpdatedTimestamp). */
  stateSince: number | null;
  /**
   * Made by Application Auto Scaling for a target-tracking policy (TargetTracking-…-AlarmHigh/AlarmLow-…). They steer
   * capacity; nobody is paged by them, so they never count as firing (an AlarmLow is in ALARM whenever traffic is low).
   */
  managedByAutoScaling: boolean;
  /** Metric alarms: the metric alarmed on; null for metric math and composite alarms. */
  metric: AlarmMetric | null;
  /** Every metric the alarm reads: its own, or all those its metric math references. Empty for composites. */
  metrics: AlarmMetric[];
  /** The metric math expression that returns the alarmed series; null otherwise. */
  expression: string | null;
  threshold: number | null;
  /** GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, or an anomaly-band operator. */
  comparison: string | null;
  periodSeconds: number | null;
  evaluationPeriods: number | null;
  datapointsToAlarm: number | null;
  /** missing, notBreaching, breaching or ignore; null when not set (CloudWatch then treats it as missing). */
  treatMissingData: string | null;
  /** Composite alarms: the rule, and the names of the table's alarms it reads. */
  rule: string | null;
  children: string[];
  /** Periods in ALARM within the window, oldest first. */
  alarmPeriods: AlarmPeriod[];
  /** State changes within the window, oldest first. */
  history: AlarmStateChange[];
};

export type AlarmsResponse = {
  table: string;
  window: { start: number; end: number };
  /** Firing first (ALARM, then INSUFFICIENT_DATA, then OK), then by name. */
  alarms: TableAlarm[];
  /** Alarms in ALARM that page someone (managedByAutoScaling excluded). */
  inAlarm: number;
  /** False when DescribeAlarmHistory could not be read completely: periods before the first change are then inferred from the current state only. */
  historyComplete: boolean;
  /** Why the history is incomplete (DescribeAlarmHistory failed, was cut short, or had items that could not be read); null when complete. */
  historyError?: string | null;
  generatedAt: number;
};
