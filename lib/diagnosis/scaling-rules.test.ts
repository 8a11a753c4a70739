import { describe, expect, it } from "vitest";
import type { ScalingActivity, ScalingTarget } from "@/lib/scaling/scaling-types";
import { diagnose } from "./diagnose";
import type { DiagnosisInput, Verdict, VerdictKind } from "./diagnosis-types";
import type { ScalingInput } from "./scaling-rules";
import { at, diagnosisInput, every, gsi, hotKeyInput, metricsFor, MINUTE, range, T0, tableDetail, traffic, underProvisionedInput } from "./test-fixtures";

const kinds = (verdicts: Verdict[]): VerdictKind[] => verdicts.map((verdict) => verdict.kind);
const find = (verdicts: Verdict[], kind: VerdictKind): Verdict => {
  const verdict = verdicts.find((entry) => entry.kind === kind);
  if (!verdict) throw new Error(`no ${kind} verdict in ${kinds(verdicts).join(", ")}`);
  return verdict;
};

function target(index: string | null, kind: "read" | "write", overrides: Partial<ScalingTarget> = {}): ScalingTarget {
  const level = index === null ? "table" : "index";
  const dimension = `dynamodb:${level}:${kind === "read" ? "Read" : "Write"}CapacityUnits` as ScalingTarget["dimension"];
  return {
    resourceId: index === null ? "table/Shop" : `table/Shop/index/${index}`,
    index,
    kind,
    dimension,
    minCapacity: 1,
    maxCapacity: 1_000,
    suspended: { dynamicScalingIn: false, dynamicScalingOut: false, scheduledScaling: false },
    policies: [{ name: `${kind}s`, type: "TargetTrackingScaling", targetValue: 70, metric: "DynamoDBWriteCapacityUtilization", scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 60, disableScaleIn: false, alarms: [] }],
    scheduledActions: [],
    activities: [],
    ...overrides,
  };
}

function scaleOut(minute: number, capacity: number, overrides: Partial<ScalingActivity> = {}): ScalingActivity {
  return {
    id: `a${minute}`,
    status: "Successful",
    statusMessage: null,
    description: `Setting write capacity units to ${capacity}.`,
    cause: "monitor alarm TargetTracking-table/Shop-AlarmHigh-1 in state ALARM triggered policy writes",
    start: T0 + minute * MINUTE,
    end: T0 + minute * MINUTE + 30_000,
    capacity,
    direction: "out",
    notScaledReasons: [],
    ...overrides,
  };
}

const withScaling = (input: DiagnosisInput, targets: ScalingTarget[], dailyPeaks: NonNullable<ScalingInput["scaling"]>["dailyPeaks"] = null) => diagnose({ ...input, scaling: { targets, dailyPeaks } });

/** Shop's GSI1 at its 12 WCU/s maximum from minute 20 to 29, its writes (and so the table's) throttled. */
function gsiAtMaximum(): DiagnosisInput {
  const table = tableDetail({ gsis: [gsi("GSI1", { read: 100, write: 12 })] });
  const metrics = metricsFor(table, [
    ...traffic(100, 20),
    { metric: "ConsumedWriteCapacityUnits", index: "GSI1", values: at(range(20, 30), 12, every(4)) },
    { metric: "ProvisionedWriteCapacityUnits", index: "GSI1", values: every(12) },
    { metric: "WriteProvisionedThroughputThrottleEvents", index: "GSI1", values: at(range(20, 30), 30) },
    { metric: "WriteThrottleEvents", index: "GSI1", values: at(range(20, 30), 30) },
    { metric: "WriteThrottleEvents", values: at(range(20, 30), 30) },
  ]);
  return diagnosisInput({ table, metrics });
}

