/**
 * The diagnosis window when the request names none and a paging alarm is firing: from a little before the alarm
 * fired until now, so the verdicts look at what set it off. Client-safe, pure.
 */
import { resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import { DEFAULT_METRIC_RANGE, RANGE_DURATION_MS } from "@/lib/metrics/time-range";
import type { TableAlarm } from "./alarm-types";
import { pagingInAlarm } from "./table-alarm-match";

/** Never shorter than the default range, so an alarm that fired a minute ago still shows the hour around it. */
const MIN_MS = RANGE_DURATION_MS[DEFAULT_METRIC_RANGE];
/** Never longer than the longest range the charts offer: an alarm stuck in ALARM for a month is not a one-month incident. */
const MAX_MS = RANGE_DURATION_MS["2w"];

export type IncidentAlarm = Pick<TableAlarm, "name" | "state" | "managedByAutoScaling" | "stateSince" | "evaluationPeriods" | "periodSeconds">;

export type IncidentWindow = { window: MetricWindow; alarm: string };

/**
 * How far before the ALARM transition the breaching data began: CloudWatch moves to ALARM after evaluating
 * EvaluationPeriods periods of Period seconds, so the first breaching datapoint can be that far back. Composite
 * alarms have no period of their own: none is added for them.
 */
function lookbackMs(alarm: IncidentAlarm): number {
  return (alarm.evaluationPeriods ?? 1) * (alarm.periodSeconds ?? 0) * 1000;
}

/**
 * [start of the current ALARM span − EvaluationPeriods × Period, now], widened to the default range and aligned as
 * every metrics window is (resolveMetricWindow); of several firing alarms, the one whose window starts earliest, so
 * the window covers every incident. Null when no paging alarm is in ALARM with a known start.
 */
export function incidentWindow(alarms: readonly IncidentAlarm[], nowMs: number): IncidentWindow | null {
  let lead: { alarm: IncidentAlarm; startMs: number } | null = null;
  for (const alarm of pagingInAlarm(alarms)) {
    if (alarm.stateSince === null) continue;
    const startMs = alarm.stateSince - lookbackMs(alarm);
    if (!lead || startMs < lead.startMs) lead = { alarm, startMs };
  }
  if (!lead) return null;
  const startMs = Math.max(Math.min(lead.startMs, nowMs - MIN_MS), nowMs - MAX_MS);
  const resolved = resolveMetricWindow({ startMs, endMs: nowMs }, nowMs);
  return resolved.ok ? { window: resolved.window, alarm: lead.alarm.name } : null;
}
