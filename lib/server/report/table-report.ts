import "server-only";
import type { ChangesResponse } from "@/lib/changes/change-types";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { ReportModel, ReportSection } from "@/lib/report/report-model";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { tableAlarms } from "@/lib/server/alarms/table-alarms";
import { tableChanges } from "@/lib/server/changes/table-changes";
import type { Access } from "@/lib/server/auth/access";
import { presentInsights } from "@/lib/server/auth/present-keys";
import { settle } from "@/lib/server/diagnosis/alarms-source";
import { tableDiagnosis } from "@/lib/server/diagnosis/table-diagnosis";
import { toAppError } from "@/lib/server/http/error-response";
import { tableInsights } from "@/lib/server/insights/table-insights";
import { getTableMetrics } from "@/lib/server/metrics/table-metrics";
import { tableScaling } from "@/lib/server/scaling/table-scaling";
import { describeTable } from "@/lib/server/tables/describe-table";
import type { ReportParams } from "./report-params";

/** Reads the table's change history for the window, as this caller may see it (identities digested for viewers). */
export type ChangesReader = (scope: Scope, tableName: string, window: MetricWindow, access: Access, nowMs: number) => Promise<ChangesResponse>;

export type ReportOptions = {
  /** The dashboard's origin, for links that still open from a saved file; null writes them relative. */
  origin: string | null;
  nowMs?: number;
  /** The change history (default: the changes API's tableChanges); null leaves it out and the report says so. */
  changes?: ChangesReader | null;
};

const NO_CHANGES = "the change history (CloudTrail) was not read for this report.";

/** A failed source in words for the report: AWS's mapped reason, or, for anything unexpected, no internal detail. */
function failure(error: unknown, source: string): string {
  const known = toAppError(error);
  if (known) return known.message;
  console.error(`[dynamo-lens] report: ${source} failed`, error);
  return "an unexpected error (the server's log has the details)";
}

async function section<T>(pending: Promise<T>, source: string): Promise<ReportSection<T>> {
  try {
    return { ok: true, value: await pending };
  } catch (error) {
    // One source failing costs its section, never the report.
    return { ok: false, error: failure(error, source) };
  }
}

/**
 * Everything a report holds, read in parallel over one frozen window through the same functions (and so the same
 * caches, shared with every viewer) as the live page. A missing or hidden table is a 404 like everywhere else;
 * any other failure is that section's "could not be read".
 */
export async function tableReportModel(scope: Scope, tableName: string, params: ReportParams, access: Access, options: ReportOptions): Promise<ReportModel> {
  const now = options.nowMs ?? Date.now();
  const { window } = params;
  const described = await settle(describeTable(scope, tableName));
  if (described.status === "rejected" && toAppError(described.reason)?.code === "NOT_FOUND") throw described.reason;
  const detail: ReportSection<TableDetail> = described.status === "fulfilled" ? { ok: true, value: described.value } : { ok: false, error: failure(described.reason, "the table description") };
  const metricsParams = { window, index: null, windowGiven: true };
  const changes = options.changes === undefined ? tableChanges : options.changes;
  const [diagnosis, metrics, alarms, scaling, insights, changeHistory] = await Promise.all([
    section(tableDiagnosis(scope, tableName, metricsParams, access, now), "The diagnosis"),
    section(getTableMetrics(scope, tableName, metricsParams, now), "CloudWatch metrics"),
    section(tableAlarms(scope, tableName, window, now), "CloudWatch alarms"),
    section(tableScaling(scope, tableName, window, now), "Application Auto Scaling"),
    section(tableInsights(scope, tableName, window, {}, now).then((response) => presentInsights(response, access)), "Contributor Insights"),
    changes ? section(changes(scope, tableName, window, access, now), "The change history") : Promise.resolve<ReportSection<ChangesResponse>>({ ok: false, unavailable: NO_CHANGES }),
  ]);
  return {
    table: tableName,
    scope,
    requested: params.requested,
    window: { start: window.startMs, end: window.endMs },
    periodSeconds: window.periodSeconds,
    generatedAt: now,
    role: access.role,
    keysDigested: access.digestsKeys,
    origin: options.origin,
    detail,
    diagnosis,
    metrics,
    alarms,
    scaling,
    insights,
    changes: changeHistory,
  };
}
