import "server-only";
import { diagnose } from "@/lib/diagnosis/diagnose";
import type { DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { Verdict } from "@/lib/diagnosis/diagnosis-types";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { Scope } from "@/lib/scope/scope";
import type { Access } from "@/lib/server/auth/access";
import { tableInsights } from "@/lib/server/insights/table-insights";
import { getTableMetrics } from "@/lib/server/metrics/table-metrics";
import type { MetricsParams } from "@/lib/server/metrics/metrics-params";
import { describeTable } from "@/lib/server/tables/describe-table";
import { scopeAlarms } from "@/lib/server/alarms/scope-alarms";
import { alarmsSource, diagnosisWindow, settle } from "./alarms-source";
import { baselineSources } from "./baseline-source";
import { costSources } from "./cost-source";
import { diagnosisThresholds, insightsSource, jobInputs, sourceFailure } from "./diagnosis-sources";
import { changesSources } from "./changes-source";
import { scalingSources } from "./scaling-source";

/**
 * The table's verdicts over a window, from every source there is: CloudWatch metrics, Contributor Insights, the
 * latest key sample and size audit. A source that fails is reported as missing; the others still count.
 */
export async function tableDiagnosis(scope: Scope, tableName: string, given: MetricsParams, access: Access, now = Date.now()): Promise<DiagnosisResponse> {
  const table = await describeTable(scope, tableName);
  // When the request names no window, a firing alarm sets it (alarms-source.ts), so the alarms are read first.
  const alarmsPending = settle(scopeAlarms(scope, now));
  const { window, windowSource } = diagnosisWindow(given, given.windowGiven === false ? await alarmsPending : null, tableName, now);
  const params: MetricsParams = { ...given, window };
  // Never rejects: a failed auto scaling read is a missing input (scaling-source.ts).
  const scalingPending = scalingSources(scope, [tableName], window, now);
  // Never rejects: the scope's one CloudTrail read for this window, shared with the changes API (changes-source.ts).
  const changesPending = changesSources(scope, [tableName], window, access, now);
  // Never rejects either: the same window a day and a week earlier, two rounds read as the overview reads them.
  const baselinesPending = baselineSources(scope, [{ name: tableName, detail: table }], window, now);
  // Never rejects: the Cost section's own cached 14-day answer (cost-source.ts).
  const costPending = costSources(scope, [tableName], now);
  const [metrics, insights] = await Promise.allSettled([getTableMetrics(scope, tableName, { ...params, index: null }, now), tableInsights(scope, tableName, params.window, {}, now)]);
  const alarms = alarmsSource(await alarmsPending, tableName, window, now);
  const metricsResponse: MetricsResponse | null = metrics.status === "fulfilled" ? metrics.value : null;
  const metricsError = metrics.status === "rejected" ? sourceFailure(metrics.reason, "CloudWatch metrics") : null;
  const ci = insightsSource(insights, access);
  const jobs = jobInputs(scope, tableName, access);
  const scaling = (await scalingPending).get(tableName);
  const changes = (await changesPending).get(tableName);
  const baselines = (await baselinesPending).get(tableName);
  const cost = (await costPending).get(tableName);
  const verdicts = diagnose({ table, metrics: metricsResponse, metricsError, contributorInsights: ci.input, ...jobs.input, alarms: alarms.alarms, scaling: scaling?.scaling ?? null, changes: changes?.changes ?? null, baselines: baselines?.baselines ?? null, cost: cost?.cost ?? null, thresholds: diagnosisThresholds(), now });
  return {
    table: tableName,
    window: { start: params.window.startMs, end: params.window.endMs },
    windowSource,
    // A digest opens nothing in the browser, so a viewer's verdicts link only to charts.
    verdicts: access.digestsKeys ? verdicts.map(withoutKeyLinks) : verdicts,
    inputs: { metrics: metricsError === null ? { ok: true } : { ok: false, error: metricsError }, contributorInsights: ci.inputs, ...jobs.inputs, alarms: alarms.inputs, scaling: scaling?.inputs, changes: changes?.inputs, baselines: baselines?.inputs, cost: cost?.inputs },
    generatedAt: now,
    keysDigested: access.digestsKeys,
  };
}

function withoutKeyLinks(verdict: Verdict): Verdict {
  return { ...verdict, evidence: verdict.evidence.map(({ link, ...evidence }) => (link?.kind === "chart" ? { ...evidence, link } : evidence)) };
}
