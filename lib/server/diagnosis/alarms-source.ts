import "server-only";
import type { TableAlarm } from "@/lib/alarms/alarm-types";
import { incidentWindow } from "@/lib/alarms/incident-window";
import { pagingInAlarm } from "@/lib/alarms/table-alarm-match";
import type { DiagnosisInputs, WindowSource } from "@/lib/diagnosis/diagnosis-response";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import { currentAlarms } from "@/lib/server/alarms/table-alarms";
import type { ScopeAlarms } from "@/lib/server/alarms/scope-alarms";
import type { MetricsParams } from "@/lib/server/metrics/metrics-params";
import { sourceFailure } from "./diagnosis-sources";

/** The scope's alarm listing as the diagnosis reads it: failing is a missing input, never a failed diagnosis. */
export type AlarmsRead = PromiseSettledResult<ScopeAlarms>;

export function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );
}

/** The table's alarms for `diagnose` (null when unreadable), and what the response's inputs say about them. */
export function alarmsSource(read: AlarmsRead, tableName: string, window: { startMs: number; endMs: number }, nowMs: number): { alarms: TableAlarm[] | null; inputs: NonNullable<DiagnosisInputs["alarms"]> } {
  if (read.status === "rejected") return { alarms: null, inputs: { ok: false, error: sourceFailure(read.reason, "CloudWatch alarms") } };
  const alarms = currentAlarms(read.value, tableName, window, nowMs);
  return { alarms, inputs: { ok: true, inAlarm: pagingInAlarm(alarms).length } };
}

/**
 * The window the diagnosis covers. A request that names one gets it. Otherwise, while a paging alarm on the table is
 * in ALARM, the incident window: from EvaluationPeriods × Period before the alarm fired until now (incident-window.ts),
 * so the verdicts look at what set it off; else the default range.
 */
export function diagnosisWindow(params: MetricsParams, read: AlarmsRead | null, tableName: string, nowMs: number): { window: MetricWindow; windowSource: WindowSource } {
  // A caller that built its params without saying is treated as having named its window.
  if (params.windowGiven !== false) return { window: params.window, windowSource: { kind: "request" } };
  const alarms = read?.status === "fulfilled" ? currentAlarms(read.value, tableName, params.window, nowMs) : [];
  const incident = incidentWindow(alarms, nowMs);
  return incident ? { window: incident.window, windowSource: { kind: "alarm", alarm: incident.alarm } } : { window: params.window, windowSource: { kind: "default" } };
}
