/** A TableAlarm for tests, as GET /api/tables/:table/alarms returns one: a write-throttle alarm on Sessions, OK by default. */
import type { AlarmMetric, TableAlarm } from "./alarm-types";

export function alarmMetric(overrides: Partial<AlarmMetric> = {}): AlarmMetric {
  return { metricName: "WriteThrottleEvents", index: null, dimensions: { TableName: "Sessions" }, statistic: "Sum", periodSeconds: 300, ...overrides };
}

export function tableAlarm(overrides: Partial<TableAlarm> = {}): TableAlarm {
  const metric = overrides.metric === undefined ? alarmMetric() : overrides.metric;
  const name = overrides.name ?? "Sessions write throttles";
  return {
    name,
    arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
    kind: "metric",
    description: null,
    state: "OK",
    stateReason: "",
    stateSince: null,
    managedByAutoScaling: false,
    metric,
    metrics: metric ? [metric] : [],
    expression: null,
    threshold: 0,
    comparison: "GreaterThanThreshold",
    periodSeconds: metric?.periodSeconds ?? null,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: "notBreaching",
    rule: null,
    children: [],
    alarmPeriods: [],
    history: [],
    ...overrides,
  };
}
