import "server-only";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import type { DiagnosisOverviewResponse } from "@/lib/diagnosis/diagnosis-response";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import { resolveMetricWindow } from "@/lib/metrics/metric-window";
import type { Access } from "@/lib/server/auth/access";
import { overviewMetrics } from "@/lib/server/metrics/overview-metrics";
import { listTableNames } from "@/lib/server/tables/list-tables";
import { tableDiagnosis } from "./table-diagnosis";

/** Full diagnoses cost a CloudWatch round each; the overview's batched metrics pick which tables deserve one. */
const MAX_DIAGNOSED = 20;

/**
 * Each table's worst verdict for the triage list. Tables the last hour's batched metrics flag (throttling, near
 * capacity) get a full diagnosis, worst first, up to MAX_DIAGNOSED; the others are judged from those metrics alone.
 */
export async function overviewDiagnosis(access: Access, now = Date.now()): Promise<DiagnosisOverviewResponse> {
  const names = await listTableNames();
  const metrics = await overviewMetrics(names, now);
  const flagged = metrics.order.filter((name) => {
    const severity = metrics.tables[name]?.trouble.severity;
    return severity === "critical" || severity === "warning";
  });
  const diagnosed = flagged.slice(0, MAX_DIAGNOSED);
  const resolved = resolveMetricWindow({ range: "1h" }, now);
  if (!resolved.ok) throw new Error(resolved.message);
  const window = resolved.window;
  const tables: DiagnosisOverviewResponse["tables"] = {};
  for (const name of names) {
    const trouble = metrics.tables[name]?.trouble;
    tables[name] = trouble ? { kind: trouble.severity === "idle" ? "no-data" : "healthy", severity: trouble.severity === "idle" ? "info" : "ok", title: trouble.reason } : null;
  }
  await mapWithConcurrency(diagnosed, 4, async (name) => {
    const result = await tableDiagnosis(name, { window, index: null }, access, now);
    const worst = worstVerdict(result.verdicts);
    if (worst) tables[name] = { kind: worst.kind, severity: worst.severity, title: worst.title };
  });
  return { tables, diagnosed, generatedAt: now };
}
