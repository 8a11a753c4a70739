import { describe, expect, it } from "vitest";
import { alarmMetric, tableAlarm } from "@/lib/alarms/alarm-fixtures";
import type { TableAlarm } from "@/lib/alarms/alarm-types";
import type { ScalingActivity, ScalingTarget } from "@/lib/scaling/scaling-types";
import { alarmOverlays, changeMarkers, chartTarget, provisionedWithActivities, scalingMarkers, thresholdInChartUnit } from "./chart-overlays";

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 3, 14, 0);

/** A consumed-writes alarm on Shop (80 WCU/s over one-minute periods), or another metric of it. */
function alarm(overrides: Partial<TableAlarm> & { metricName?: string; statistic?: string; index?: string | null; period?: number }): TableAlarm {
  const { metricName = "ConsumedWriteCapacityUnits", statistic = "Sum", index = null, period = 60, ...rest } = overrides;
  const dimensions: Record<string, string> = { TableName: "Shop", ...(index ? { GlobalSecondaryIndexName: index } : {}) };
  return tableAlarm({ name: "Shop writes high", metric: alarmMetric({ metricName, index, dimensions, statistic, periodSeconds: period }), threshold: 4_800, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: null, ...rest });
}

function activity(overrides: Partial<ScalingActivity>): ScalingActivity {
  return { id: "a", status: "Successful", statusMessage: null, description: "Setting write capacity units to 12.", cause: "", start: T0, end: T0, capacity: 12, direction: "out", notScaledReasons: [], ...overrides };
}

function target(activities: ScalingActivity[], overrides: Partial<ScalingTarget> = {}): ScalingTarget {
  return {
    resourceId: "table/Shop/index/GSI1",
    index: "GSI1",
    kind: "write",
    dimension: "dynamodb:index:WriteCapacityUnits",
    minCapacity: 5,
    maxCapacity: 12,
    suspended: { dynamicScalingIn: false, dynamicScalingOut: false, scheduledScaling: false },
    policies: [],
    scheduledActions: [],
    activities,
    ...overrides,
  };
}

describe("thresholdInChartUnit", () => {
  it("turns a Sum of consumed capacity per alarm period into units per second", () => {
    expect(thresholdInChartUnit(alarm({ threshold: 4_800, period: 60 }), "writes", null, 60)).toBe(80);
    expect(thresholdInChartUnit(alarm({ threshold: 24_000, period: 300 }), "writes", null, 60)).toBe(80);
  });

  it("draws provisioned-capacity alarms as they are, and only on their own kind and index", () => {
    const provisioned = alarm({ metricName: "ProvisionedReadCapacityUnits", statistic: "Average", threshold: 90 });
    expect(thresholdInChartUnit(provisioned, "reads", null, 60)).toBe(90);
    expect(thresholdInChartUnit(provisioned, "writes", null, 60)).toBeNull();
    expect(thresholdInChartUnit(alarm({ index: "GSI1" }), "writes", null, 60)).toBeNull();
    expect(thresholdInChartUnit(alarm({ index: "GSI1" }), "writes", "GSI1", 60)).toBe(80);
  });

  it("has no line for a per-request statistic of consumption, for metric math or for composites", () => {
    expect(thresholdInChartUnit(alarm({ statistic: "Average" }), "writes", null, 60)).toBeNull();
    expect(thresholdInChartUnit(alarm({ metric: null, expression: "m1/m2" }), "writes", null, 60)).toBeNull();
    expect(thresholdInChartUnit(alarm({ kind: "composite", metric: null }), "writes", null, 60)).toBeNull();
  });

  it("scales a throttle count from the alarm's period to the chart's", () => {
    const throttles = alarm({ metricName: "WriteThrottleEvents", threshold: 10, period: 300 });
    expect(thresholdInChartUnit(throttles, "throttles", null, 60)).toBe(2);
    expect(thresholdInChartUnit(throttles, "throttles", null, 900)).toBe(30);
    expect(thresholdInChartUnit(throttles, "writes", null, 60)).toBeNull();
  });
});

describe("alarmOverlays", () => {
  it("shades each ALARM period, an open one up to the window's end, and leaves auto scaling's alarms out", () => {
    const firing = alarm({ state: "ALARM", alarmPeriods: [{ start: T0, end: T0 + 5 * MINUTE }, { start: T0 + 20 * MINUTE, end: null }] });
    const managed = alarm({ name: "TargetTracking-table/Shop-AlarmHigh-1", managedByAutoScaling: true, state: "ALARM", alarmPeriods: [{ start: T0, end: null }] });
    const overlays = alarmOverlays([firing, managed], "writes", null, 60, T0 + 30 * MINUTE);
    expect(overlays.thresholds).toEqual([{ value: 80, label: "Shop writes high (> 80)", state: "ALARM" }]);
    expect(overlays.bands).toEqual([
      { start: T0 / 1000, end: (T0 + 5 * MINUTE) / 1000, label: "Shop writes high in ALARM" },
      { start: (T0 + 20 * MINUTE) / 1000, end: (T0 + 30 * MINUTE) / 1000, label: "Shop writes high in ALARM" },
    ]);
  });
});