describe("scaling-at-maximum", () => {
  it("names the GSI whose writes auto scaling holds at its maximum while they throttle, next to the back-pressure it causes", () => {
    const verdicts = withScaling(gsiAtMaximum(), [target("GSI1", "write", { minCapacity: 12, maxCapacity: 12 + 0, activities: [scaleOut(21, 12, { capacity: null, direction: null, status: "Failed", description: "Attempting to scale due to alarm triggered", notScaledReasons: ["AlreadyAtMaxCapacity"] })] })]);
    expect(kinds(verdicts)).toEqual(["scaling-at-maximum", "gsi-back-pressure"]);
    const verdict = find(verdicts, "scaling-at-maximum");
    expect(verdict).toMatchObject({ severity: "critical", index: "GSI1", title: "Auto scaling of the index GSI1's writes is at its maximum (12) while writes are being turned away." });
    expect(verdict.evidence.map((entry) => entry.label)).toEqual([
      "Auto scaling may set the index GSI1's writes between 12 and 12 WCU/s; provisioned was 12 WCU/s while they were throttled",
      "300 WriteProvisionedThroughputThrottleEvents on the index GSI1 between 14:20 and 14:30 UTC (at most 30 per 1 min, at 14:20 UTC)",
      "300 WriteThrottleEvents between 14:20 and 14:30 UTC (at most 30 per 1 min, at 14:20 UTC)",
      "Auto scaling wanted more 1 time but was already at its maximum (AlreadyAtMaxCapacity), first at 14:21 UTC",
      "Writes on the index GSI1 peaked at 100% of provisioned (12 of 12 WCU/s) at 14:20 UTC",
    ]);
    expect(verdict.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "gsi:GSI1/ProvisionedWriteCapacityUnits/Average" });
    expect(verdict.suggestion).toContain("Raise the maximum to at least 18");
    expect(verdict.suggestion).toContain("--resource-id table/Shop/index/GSI1 --scalable-dimension dynamodb:index:WriteCapacityUnits --max-capacity <n>");
  });

  it("replaces the under-provisioned verdict of the same resource and direction, which would say the same at the same severity", () => {
    const input = underProvisionedInput();
    const table = { ...input.table, name: "Shop" };
    const verdicts = withScaling({ ...input, table }, [target(null, "write", { minCapacity: 1, maxCapacity: 5 })]);
    expect(kinds(verdicts)).toEqual(["scaling-at-maximum", "scaling-minimum-low", "contributor-insights-off"]);
    expect(find(verdicts, "scaling-at-maximum").evidence.map((entry) => entry.metric)).toContain("ConsumedWriteCapacityUnits");
  });

  it("is a warning whose advice is the key when every throttle is key-range (no maximum fixes those)", () => {
    const input = hotKeyInput();
    const table = { ...input.table, provisioned: { read: 1_000, write: 100 } };
    const metrics = metricsFor(table, [...traffic(100, 100), { metric: "ProvisionedWriteCapacityUnits", values: every(100) }, { metric: "WriteKeyRangeThroughputThrottleEvents", values: at(range(20, 30), 120) }, { metric: "WriteThrottleEvents", values: at(range(20, 30), 120) }]);
    const verdicts = withScaling({ ...input, table, metrics }, [target(null, "write", { maxCapacity: 100 })]);
    const verdict = find(verdicts, "scaling-at-maximum");
    expect(verdict.severity).toBe("warning");
    expect(verdict.suggestion).toContain("Raising the maximum would not stop these throttles.");
    expect(kinds(verdicts)[0]).toBe("hot-key");
  });

  it("does not fire below the maximum, nor at the maximum without throttling", () => {
    expect(kinds(withScaling(gsiAtMaximum(), [target("GSI1", "write", { minCapacity: 12, maxCapacity: 40 })]))).not.toContain("scaling-at-maximum");
    const quiet = diagnosisInput({ metrics: metricsFor(tableDetail(), [...traffic(), { metric: "ProvisionedWriteCapacityUnits", values: every(1_000) }]) });
    expect(kinds(withScaling(quiet, [target(null, "write", { minCapacity: 100, maxCapacity: 1_000 })]))).toEqual(["healthy"]);
  });
});

describe("scaling-slow", () => {
  const sessions = () => {
    const input = underProvisionedInput();
    return { ...input, table: { ...input.table, name: "Shop" } };
  };

  it("says how many minutes after throttling began auto scaling raised capacity, beside the under-provisioned verdict", () => {
    const verdicts = withScaling(sessions(), [target(null, "write", { minCapacity: 5, maxCapacity: 100, activities: [scaleOut(14, 20)] })]);
    expect(kinds(verdicts)).toEqual(["under-provisioned-writes", "scaling-slow", "contributor-insights-off"]);
    const verdict = find(verdicts, "scaling-slow");
    expect(verdict).toMatchObject({ severity: "warning", index: null, title: "Auto scaling of the table's writes reacted 4 minutes after they began to be turned away." });
    expect(verdict.evidence.map((entry) => entry.label)).toEqual([
      "Writes were throttled for lack of capacity between 14:10 and 14:20 UTC (10 minutes)",
      "Auto scaling set the table's writes to 20 at 14:14 UTC (monitor alarm TargetTracking-table/Shop-AlarmHigh-1 in state ALARM triggered policy writes)",
    ]);
    expect(verdict.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "table/WriteProvisionedThroughputThrottleEvents/Sum" });
    expect(verdict.suggestion).toContain("higher minimum");
  });

  it("says so when no scale-out came while throttled below the maximum", () => {
    const verdict = find(withScaling(sessions(), [target(null, "write", { minCapacity: 5, maxCapacity: 100 })]), "scaling-slow");
    expect(verdict.title).toBe("Auto scaling of the table's writes did not react while they were being turned away.");
    expect(verdict.evidence[1]?.label).toBe("No scale-out of the table's writes between 14:10 and 14:35 UTC");
  });

  it("does not fire for a reaction within 2 minutes, nor for throttling already under way when the window began", () => {
    expect(kinds(withScaling(sessions(), [target(null, "write", { minCapacity: 5, maxCapacity: 100, activities: [scaleOut(11, 20)] })]))).not.toContain("scaling-slow");
    const input = sessions();
    const metrics = metricsFor(input.table, [
      { metric: "ConsumedWriteCapacityUnits", values: at(range(0, 10), 5, every(1)) },
      { metric: "ProvisionedWriteCapacityUnits", values: every(5) },
      { metric: "WriteProvisionedThroughputThrottleEvents", values: at(range(0, 10), 40) },
      { metric: "WriteThrottleEvents", values: at(range(0, 10), 40) },
    ]);
    expect(kinds(withScaling({ ...input, metrics }, [target(null, "write", { minCapacity: 5, maxCapacity: 100 })]))).not.toContain("scaling-slow");
  });
});

