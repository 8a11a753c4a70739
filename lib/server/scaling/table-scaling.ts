import "server-only";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { ScalingResponse } from "@/lib/scaling/scaling-types";
import { tableTargets } from "@/lib/scaling/table-targets";
import type { Scope } from "@/lib/scope/scope";
import { describeTable } from "@/lib/server/tables/describe-table";
import { scopeScaling } from "./scope-scaling";

/**
 * GET /api/tables/:table/scaling: the auto scaling targets of the table and its GSIs (read and write), with their
 * policies, scheduled actions and the activities in the window, cut from the scope's one shared read. An exposed
 * table only: a hidden or missing one is a 404, as everywhere. An on-demand table has no targets (AWS refuses to
 * register one), so it answers with none.
 */
export async function tableScaling(scope: Scope, tableName: string, window: MetricWindow, nowMs: number = Date.now()): Promise<ScalingResponse> {
  const table = await describeTable(scope, tableName);
  const data = await scopeScaling(scope, window, nowMs);
  const span = { start: window.startMs, end: window.endMs };
  return {
    table: tableName,
    window: span,
    billingMode: table.billingMode,
    targets: tableTargets(data, tableName, span),
    activitiesComplete: data.activitiesFrom === null || data.activitiesFrom <= span.start,
    generatedAt: nowMs,
  };
}
