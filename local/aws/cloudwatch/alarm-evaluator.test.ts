import { describe, expect, it } from "vitest";
import { evaluateTenantAlarms, type AlarmTenant } from "./alarm-evaluator";
import type { AlarmRecord, MetricAlarmRecord } from "./alarm-schemas";
import { AlarmStore } from "./alarm-store";
import { MetricStore } from "./metric-store";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 3, 14, 0);
const SNS = "arn:aws:sns:us-east-1:111111111111:pager";
const POLICY = "arn:aws:autoscaling:us-east-1:111111111111:scalingPolicy:0f1e:resource/dynamodb/table/Shop:policyName/scale-out";
const metric = { namespace: "Custom", metricName: "Load", dimensions: [{ name: "Table", value: "Shop" }] };

function tenant(): AlarmTenant {
  return { accountId: "111111111111", region: "us-east-1", metrics: new MetricStore(), alarms: new AlarmStore() };
}

function metricAlarm(overrides: Partial<MetricAlarmRecord> = {}): MetricAlarmRecord {
  return {
    type: "MetricAlarm",
    name: "load-high",
    actionsEnabled: true,
    okActions: [SNS],
    alarmActions: [SNS, POLICY],
    insufficientDataActions: [],
    configurationUpdatedMs: T0,
    state: { value: "INSUFFICIENT_DATA", reason: "Unchecked: Initial alarm creation", updatedMs: T0, transitionedMs: T0 },
    metric,
    statistic: "Maximum",
    periodSeconds: 60,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    threshold: 10,
    comparisonOperator: "GreaterThanThreshold",
    ...overrides,
  };
}

const put = (t: AlarmTenant, alarm: AlarmRecord) => t.alarms.put(alarm, T0, () => ({}));
const sample = (t: AlarmTenant, minute: number, value: number, identity = metric) => t.metrics.put({ ...identity, timestampMs: T0 + minute * MINUTE + 5_000, value });
const stateOf = (t: AlarmTenant, name = "load-high") => t.alarms.get(name)?.state.value;