describe("no-auto-scaling", () => {
  it("adds the missing remedy to a provisioned table that throttles for lack of capacity", () => {
    const verdicts = withScaling(underProvisionedInput(), []);
    expect(kinds(verdicts)).toEqual(["under-provisioned-writes", "no-auto-scaling", "contributor-insights-off"]);
    const verdict = find(verdicts, "no-auto-scaling");
    expect(verdict).toMatchObject({ severity: "warning", index: null, title: "The table has no auto scaling for its writes, and writes are being turned away for lack of capacity." });
    expect(verdict.evidence.at(-1)?.label).toBe("No auto scaling target is registered for the table's writes (Application Auto Scaling lists none for table/Sessions, dynamodb:table:WriteCapacityUnits)");
    expect(verdict.suggestion).toContain("put-scaling-policy --service-namespace dynamodb --resource-id table/Sessions");
  });

  it("needs the auto scaling read, capacity throttles (not key-range ones) and provisioned capacity", () => {
    expect(kinds(diagnose(underProvisionedInput()))).not.toContain("no-auto-scaling");
    expect(kinds(diagnose({ ...underProvisionedInput(), scaling: null }))).not.toContain("no-auto-scaling");
    expect(kinds(withScaling(hotKeyInput(), []))).not.toContain("no-auto-scaling");
    const onDemand = tableDetail({ billingMode: "PAY_PER_REQUEST", provisioned: null });
    const metrics = metricsFor(onDemand, [...traffic(), { metric: "WriteThrottleEvents", values: at([3], 5) }]);
    expect(kinds(withScaling(diagnosisInput({ table: onDemand, metrics }), []))).not.toContain("no-auto-scaling");
  });
});

describe("scaling-minimum-low", () => {
  const peaks = (perSecond: number) => ({ window: { start: T0 - 23 * 60 * MINUTE, end: T0 + 60 * MINUTE }, periodSeconds: 300, peaks: [{ index: null, kind: "write" as const, perSecond, at: T0 - 6 * 60 * MINUTE }] });

  it("is info when the minimum is below the last 24 h's peak, saying what the peak covers", () => {
    const verdicts = withScaling(diagnosisInput(), [target(null, "write", { minCapacity: 5, maxCapacity: 1_000 })], peaks(40));
    expect(kinds(verdicts)).toEqual(["scaling-minimum-low", "healthy"]);
    const verdict = find(verdicts, "scaling-minimum-low");
    expect(verdict).toMatchObject({ severity: "info", title: "Auto scaling's minimum for the table's writes (5) is below their daily peak (40 per second)." });
    expect(verdict.evidence[0]?.label).toBe("The table's writes peaked at 40 WCU/s at 08:00 UTC over the last 24 h (between 2025-03-02 15:00 and 2025-03-03 15:00 UTC, 5-minute averages); auto scaling's minimum is 5 WCU/s");
    expect(verdict.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "table/ConsumedWriteCapacityUnits/Sum/per_second" });
  });

  it("falls back on the window's peak when the 24 h could not be read, and says so", () => {
    const verdict = find(withScaling(diagnosisInput(), [target(null, "write", { minCapacity: 5, maxCapacity: 1_000 })]), "scaling-minimum-low");
    expect(verdict.evidence[0]?.label).toContain("peaked at 50 WCU/s at 14:00 UTC in this window only (between 14:00 and 15:00 UTC; the last 24 h could not be read)");
  });

  it("is a warning when the window's throttling began with capacity at the minimum", () => {
    const verdicts = withScaling(underProvisionedInput(), [target(null, "write", { resourceId: "table/Sessions", minCapacity: 5, maxCapacity: 100, activities: [scaleOut(11, 10)] })], peaks(40));
    expect(find(verdicts, "scaling-minimum-low").severity).toBe("warning");
  });

  it("does not fire when the minimum covers the peak, or for a fixed target", () => {
    expect(kinds(withScaling(diagnosisInput(), [target(null, "write", { minCapacity: 50, maxCapacity: 1_000 })], peaks(40)))).toEqual(["healthy"]);
    expect(kinds(withScaling(diagnosisInput(), [target(null, "write", { minCapacity: 5, maxCapacity: 5 })], peaks(40)))).not.toContain("scaling-minimum-low");
  });
});
