import "server-only";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { Scope } from "@/lib/scope/scope";
import type { InsightsClients } from "./insights-clients";
import { contributorInsightsStatus } from "./insights-status";
import { contributorReport } from "./contributor-report";

/** The insights API's answer: every resource's status, and the report of the enabled ones over the window. */
export async function tableInsights(scope: Scope, tableName: string, window: MetricWindow, clients: InsightsClients = {}, nowMs: number = Date.now()): Promise<InsightsResponse> {
  const status = await contributorInsightsStatus(scope, tableName, clients);
  const report = await contributorReport(scope, tableName, window, clients, nowMs);
  return {
    table: status.table.name,
    status: status.statuses,
    report,
    window: { range: window.range, start: window.startMs, end: window.endMs, period: window.periodSeconds },
    fetchedAt: report?.fetchedAt ?? status.fetchedAt,
  };
}
