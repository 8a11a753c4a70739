import type { AlarmState, TableAlarm } from "@/lib/alarms/alarm-types";
import type { TableChange } from "@/lib/changes/change-types";
import type { ScalingTarget } from "@/lib/scaling/scaling-types";

/**
 * What the capacity charts draw on top of CloudWatch's series: the thresholds of the alarms that watch a charted
 * metric, the spans those alarms spent in ALARM, and auto scaling's activities. Client-safe, pure; x values are epoch
 * seconds, as uPlot's.
 */
export type ThresholdLine = { value: number; label: string; state: AlarmState };
export type AlarmBand = { start: number; end: number; label: string };
export type ActivityMarker = { at: number; label: string; direction: "out" | "in" | null; failed: boolean };
/** A management change (CloudTrail): drawn on every chart, since a change to one setting can show up anywhere. */
export type ChangeMarker = { at: number; label: string; failed: boolean };
export type ChartOverlays = { thresholds: ThresholdLine[]; bands: AlarmBand[]; markers: ActivityMarker[]; changes: ChangeMarker[] };

export type OverlayChart = "reads" | "writes" | "throttles";

export const NO_OVERLAYS: ChartOverlays = { thresholds: [], bands: [], markers: [], changes: [] };

const THROTTLE_METRIC = /^(Read|Write)(ThrottleEvents|KeyRangeThroughputThrottleEvents|ProvisionedThroughputThrottleEvents|AccountLimitThrottleEvents|MaxOnDemandThroughputThrottleEvents)$|^ThrottledRequests$/;

/**
 * The alarm's threshold in the chart's unit, or null when the chart does not draw what the alarm measures.
 * - Capacity charts draw consumption per second: a Sum over the alarm's period becomes Sum ÷ period; provisioned
 *   capacity is already per second. Other statistics of consumption (Average, Maximum: per request) have no line.
 * - The throttle chart counts events per chart period: a count per alarm period scales by the ratio of the periods.
 */
export function thresholdInChartUnit(alarm: TableAlarm, chart: OverlayChart, index: string | null, chartPeriodSeconds: number): number | null {
  const metric = alarm.metric;
  if (alarm.kind !== "metric" || metric === null || alarm.threshold === null || metric.index !== index) return null;
  if (metric.dimensions.Operation !== undefined || metric.dimensions.ReceivingRegion !== undefined) return null;
  const period = metric.periodSeconds ?? alarm.periodSeconds;
  if (chart === "throttles") {
    if (!THROTTLE_METRIC.test(metric.metricName) || metric.statistic !== "Sum" || !period) return null;
    return (alarm.threshold * chartPeriodSeconds) / period;
  }
  const kind = chart === "reads" ? "Read" : "Write";
  if (metric.metricName === `Provisioned${kind}CapacityUnits`) return alarm.threshold;
  if (metric.metricName !== `Consumed${kind}CapacityUnits` || metric.statistic !== "Sum" || !period) return null;
  return alarm.threshold / period;
}

const COMPARISON_SIGN: Record<string, string> = {
  GreaterThanOrEqualToThreshold: "≥",
  GreaterThanThreshold: ">",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "≤",
};

function round(value: number): string {
  return (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100).toLocaleString("en-US");
}

/** Lines and ALARM shading for one chart. Auto scaling's own alarms are left out: they steer capacity, they page nobody. */
export function alarmOverlays(alarms: readonly TableAlarm[], chart: OverlayChart, index: string | null, chartPeriodSeconds: number, windowEndMs: number): Pick<ChartOverlays, "thresholds" | "bands"> {
  const thresholds: ThresholdLine[] = [];
  const bands: AlarmBand[] = [];
  for (const alarm of alarms) {
    if (alarm.managedByAutoScaling) continue;
    const value = thresholdInChartUnit(alarm, chart, index, chartPeriodSeconds);
    if (value === null) continue;
    const sign = alarm.comparison ? (COMPARISON_SIGN[alarm.comparison] ?? "") : "";
    thresholds.push({ value, label: `${alarm.name} (${sign} ${round(value)})`, state: alarm.state });
    for (const period of alarm.alarmPeriods) {
      bands.push({ start: period.start / 1000, end: (period.end ?? windowEndMs) / 1000, label: `${alarm.name} in ALARM` });
    }
  }
  return { thresholds, bands };
}

