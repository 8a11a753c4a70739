import { describe, expect, it } from "vitest";
import { alarmMetric, tableAlarm } from "@/lib/alarms/alarm-fixtures";
import { alarmVerdicts, sinceText } from "./alarm-rules";
import { diagnose, worstVerdict } from "./diagnose";
import { diagnosisInput, MINUTE, T0, tableDetail, underProvisionedInput } from "./test-fixtures";

/** Sessions write throttles, in ALARM since 14:02 (the fixtures' window is 14:00–15:00 UTC). */
const firing = tableAlarm({
  state: "ALARM",
  stateSince: T0 + 2 * MINUTE,
  stateReason: "Threshold Crossed: 1 datapoint [40.0 (03/03/25 14:01:00)] was greater than the threshold (0.0).",
  description: "Sessions writes are being throttled",
});
const AUTO_SCALING = "TargetTracking-table/Sessions-AlarmLow-0f864fcd-f316-49a7-99e7-9e0fc21ebf92";

describe("alarm-firing", () => {
  it("heads the verdicts of a throttled table, says since when, and links to the chart of what it watches", () => {
    const input = underProvisionedInput();
    const verdicts = diagnose({ ...input, alarms: [firing] });
    expect(worstVerdict(verdicts)).toEqual({
      kind: "alarm-firing",
      severity: "critical",
      title: "Alarm “Sessions write throttles” is firing since 14:02 UTC.",
      index: null,
      evidence: [
        {
          source: "metric",
          metric: "WriteThrottleEvents",
          label: "In ALARM since 14:02 UTC. It fires when: Sum of WriteThrottleEvents above 0 in 1 of 1 period of 5 min; missing data counts as fine",
          window: { start: T0 + 2 * MINUTE, end: input.now },
          link: { kind: "chart", seriesId: "table/WriteThrottleEvents/Sum" },
        },
        { source: "metric", label: `CloudWatch's reason: ${firing.stateReason}`, window: { start: T0 + 2 * MINUTE, end: input.now } },
      ],
      suggestion:
        "It counts requests DynamoDB turned away. The findings below on capacity, busy keys, auto scaling or limits say why they were turned away. Its description: “Sessions writes are being throttled”.",
    });
    // The link names a series the page has, and the verdicts that explain the alarm are still there.
    expect(input.metrics?.series.map((series) => series.id)).toContain("table/WriteThrottleEvents/Sum");
    expect(verdicts.map((verdict) => verdict.kind)).toContain("under-provisioned-writes");
  });

  it("names the date of an alarm that fired on another day, and the index of a GSI alarm", () => {
    const input = diagnosisInput({ table: tableDetail({ name: "Sessions" }) });
    const gsi = alarmMetric({ index: "ByUser", dimensions: { TableName: "Sessions", GlobalSecondaryIndexName: "ByUser" } });
    const [verdict] = alarmVerdicts({ ...input, alarms: [tableAlarm({ state: "ALARM", stateSince: T0 - 26 * 60 * MINUTE, metric: gsi })] });
    expect(verdict?.title).toBe("Alarm “Sessions write throttles” is firing since 2025-03-02 12:00 UTC.");
    expect(verdict?.index).toBe("ByUser");
    expect(verdict?.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "gsi:ByUser/WriteThrottleEvents/Sum" });
  });

  it("keeps a quiet table from being called healthy while an alarm fires", () => {
    const input = diagnosisInput({ table: tableDetail({ name: "Sessions" }) });
    expect(worstVerdict(diagnose(input))?.kind).toBe("healthy");
    const verdicts = diagnose({ ...input, alarms: [firing] });
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(["alarm-firing"]);
  });

  it("says nothing for alarms that are OK or without data, for auto scaling's own alarms, or when alarms could not be read", () => {
    const input = diagnosisInput({ table: tableDetail({ name: "Sessions" }) });
    const quiet = [tableAlarm({ state: "OK" }), tableAlarm({ name: "b", state: "INSUFFICIENT_DATA" }), tableAlarm({ name: AUTO_SCALING, state: "ALARM", stateSince: T0, managedByAutoScaling: true })];
    expect(alarmVerdicts({ ...input, alarms: quiet })).toEqual([]);
    expect(alarmVerdicts({ ...input, alarms: null })).toEqual([]);
    expect(diagnose({ ...input, alarms: quiet })).toEqual(diagnose(input));
  });

  it("lists several firing alarms, the one firing longest first; a composite names the alarms it combines", () => {
    const input = diagnosisInput({ table: tableDetail({ name: "Sessions" }) });
    const composite = tableAlarm({ name: "Sessions down", kind: "composite", metric: null, metrics: [], state: "ALARM", stateSince: T0 + 10 * MINUTE, rule: 'ALARM("Sessions write throttles")', children: ["Sessions write throttles"], threshold: null, comparison: null, evaluationPeriods: null });
    const verdicts = alarmVerdicts({ ...input, alarms: [composite, firing] });
    expect(verdicts.map((verdict) => verdict.title)).toEqual(["Alarm “Sessions write throttles” is firing since 14:02 UTC.", "Alarm “Sessions down” is firing since 14:10 UTC."]);
    expect(verdicts[1]?.suggestion).toContain("“Sessions write throttles”");
    expect(verdicts[1]?.evidence[0]?.link).toBeUndefined();
  });

  it("formats times in UTC, with the date only on another day", () => {
    expect(sinceText(Date.UTC(2025, 2, 3, 9, 5), Date.UTC(2025, 2, 3, 23, 59))).toBe("09:05 UTC");
    expect(sinceText(Date.UTC(2025, 2, 2, 23, 59), Date.UTC(2025, 2, 3, 0, 1))).toBe("2025-03-02 23:59 UTC");
  });
});
