import { describe, expect, it } from "vitest";
import { alarmCondition } from "./alarm-condition";
import { alarmMetric, tableAlarm } from "./alarm-fixtures";

const throttles = alarmMetric();
const base = tableAlarm({ state: "ALARM" });

describe("alarmCondition", () => {
  it("says what a metric alarm checks in words", () => {
    expect(alarmCondition(base)).toBe("Sum of WriteThrottleEvents above 0 in 1 of 1 period of 5 min; missing data counts as fine");
  });

  it("names the index, M of N and a missing-data default", () => {
    const gsi = { ...base, metric: { ...throttles, index: "GSI1" }, comparison: "GreaterThanOrEqualToThreshold", threshold: 4800.5, evaluationPeriods: 5, datapointsToAlarm: 3, periodSeconds: 60, treatMissingData: null };
    expect(alarmCondition(gsi)).toBe("Sum of WriteThrottleEvents (GSI1) at or above 4,800.5 in 3 of 5 periods of 1 min");
  });

  it("describes metric math and composite alarms", () => {
    const math = { ...base, metric: null, expression: "100*m1/m2", metrics: [throttles, { ...throttles, metricName: "ProvisionedWriteCapacityUnits" }], comparison: "LessThanThreshold", threshold: 20 };
    expect(alarmCondition(math)).toMatch(/^100\*m1\/m2 \(metric math over WriteThrottleEvents, ProvisionedWriteCapacityUnits\) below 20 in 1 of 1 period/);
    expect(alarmCondition({ ...base, kind: "composite", metric: null, rule: 'ALARM("a") OR ALARM("b")' })).toBe('Combines other alarms: ALARM("a") OR ALARM("b")');
  });
});
