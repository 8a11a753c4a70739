import "server-only";
import type { Scope } from "@/lib/scope/scope";
import { env } from "@/lib/env";
import { withThresholds } from "@/lib/diagnosis/diagnosis-thresholds";
import type { DiagnosisInputs } from "@/lib/diagnosis/diagnosis-response";
import type { ContributorInsightsInput, DiagnosisInput, DiagnosisThresholds } from "@/lib/diagnosis/diagnosis-types";
import { insightsInput, keySampleInput, streamSampleInput } from "@/lib/diagnosis/from-sources";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import type { JobSnapshot, KeySampleParams, KeySampleResult, SizeAuditParams, SizeAuditResult } from "@/lib/jobs/job-types";
import type { StreamSampleParams, StreamSampleResult } from "@/lib/streams/stream-types";
import type { Access } from "@/lib/server/auth/access";
import { presentInsights, presentKeySampleResult, presentSizeAuditResult, presentStreamSampleResult } from "@/lib/server/auth/present-keys";
import { toAppError } from "@/lib/server/http/error-response";
import { jobRegistry } from "@/lib/server/jobs/job-registry";

/*
 * The diagnosis inputs besides CloudWatch metrics, read the same way for the table page and for the overview, so
 * both hand `diagnose` the same facts.
 */

/** A failed source as the message the inputs carry. */
export function sourceFailure(error: unknown, source: string): string {
  const appError = toAppError(error);
  if (appError) return appError.message;
  // Unexpected: keep the detail in the server log, and say only that this source failed.
  console.error(`[dynamo-lens] diagnosis: ${source} failed`, error);
  return `${source} could not be read.`;
}

/** The default thresholds, with the per-partition-key cap scaled as configured (the local demo scales it). */
export function diagnosisThresholds(): DiagnosisThresholds {
  const scale = env().partitionCapScale;
  return withThresholds({ partitionReadUnitsPerSecond: 3_000 * scale, partitionWriteUnitsPerSecond: 1_000 * scale, changeLeadMs: env().changeLeadMinutes * 60_000 });
}

const finishedAt = (iso: string | null) => (iso ? Date.parse(iso) : null);

type JobInput = Pick<DiagnosisInput, "keySample" | "sizeAudit" | "sizeAuditFinishedAt" | "streamSample">;

/**
 * The latest finished key sample, size audit and stream sample of the table, from the job registry (in memory, or the
 * store it is configured with: no AWS call). Keys are digested for a viewer before the rules run, so verdicts carry
 * the digest. A stream sample counts only near the diagnosis window; the rules decide that (stream-facts.ts).
 */
export function jobInputs(scope: Scope, tableName: string, access: Access): { input: JobInput; inputs: Pick<DiagnosisInputs, "keySample" | "sizeAudit" | "streamSample"> } {
  const registry = jobRegistry();
  // The registry keeps snapshots untyped by kind; each kind's runner stores its own result type.
  const sample = registry.latest(scope, tableName, "key-sample") as JobSnapshot<KeySampleParams, KeySampleResult> | undefined;
  const audit = registry.latest(scope, tableName, "size-audit") as JobSnapshot<SizeAuditParams, SizeAuditResult> | undefined;
  const stream = registry.latest(scope, tableName, "stream-sample") as JobSnapshot<StreamSampleParams, StreamSampleResult> | undefined;
  // A cancelled sample still holds what it read; a running one has no result yet.
  const streamDone = stream?.result && stream.finishedAt && stream.result.records > 0 ? { result: presentStreamSampleResult(stream.result, access), at: Date.parse(stream.finishedAt) } : null;
  const sampleDone = sample?.result && sample.finishedAt ? { result: presentKeySampleResult(sample.result, access), at: Date.parse(sample.finishedAt) } : null;
  const auditDone = audit?.result && audit.finishedAt ? { result: presentSizeAuditResult(audit.result, access), at: Date.parse(audit.finishedAt) } : null;
  const input: JobInput = {
    keySample: sampleDone ? keySampleInput(sampleDone.result, sampleDone.at, Date.parse(sample?.createdAt ?? "") || null) : null,
    sizeAudit: auditDone?.result ?? null,
    sizeAuditFinishedAt: auditDone?.at ?? null,
    streamSample: streamDone ? streamSampleInput(streamDone.result, streamDone.at) : null,
  };
  return {
    input,
    inputs: {
      keySample: sampleDone ? { finishedAt: sampleDone.at } : null,
      sizeAudit: auditDone ? { finishedAt: finishedAt(audit?.finishedAt ?? null) ?? auditDone.at } : null,
      streamSample: streamDone ? { finishedAt: streamDone.at, window: streamDone.result.window } : null,
    },
  };
}

/** Contributor Insights as the rules read it (keys digested for a viewer), or the reason it could not be read. */
export function insightsSource(settled: PromiseSettledResult<InsightsResponse>, access: Access): { input: ContributorInsightsInput | null; inputs: DiagnosisInputs["contributorInsights"] } {
  if (settled.status === "rejected") return { input: null, inputs: { ok: false, error: sourceFailure(settled.reason, "Contributor Insights") } };
  const input = insightsInput(presentInsights(settled.value, access));
  return { input, inputs: { ok: true, enabled: input.resources.filter((resource) => resource.status === "ENABLED").length } };
}
