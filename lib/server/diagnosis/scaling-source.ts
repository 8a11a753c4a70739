import "server-only";
import type { DiagnosisInputs } from "@/lib/diagnosis/diagnosis-response";
import type { DailyPeaks, ScalingInput } from "@/lib/diagnosis/scaling-rules";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import { tableTargets } from "@/lib/scaling/table-targets";
import type { Scope } from "@/lib/scope/scope";
import { dailyPeaks, type PeakRequest } from "@/lib/server/scaling/daily-peaks";
import { scopeScaling } from "@/lib/server/scaling/scope-scaling";
import { settle } from "./alarms-source";
import { sourceFailure } from "./diagnosis-sources";

export type ScalingSource = { scaling: NonNullable<ScalingInput["scaling"]> | null; inputs: NonNullable<DiagnosisInputs["scaling"]> };

/**
 * Auto scaling for the diagnosis of some tables of one scope, read the same way for a table page (one table) and the
 * overview (all of them), so both hand `diagnose` the same facts: the scope's one cached read of targets and
 * activities, and ONE GetMetricData batch for the last 24 h's peaks of every auto scaled resource among the tables.
 * Failing is a missing input, never a failed diagnosis; a table with no targets needs no peaks.
 */
export async function scalingSources(scope: Scope, tableNames: readonly string[], window: MetricWindow, nowMs: number): Promise<Map<string, ScalingSource>> {
  const sources = new Map<string, ScalingSource>();
  const read = await settle(scopeScaling(scope, window, nowMs));
  if (read.status === "rejected") {
    const error = sourceFailure(read.reason, "Application Auto Scaling");
    for (const name of tableNames) sources.set(name, { scaling: null, inputs: { ok: false, error } });
    return sources;
  }
  const span = { start: window.startMs, end: window.endMs };
  const targets = new Map(tableNames.map((name) => [name, tableTargets(read.value, name, span)]));
  const requests: PeakRequest[] = [...targets].flatMap(([table, list]) => list.map((target) => ({ table, index: target.index, kind: target.kind })));
  const peaks = await settle(dailyPeaks(scope, requests, nowMs));
  const peaksError = peaks.status === "rejected" ? sourceFailure(peaks.reason, "CloudWatch metrics of the last 24 h") : null;
  for (const [name, list] of targets) {
    const daily: DailyPeaks | null = peaks.status === "fulfilled" ? (peaks.value.get(name) ?? null) : null;
    sources.set(name, { scaling: { targets: list, dailyPeaks: daily }, inputs: { ok: true, targets: list.length, dailyPeaksError: list.length > 0 ? peaksError : null } });
  }
  return sources;
}