describe("scaling overlays", () => {
  it("marks each activity of the chart's target, failed ones as such, and leaves not-scaled records out", () => {
    const notScaled = activity({ id: "n", status: "Failed", capacity: null, direction: "out", notScaledReasons: ["AlreadyAtMaxCapacity"], start: T0 + 2 * MINUTE });
    const targets = [target([activity({}), activity({ id: "b", status: "Failed", direction: "in", capacity: 5, start: T0 + MINUTE }), notScaled]), target([activity({ id: "c" })], { kind: "read", dimension: "dynamodb:index:ReadCapacityUnits" })];
    const markers = scalingMarkers(targets, "writes", "GSI1");
    expect(markers).toEqual([
      { at: T0 / 1000, label: "scale-out: writes → 12", direction: "out", failed: false },
      { at: (T0 + MINUTE) / 1000, label: "scale-in (failed): writes → 5", direction: "in", failed: true },
    ]);
    expect(scalingMarkers(targets, "writes", null)).toEqual([]);
    expect(scalingMarkers(targets, "throttles", "GSI1")).toHaveLength(3);
    expect(chartTarget(targets, "Read", "GSI1")?.kind).toBe("read");
  });

  it("steps the provisioned line at a successful activity until CloudWatch has caught up", () => {
    const x = Array.from({ length: 10 }, (_, i) => (T0 + i * MINUTE) / 1000);
    // CloudWatch still reports 10 for five minutes after the change to 12 at minute 2, then 12.
    const reported = [10, 10, 10, 10, 10, 10, 10, 12, 12, 12];
    const stepped = provisionedWithActivities(x, 60, reported, target([activity({ start: T0 + 2 * MINUTE + 5_000, end: T0 + 2 * MINUTE + 20_000 })]));
    expect(stepped).toEqual([10, 10, 12, 12, 12, 12, 12, 12, 12, 12]);
  });

  it("lets CloudWatch win after the settle time, and ignores failed activities", () => {
    const x = Array.from({ length: 10 }, (_, i) => (T0 + i * MINUTE) / 1000);
    // Someone set 20 by hand at minute 8; the activity to 12 at minute 1 no longer holds by then.
    const reported = [10, 10, 10, 12, 12, 12, 12, 12, 20, 20];
    const stepped = provisionedWithActivities(x, 60, reported, target([activity({ start: T0 + MINUTE, end: T0 + MINUTE }), activity({ id: "f", status: "Failed", capacity: 5, start: T0 + 3 * MINUTE })]));
    expect(stepped).toEqual([10, 12, 12, 12, 12, 12, 12, 12, 20, 20]);
    expect(provisionedWithActivities(x, 60, reported, undefined)).toEqual(reported);
  });
});

describe("changeMarkers", () => {
  it("marks each change with its summary, failed ones as such, and leaves auto scaling's own capacity changes to the activity markers", () => {
    const base = { eventSource: "dynamodb.amazonaws.com", whoDigested: false, resource: "table/Sessions", index: null, kind: "capacity" as const, error: null };
    const markers = changeMarkers([
      { ...base, id: "1", at: T0, eventName: "UpdateTable", who: "arn:aws:sts::111111111111:assumed-role/deploy/ci-1", summary: ["write capacity 20 → 5"] },
      { ...base, id: "2", at: T0 + MINUTE, eventName: "UpdateTable", who: "#digest", whoDigested: true, automatic: true, summary: ["write capacity 5 → 8"] },
      { ...base, id: "3", at: T0 + 2 * MINUTE, eventName: "TagResource", who: "arn:aws:iam::111111111111:user/alice", summary: [], error: "AccessDeniedException" },
      { ...base, id: "4", at: T0 + 3 * MINUTE, eventName: "RegisterScalableTarget", who: "arn:aws:iam::111111111111:user/alice", index: "GSI1", summary: ["maximum set to 10"] },
    ]);
    expect(markers).toEqual([
      { at: T0 / 1000, label: "write capacity 20 → 5", failed: false },
      { at: (T0 + 2 * MINUTE) / 1000, label: "TagResource (failed: AccessDeniedException)", failed: true },
      { at: (T0 + 3 * MINUTE) / 1000, label: "GSI1: maximum set to 10", failed: false },
    ]);
  });
});
