import { describe, expect, it } from "vitest";
import { resolveMetricWindow } from "@/lib/metrics/metric-window";
import { tableAlarm } from "./alarm-fixtures";
import { incidentWindow } from "./incident-window";

const MIN = 60_000;
const NOW = Date.UTC(2025, 2, 3, 15, 0, 30);

describe("incidentWindow", () => {
  it("starts EvaluationPeriods × Period before the alarm fired, aligned like any metrics window, and ends now", () => {
    const firing = tableAlarm({ state: "ALARM", stateSince: NOW - 3 * 60 * MIN, evaluationPeriods: 3, periodSeconds: 300 });
    const result = incidentWindow([firing], NOW);
    const expected = resolveMetricWindow({ startMs: NOW - 3 * 60 * MIN - 15 * MIN, endMs: NOW }, NOW);
    expect(expected.ok).toBe(true);
    expect(result).toEqual({ alarm: "Sessions write throttles", window: expected.ok ? expected.window : null });
    expect(result?.window.startMs).toBeLessThanOrEqual(NOW - 3 * 60 * MIN - 15 * MIN);
    expect(result?.window.range).toBe("custom");
  });

  it("is at least the default hour for an alarm that has just fired", () => {
    const result = incidentWindow([tableAlarm({ state: "ALARM", stateSince: NOW - 2 * MIN, evaluationPeriods: 1, periodSeconds: 60 })], NOW);
    expect(result?.window.startMs).toBeLessThanOrEqual(NOW - 60 * MIN);
    expect(result?.window.endMs).toBeGreaterThanOrEqual(NOW);
  });

  it("is at most two weeks for an alarm stuck in ALARM", () => {
    const result = incidentWindow([tableAlarm({ state: "ALARM", stateSince: NOW - 40 * 24 * 60 * MIN })], NOW);
    expect(result?.window.startMs).toBeGreaterThanOrEqual(NOW - 14 * 24 * 60 * MIN - 3_600_000);
  });

  it("takes the firing alarm whose window starts earliest, and ignores OK, unknown-start and auto scaling alarms", () => {
    const alarms = [
      tableAlarm({ name: "recent", state: "ALARM", stateSince: NOW - 90 * MIN }),
      tableAlarm({ name: "older", state: "ALARM", stateSince: NOW - 120 * MIN }),
      tableAlarm({ name: "ok", state: "OK", stateSince: NOW - 600 * MIN }),
      tableAlarm({ name: "no start", state: "ALARM", stateSince: null }),
      tableAlarm({ name: "TargetTracking-table/Sessions-AlarmLow-0f864fcd-f316-49a7-99e7-9e0fc21ebf92", state: "ALARM", stateSince: NOW - 900 * MIN, managedByAutoScaling: true }),
    ];
    expect(incidentWindow(alarms, NOW)?.alarm).toBe("older");
    expect(incidentWindow(alarms.slice(2), NOW)).toBeNull();
  });
});
