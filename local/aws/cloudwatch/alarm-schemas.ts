import { z } from "zod";

/**
 * The alarms a tenant holds, as stored in memory and in the snapshot file. One schema serves both, so a restarted
 * demo reloads exactly what it saved. Field names are ours; operations/alarm-output.ts maps them to CloudWatch's.
 */

const finite = z.number().refine(Number.isFinite, "must be a finite number");

export const ALARM_STATES = ["OK", "ALARM", "INSUFFICIENT_DATA"] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** The four static-threshold operators; the anomaly-band ones are refused by PutMetricAlarm here. */
export const COMPARISON_OPERATORS = [
  "GreaterThanOrEqualToThreshold",
  "GreaterThanThreshold",
  "LessThanThreshold",
  "LessThanOrEqualToThreshold",
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const TREAT_MISSING_DATA = ["missing", "notBreaching", "breaching", "ignore"] as const;
export type TreatMissingData = (typeof TREAT_MISSING_DATA)[number];

const dimensionSchema = z.object({ name: z.string(), value: z.string() });
const metricIdentitySchema = z.object({ namespace: z.string(), metricName: z.string(), dimensions: z.array(dimensionSchema) });

/** One entry of an alarm's `Metrics` (a MetricDataQuery): a MetricStat or a math expression over the others. */
export const alarmQuerySchema = z.object({
  id: z.string(),
  label: z.string().optional(),
  returnData: z.boolean(),
  metricStat: z.object({ metric: metricIdentitySchema, periodSeconds: z.number().int(), stat: z.string(), unit: z.string().optional() }).optional(),
  expression: z.string().optional(),
  periodSeconds: z.number().int().optional(),
  accountId: z.string().optional(),
});
export type AlarmQuery = z.infer<typeof alarmQuerySchema>;

const alarmStateSchema = z.object({
  value: z.enum(ALARM_STATES),
  reason: z.string(),
  /** A JSON string, as DescribeAlarms returns StateReasonData. */
  reasonData: z.string().optional(),
  /** StateUpdatedTimestamp. */
  updatedMs: finite,
  /** StateTransitionedTimestamp: when StateValue last changed. */
  transitionedMs: finite,
});
export type AlarmStateRecord = z.infer<typeof alarmStateSchema>;

const common = {
  name: z.string(),
  description: z.string().optional(),
  actionsEnabled: z.boolean(),
  okActions: z.array(z.string()),
  alarmActions: z.array(z.string()),
  insufficientDataActions: z.array(z.string()),
  configurationUpdatedMs: finite,
  state: alarmStateSchema,
  /** The end of the alarm period in which actions last ran (for Auto Scaling actions, which repeat every period). */
  lastActionPeriodEndMs: finite.optional(),
};

export const metricAlarmSchema = z.object({
  type: z.literal("MetricAlarm"),
  ...common,
  /** A single-metric alarm has metric, statistic or extendedStatistic, and periodSeconds; a math alarm has metrics. */
  metric: metricIdentitySchema.optional(),
  statistic: z.string().optional(),
  extendedStatistic: z.string().optional(),
  periodSeconds: z.number().int().optional(),
  unit: z.string().optional(),
  metrics: z.array(alarmQuerySchema).optional(),
  evaluationPeriods: z.number().int(),
  datapointsToAlarm: z.number().int().optional(),
  threshold: finite,
  comparisonOperator: z.enum(COMPARISON_OPERATORS),
  treatMissingData: z.enum(TREAT_MISSING_DATA).optional(),
  evaluateLowSampleCountPercentile: z.string().optional(),
});
export type MetricAlarmRecord = z.infer<typeof metricAlarmSchema>;

export const compositeAlarmSchema = z.object({ type: z.literal("CompositeAlarm"), ...common, rule: z.string() });
export type CompositeAlarmRecord = z.infer<typeof compositeAlarmSchema>;

export type AlarmRecord = MetricAlarmRecord | CompositeAlarmRecord;
export type AlarmType = AlarmRecord["type"];

export const HISTORY_ITEM_TYPES = ["StateUpdate", "ConfigurationUpdate", "Action"] as const;
export type HistoryItemType = (typeof HISTORY_ITEM_TYPES)[number];

export const historyItemSchema = z.object({
  alarmName: z.string(),
  alarmType: z.enum(["MetricAlarm", "CompositeAlarm"]),
  timestampMs: finite,
  itemType: z.enum(HISTORY_ITEM_TYPES),
  summary: z.string(),
  /** The JSON string AWS puts in HistoryData. */
  data: z.string(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const alarmStoreStateSchema = z.object({
  alarms: z.array(z.discriminatedUnion("type", [metricAlarmSchema, compositeAlarmSchema])),
  history: z.array(historyItemSchema),
});
export type AlarmStoreState = z.infer<typeof alarmStoreStateSchema>;