/** The auto scaling target behind a capacity chart's provisioned line, if there is one. */
export function chartTarget(targets: readonly ScalingTarget[], kind: "Read" | "Write", index: string | null): ScalingTarget | undefined {
  return targets.find((target) => target.index === index && target.kind === (kind === "Read" ? "read" : "write"));
}

function targetsFor(targets: readonly ScalingTarget[], chart: OverlayChart, index: string | null): ScalingTarget[] {
  if (chart === "throttles") return targets.filter((target) => target.index === index);
  const kind = chart === "reads" ? "read" : "write";
  return targets.filter((target) => target.index === index && target.kind === kind);
}

/**
 * One marker per activity of the chart's targets that changed, or failed to change, the capacity; throttle charts show
 * reads' and writes' both. Not-scaled records (already at the maximum, every minute) would bury them and are left out.
 */
export function scalingMarkers(targets: readonly ScalingTarget[], chart: OverlayChart, index: string | null): ActivityMarker[] {
  return targetsFor(targets, chart, index).flatMap((target) =>
    target.activities.filter((activity) => activity.notScaledReasons.length === 0).map((activity) => {
      const failed = activity.status === "Failed" || activity.status === "Unfulfilled";
      const what = activity.capacity === null ? activity.description : `${target.kind}s → ${activity.capacity.toLocaleString("en-US")}`;
      const direction = activity.direction === "out" ? "scale-out" : activity.direction === "in" ? "scale-in" : "auto scaling";
      return { at: activity.start / 1000, label: `${direction}${failed ? ` (${activity.status.toLowerCase()})` : ""}: ${what}`, direction: activity.direction, failed };
    }),
  );
}

/**
 * CloudWatch reports provisioned capacity every few minutes, so its line moves late. Where auto scaling changed the
 * capacity, the line steps at the activity instead, and CloudWatch takes over again from its first datapoint at least
 * `settleSeconds` after the change (by then it reports the new value, or a later change made by someone else).
 */
export function provisionedWithActivities(x: readonly number[], periodSeconds: number, provisioned: ReadonlyArray<number | null>, target: ScalingTarget | undefined, settleSeconds = 300): Array<number | null> {
  const steps = (target?.activities ?? [])
    .filter((activity) => activity.status === "Successful" && activity.capacity !== null)
    .map((activity) => ({ at: (activity.end ?? activity.start) / 1000, capacity: activity.capacity ?? 0 }))
    .sort((a, b) => a.at - b.at);
  if (steps.length === 0) return [...provisioned];
  let stepIndex = -1;
  let override: number | null = null;
  return x.map((time, position) => {
    while (stepIndex + 1 < steps.length && (steps[stepIndex + 1]?.at ?? Infinity) < time + periodSeconds) {
      stepIndex++;
      override = steps[stepIndex]?.capacity ?? null;
    }
    const reported = provisioned[position] ?? null;
    const step = steps[stepIndex];
    if (override !== null && step && reported !== null && time >= step.at + settleSeconds) override = null;
    return override ?? reported;
  });
}

/**
 * One marker per change in the window. Auto scaling's own capacity changes (CloudTrail records them as UpdateTable by
 * its service-linked role: `automatic`) are already activity markers, so those are left out here.
 */
export function changeMarkers(changes: readonly TableChange[]): ChangeMarker[] {
  return changes
    .filter((change) => !change.automatic)
    .map((change) => ({
      at: change.at / 1000,
      label: `${change.index ? `${change.index}: ` : ""}${change.summary.join("; ") || change.eventName}${change.error ? ` (failed: ${change.error})` : ""}`,
      failed: change.error !== null,
    }));
}

export function mergeOverlays(...parts: Array<Partial<ChartOverlays>>): ChartOverlays {
  return {
    thresholds: parts.flatMap((part) => part.thresholds ?? []),
    bands: parts.flatMap((part) => part.bands ?? []),
    markers: parts.flatMap((part) => part.markers ?? []),
    changes: parts.flatMap((part) => part.changes ?? []),
  };
}