describe("evaluateTenantAlarms", () => {
  it("evaluates the last complete periods, records each change, and invokes actions on change and Auto Scaling ones every period", () => {
    const t = tenant();
    put(t, metricAlarm());
    // Maximum per minute: 5, 15, 15, 15, 5, 5
    [5, 15, 15, 15, 5, 5].forEach((value, minute) => sample(t, minute, value));

    // At 14:02 the complete minutes are 14:00 (5) and 14:01 (15): 1 of 2 breaching -> OK.
    expect(evaluateTenantAlarms(t, T0 + 2 * MINUTE).map((i) => [i.state, i.actionArn])).toEqual([["OK", SNS]]);
    // At 14:03: 15, 15 -> ALARM: both actions.
    expect(evaluateTenantAlarms(t, T0 + 3 * MINUTE).map((i) => [i.state, i.actionArn])).toEqual([["ALARM", SNS], ["ALARM", POLICY]]);
    // Still ALARM at 14:04 (15, 15): only the Auto Scaling action again; a second pass in the same minute adds none.
    expect(evaluateTenantAlarms(t, T0 + 4 * MINUTE).map((i) => i.actionArn)).toEqual([POLICY]);
    expect(evaluateTenantAlarms(t, T0 + 4 * MINUTE + 30_000)).toEqual([]);
    // 14:05: 15, 5 -> OK.
    expect(evaluateTenantAlarms(t, T0 + 5 * MINUTE).map((i) => [i.state, i.actionArn])).toEqual([["OK", SNS]]);

    const updates = t.alarms.historyItems().filter((item) => item.itemType === "StateUpdate");
    expect(updates.map((item) => item.summary)).toEqual([
      "Alarm updated from INSUFFICIENT_DATA to OK",
      "Alarm updated from OK to ALARM",
      "Alarm updated from ALARM to OK",
    ]);
    expect(JSON.parse(updates[1]?.data ?? "{}")).toMatchObject({
      version: "1.0",
      oldState: { stateValue: "OK" },
      newState: { stateValue: "ALARM", stateReason: expect.stringMatching(/^Threshold Crossed: 2 out of the last 2 datapoints \[15\.0/) },
    });
    expect(t.alarms.get("load-high")?.state).toMatchObject({ value: "OK", transitionedMs: T0 + 5 * MINUTE });
  });

  it("invokes nothing when actions are disabled", () => {
    const t = tenant();
    put(t, metricAlarm({ actionsEnabled: false }));
    [15, 15].forEach((value, minute) => sample(t, minute, value));
    expect(evaluateTenantAlarms(t, T0 + 2 * MINUTE)).toEqual([]);
    expect(stateOf(t)).toBe("ALARM");
  });

  it("keeps an AWS/DynamoDB alarm's state when its metric stops (missing data is always ignored there)", () => {
    const t = tenant();
    const throttles = { namespace: "AWS/DynamoDB", metricName: "WriteThrottleEvents", dimensions: [{ name: "TableName", value: "Sessions" }] };
    put(t, metricAlarm({ name: "throttles", metric: throttles, statistic: "Sum", evaluationPeriods: 1, datapointsToAlarm: 1, threshold: 0, treatMissingData: "missing" }));
    sample(t, 0, 4, throttles);
    evaluateTenantAlarms(t, T0 + MINUTE);
    expect(stateOf(t, "throttles")).toBe("ALARM");
    evaluateTenantAlarms(t, T0 + 20 * MINUTE);
    expect(stateOf(t, "throttles")).toBe("ALARM");
  });

  it("evaluates a metric math alarm on its ReturnData expression", () => {
    const t = tenant();
    const consumed = { ...metric, metricName: "Consumed" };
    const provisioned = { ...metric, metricName: "Provisioned" };
    put(
      t,
      metricAlarm({
        name: "utilization",
        metric: undefined,
        statistic: undefined,
        periodSeconds: undefined,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        threshold: 80,
        metrics: [
          { id: "c", returnData: false, metricStat: { metric: consumed, periodSeconds: 60, stat: "Sum" } },
          { id: "p", returnData: false, metricStat: { metric: provisioned, periodSeconds: 60, stat: "Sum" } },
          { id: "u", returnData: true, expression: "100 * c / p" },
        ],
      }),
    );
    sample(t, 0, 90, consumed);
    sample(t, 0, 100, provisioned);
    evaluateTenantAlarms(t, T0 + MINUTE);
    expect(stateOf(t, "utilization")).toBe("ALARM"); // 100 * 90 / 100 = 90 > 80
    sample(t, 1, 50, consumed);
    sample(t, 1, 100, provisioned);
    evaluateTenantAlarms(t, T0 + 2 * MINUTE);
    expect(stateOf(t, "utilization")).toBe("OK"); // 50 > 80 is false
  });

  it("evaluates composite alarms after their children, composites of composites included", () => {
    const t = tenant();
    const other = { ...metric, metricName: "Other" };
    put(t, metricAlarm({ name: "a", evaluationPeriods: 1, datapointsToAlarm: 1 }));
    put(t, metricAlarm({ name: "b", metric: other, evaluationPeriods: 1, datapointsToAlarm: 1 }));
    const composite = (name: string, rule: string): AlarmRecord => ({
      type: "CompositeAlarm",
      name,
      rule,
      actionsEnabled: true,
      okActions: [],
      alarmActions: [SNS],
      insufficientDataActions: [],
      configurationUpdatedMs: T0,
      state: { value: "INSUFFICIENT_DATA", reason: "Unchecked: Initial alarm creation", updatedMs: T0, transitionedMs: T0 },
    });
    put(t, composite("both", 'ALARM("a") AND ALARM(b)'));
    put(t, composite("outer", "ALARM(both) OR FALSE"));
    sample(t, 0, 15);
    sample(t, 0, 5, other);
    evaluateTenantAlarms(t, T0 + MINUTE);
    expect([stateOf(t, "a"), stateOf(t, "b"), stateOf(t, "both"), stateOf(t, "outer")]).toEqual(["ALARM", "OK", "OK", "OK"]);
    sample(t, 1, 15);
    sample(t, 1, 15, other);
    const invocations = evaluateTenantAlarms(t, T0 + 2 * MINUTE);
    expect([stateOf(t, "both"), stateOf(t, "outer")]).toEqual(["ALARM", "ALARM"]);
    expect(invocations.filter((i) => i.actionArn === SNS).map((i) => i.alarmName).sort()).toEqual(["b", "both", "outer"]);
    expect(t.alarms.get("both")?.state.reason).toMatch(/^arn:aws:cloudwatch:us-east-1:111111111111:alarm:b transitioned to ALARM at /);
  });
});
