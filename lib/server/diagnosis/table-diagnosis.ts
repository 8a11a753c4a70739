import "server-only";
import { env } from "@/lib/env";
import { diagnose } from "@/lib/diagnosis/diagnose";
import { withThresholds } from "@/lib/diagnosis/diagnosis-thresholds";
import type { DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { ContributorInsightsInput, Verdict } from "@/lib/diagnosis/diagnosis-types";
import { insightsInput, keySampleInput } from "@/lib/diagnosis/from-sources";
import type { JobSnapshot, KeySampleParams, KeySampleResult, SizeAuditParams, SizeAuditResult } from "@/lib/jobs/job-types";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { Access } from "@/lib/server/auth/access";
import { presentInsights, presentKeySampleResult, presentSizeAuditResult } from "@/lib/server/auth/present-keys";
import { toAppError } from "@/lib/server/http/error-response";
import { tableInsights } from "@/lib/server/insights/table-insights";
import { jobRegistry } from "@/lib/server/jobs/job-registry";
import { getTableMetrics } from "@/lib/server/metrics/table-metrics";
import type { MetricsParams } from "@/lib/server/metrics/metrics-params";
import { describeTable } from "@/lib/server/tables/describe-table";

function failure(error: unknown, source: string): string {
  const appError = toAppError(error);
  if (appError) return appError.message;
  // Unexpected: keep the detail in the server log, and say only that this source failed.
  console.error(`[dynamo-lens] diagnosis: ${source} failed`, error);
  return `${source} could not be read.`;
}

const finishedAt = (iso: string | null) => (iso ? Date.parse(iso) : null);

/**
 * The table's verdicts over a window, from every source there is: CloudWatch metrics, Contributor Insights, the
 * latest key sample and size audit. A source that fails is reported as missing; the others still count.
 */
export async function tableDiagnosis(tableName: string, params: MetricsParams, access: Access, now = Date.now()): Promise<DiagnosisResponse> {
  const table = await describeTable(tableName);
  const [metrics, insights] = await Promise.allSettled([getTableMetrics(tableName, { ...params, index: null }, now), tableInsights(tableName, params.window, {}, now)]);
  const metricsResponse: MetricsResponse | null = metrics.status === "fulfilled" ? metrics.value : null;
  const metricsError = metrics.status === "rejected" ? failure(metrics.reason, "CloudWatch metrics") : null;
  const insightsValue: ContributorInsightsInput | null = insights.status === "fulfilled" ? insightsInput(presentInsights(insights.value, access)) : null;
  const insightsError = insights.status === "rejected" ? failure(insights.reason, "Contributor Insights") : null;

  const registry = jobRegistry();
  // The registry keeps snapshots untyped by kind; each kind's runner stores its own result type.
  const sample = registry.latest(tableName, "key-sample") as JobSnapshot<KeySampleParams, KeySampleResult> | undefined;
  const audit = registry.latest(tableName, "size-audit") as JobSnapshot<SizeAuditParams, SizeAuditResult> | undefined;
  // Keys are digested before the rules run, so every verdict's key, sentence and link carries the digest for a viewer.
  const sampleDone = sample?.result && sample.finishedAt ? { result: presentKeySampleResult(sample.result, access), at: Date.parse(sample.finishedAt) } : null;
  const auditDone = audit?.result && audit.finishedAt ? { result: presentSizeAuditResult(audit.result, access), at: Date.parse(audit.finishedAt) } : null;

  const scale = env().partitionCapScale;
  const thresholds = withThresholds({ partitionReadUnitsPerSecond: 3_000 * scale, partitionWriteUnitsPerSecond: 1_000 * scale });
  const verdicts = diagnose({
    table,
    metrics: metricsResponse,
    metricsError,
    contributorInsights: insightsValue,
    keySample: sampleDone ? keySampleInput(sampleDone.result, sampleDone.at, Date.parse(sample?.createdAt ?? "") || null) : null,
    sizeAudit: auditDone?.result ?? null,
    sizeAuditFinishedAt: auditDone?.at ?? null,
    thresholds,
    now,
  });
  return {
    table: tableName,
    window: { start: params.window.startMs, end: params.window.endMs },
    // A digest opens nothing in the browser, so a viewer's verdicts link only to charts.
    verdicts: access.digestsKeys ? verdicts.map(withoutKeyLinks) : verdicts,
    inputs: {
      metrics: metricsError === null ? { ok: true } : { ok: false, error: metricsError },
      contributorInsights: insightsError === null ? { ok: true, enabled: insightsValue?.resources.filter((resource) => resource.status === "ENABLED").length ?? 0 } : { ok: false, error: insightsError },
      keySample: sampleDone ? { finishedAt: sampleDone.at } : null,
      sizeAudit: auditDone ? { finishedAt: finishedAt(audit?.finishedAt ?? null) ?? auditDone.at } : null,
    },
    generatedAt: now,
    keysDigested: access.digestsKeys,
  };
}

function withoutKeyLinks(verdict: Verdict): Verdict {
  return { ...verdict, evidence: verdict.evidence.map(({ link, ...evidence }) => (link?.kind === "chart" ? { ...evidence, link } : evidence)) };
}
