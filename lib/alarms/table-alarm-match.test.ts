import type { CompositeAlarm, MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { byStateThenName, isManagedByAutoScaling, matchTableAlarms, pagingInAlarm, referencedName, ruleReferences } from "./table-alarm-match";

const ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:";
const UUID = "0f864fcd-f316-49a7-99e7-9e0fc21ebf92";

/** Shaped as DescribeAlarms returns a metric alarm on one metric. */
function metricAlarm(name: string, overrides: Partial<MetricAlarm> = {}): MetricAlarm {
  return {
    AlarmName: name,
    AlarmArn: `${ARN}${name}`,
    StateValue: "OK",
    StateReason: "Threshold Crossed: 1 datapoint [0.0] was not greater than the threshold (0.0).",
    StateUpdatedTimestamp: new Date("2025-03-03T14:05:00Z"),
    StateTransitionedTimestamp: new Date("2025-03-03T14:02:00Z"),
    Namespace: "AWS/DynamoDB",
    MetricName: "WriteThrottleEvents",
    Statistic: "Sum",
    Dimensions: [{ Name: "TableName", Value: "Sessions" }],
    Period: 300,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 0,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: "notBreaching",
    ...overrides,
  };
}

function composite(name: string, rule: string, state: CompositeAlarm["StateValue"] = "OK"): CompositeAlarm {
  return { AlarmName: name, AlarmArn: `${ARN}${name}`, AlarmRule: rule, StateValue: state, StateReason: "", StateTransitionedTimestamp: new Date("2025-03-03T14:03:00Z") };
}

const mathAlarm = (name: string, table: string): MetricAlarm =>
  metricAlarm(name, {
    Namespace: undefined,
    MetricName: undefined,
    Statistic: undefined,
    Dimensions: undefined,
    Period: undefined,
    Metrics: [
      { Id: "e1", Expression: "100*m1/m2", ReturnData: true, Label: "write utilization" },
      { Id: "m1", ReturnData: false, MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ConsumedWriteCapacityUnits", Dimensions: [{ Name: "TableName", Value: table }] }, Period: 60, Stat: "Sum" } },
      { Id: "m2", ReturnData: false, MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ProvisionedWriteCapacityUnits", Dimensions: [{ Name: "TableName", Value: table }] }, Period: 60, Stat: "Average" } },
    ],
  });

describe("matchTableAlarms", () => {
  const alarms = {
    metricAlarms: [
      metricAlarm("Sessions write throttles", { StateValue: "ALARM" }),
      metricAlarm("Sessions GSI reads", { MetricName: "ConsumedReadCapacityUnits", Dimensions: [{ Name: "TableName", Value: "Sessions" }, { Name: "GlobalSecondaryIndexName", Value: "ByUser" }] }),
      mathAlarm("Sessions write utilization", "Sessions"),
      metricAlarm(`TargetTracking-table/Sessions-AlarmLow-${UUID}`, { MetricName: "ConsumedWriteCapacityUnits", StateValue: "ALARM" }),
      metricAlarm("Shop write throttles", { Dimensions: [{ Name: "TableName", Value: "Shop" }] }),
      mathAlarm("Shop write utilization", "Shop"),
      metricAlarm("Sessions lambda errors", { Namespace: "AWS/Lambda", MetricName: "Errors", Dimensions: [{ Name: "TableName", Value: "Sessions" }] }),
      metricAlarm("SessionsArchive throttles", { Dimensions: [{ Name: "TableName", Value: "SessionsArchive" }] }),
    ],
    compositeAlarms: [
      // Nested: the outer one names the inner one, which names a Sessions alarm by ARN; listed outer first.
      composite("Sessions outer", 'ALARM("Sessions inner") AND NOT OK(Shop write throttles)'),
      composite("Sessions inner", `ALARM("${ARN}Sessions write throttles") OR INSUFFICIENT_DATA(Sessions GSI reads)`, "ALARM"),
      composite("Shop only", 'ALARM("Shop write throttles") OR ALARM("Shop write utilization")'),
    ],
  };

  it("keeps the table's and its GSIs' metric alarms, its metric math and the composites that read them, and nothing else", () => {
    const names = matchTableAlarms(alarms, "Sessions").map((alarm) => alarm.name);
    expect(names).toEqual([
      "Sessions write throttles",
      "Sessions GSI reads",
      "Sessions write utilization",
      `TargetTracking-table/Sessions-AlarmLow-${UUID}`,
      "Sessions inner",
      "Sessions outer",
    ]);
    expect(matchTableAlarms(alarms, "Shop").map((alarm) => alarm.name)).toEqual(["Shop write throttles", "Shop write utilization", "Sessions outer", "Shop only"]);
  });

  it("reads a metric alarm's settings, its index and its state", () => {
    const [throttles, gsiReads] = matchTableAlarms(alarms, "Sessions");
    expect(throttles).toEqual({
      name: "Sessions write throttles",
      arn: `${ARN}Sessions write throttles`,
      kind: "metric",
      description: null,
      state: "ALARM",
      stateReason: "Threshold Crossed: 1 datapoint [0.0] was not greater than the threshold (0.0).",
      stateSince: Date.parse("2025-03-03T14:02:00Z"),
      managedByAutoScaling: false,
      metric: { metricName: "WriteThrottleEvents", index: null, dimensions: { TableName: "Sessions" }, statistic: "Sum", periodSeconds: 300 },
      metrics: [{ metricName: "WriteThrottleEvents", index: null, dimensions: { TableName: "Sessions" }, statistic: "Sum", periodSeconds: 300 }],
      expression: null,
      threshold: 0,
      comparison: "GreaterThanThreshold",
      periodSeconds: 300,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      rule: null,
      children: [],
    });
    expect(gsiReads?.metric?.index).toBe("ByUser");
  });

  it("reads metric math: the returned expression, every referenced metric, and the period of its metrics", () => {
    const math = matchTableAlarms(alarms, "Sessions").find((alarm) => alarm.name === "Sessions write utilization");
    expect(math).toMatchObject({ kind: "metric", metric: null, expression: "100*m1/m2", periodSeconds: 60 });
    expect(math?.metrics.map((metric) => `${metric.metricName}/${metric.statistic ?? ""}`)).toEqual(["ConsumedWriteCapacityUnits/Sum", "ProvisionedWriteCapacityUnits/Average"]);
  });

  it("lists a composite's children among the table's alarms, by name even when the rule gives an ARN", () => {
    const found = matchTableAlarms(alarms, "Sessions");
    expect(found.find((alarm) => alarm.name === "Sessions inner")).toMatchObject({ kind: "composite", state: "ALARM", children: ["Sessions write throttles", "Sessions GSI reads"], metric: null, metrics: [] });
    expect(found.find((alarm) => alarm.name === "Sessions outer")?.children).toEqual(["Sessions inner"]);
  });

  it("uses StateUpdatedTimestamp when there is no transition time, and INSUFFICIENT_DATA for an unknown state", () => {
    const [alarm] = matchTableAlarms({ metricAlarms: [metricAlarm("x", { StateTransitionedTimestamp: undefined, StateValue: "SOMETHING_NEW" as MetricAlarm["StateValue"] })], compositeAlarms: [] }, "Sessions");
    expect(alarm).toMatchObject({ stateSince: Date.parse("2025-03-03T14:05:00Z"), state: "INSUFFICIENT_DATA" });
  });
});

describe("composite rules", () => {
  it("finds quoted, unquoted and ARN references in every state function, once each", () => {
    expect(ruleReferences('(ALARM("a b") OR OK(c)) AND NOT INSUFFICIENT_DATA( "arn:aws:cloudwatch:eu-west-1:1:alarm:d" ) OR ALARM(c) OR TRUE')).toEqual(["a b", "c", "arn:aws:cloudwatch:eu-west-1:1:alarm:d"]);
    expect(referencedName("arn:aws:cloudwatch:eu-west-1:1:alarm:d:with:colons")).toBe("d:with:colons");
    expect(referencedName("plain")).toBe("plain");
  });
});

describe("auto scaling's alarms", () => {
  it("recognizes the four target-tracking alarm kinds for tables and indexes", () => {
    for (const kind of ["AlarmHigh", "AlarmLow", "ProvisionedCapacityHigh", "ProvisionedCapacityLow"]) {
      expect(isManagedByAutoScaling(`TargetTracking-table/Shop-${kind}-${UUID}`), kind).toBe(true);
      expect(isManagedByAutoScaling(`TargetTracking-table/Shop/index/GSI1-${kind}-${UUID}`), kind).toBe(true);
    }
    expect(isManagedByAutoScaling("Shop AlarmHigh")).toBe(false);
    expect(isManagedByAutoScaling(`TargetTracking-table/Shop-Custom-${UUID}`)).toBe(false);
  });

  it("never counts them as paging, and sorts firing alarms first", () => {
    const found = matchTableAlarms(
      { metricAlarms: [metricAlarm("b ok"), metricAlarm("a none", { StateValue: "INSUFFICIENT_DATA" }), metricAlarm("c fire", { StateValue: "ALARM" }), metricAlarm(`TargetTracking-table/Sessions-AlarmLow-${UUID}`, { StateValue: "ALARM" })], compositeAlarms: [] },
      "Sessions",
    );
    expect(pagingInAlarm(found).map((alarm) => alarm.name)).toEqual(["c fire"]);
    expect([...found].sort(byStateThenName).map((alarm) => alarm.name)).toEqual([`TargetTracking-table/Sessions-AlarmLow-${UUID}`, "c fire", "a none", "b ok"]);
  });
});
