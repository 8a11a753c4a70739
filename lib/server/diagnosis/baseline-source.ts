import "server-only";
import { createHash } from "node:crypto";
import type { BaselinesInput, DiagnosisBaselines } from "@/lib/diagnosis/baseline-rules";
import { baselineSeriesDefinitions } from "@/lib/diagnosis/baseline-series";
import type { DiagnosisInputs } from "@/lib/diagnosis/diagnosis-response";
import { BASELINE_OFFSETS } from "@/lib/metrics/baseline-window";
import { queryKey, type SeriesDefinition } from "@/lib/metrics/metric-series";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { MetricsBaseline } from "@/lib/metrics/metrics-response";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import { pastSeries } from "@/lib/server/metrics/baseline-metrics";
import { seriesInputFor } from "@/lib/server/metrics/series-queries";
import { settle } from "./alarms-source";
import { sourceFailure } from "./diagnosis-sources";

export type BaselineSource = { baselines: NonNullable<BaselinesInput["baselines"]> | null; inputs: NonNullable<DiagnosisInputs["baselines"]> };

const keyOf = (definition: SeriesDefinition) => JSON.stringify([definition.scope.table, queryKey(definition)]);

/**
 * The diagnosis's baselines for some tables of one scope, read the same way for a table page (one table) and the
 * overview (all of them), so both hand `diagnose` the same facts: for each of the two offsets (a day and a week
 * earlier) ONE batched GetMetricData round over every table's consumption and throttle series (baseline-series.ts), so
 * a scope costs two rounds at most, cached and shared (baseline-metrics.ts). Failing is a missing input, never a failed
 * diagnosis: the verdicts that need a baseline are then not given, and the overview names "baselines" as not checked.
 */
export async function baselineSources(scope: Scope, tables: ReadonlyArray<{ name: string; detail: TableDetail }>, window: MetricWindow, nowMs: number): Promise<Map<string, BaselineSource>> {
  const inputs = tables.map(({ detail }) => seriesInputFor(detail, window.periodSeconds));
  const definitions = inputs.flatMap(baselineSeriesDefinitions);
  // Everything that decides which series are asked; a hash keeps the key short when hundreds of tables are read.
  const shape = createHash("sha256").update(JSON.stringify(["diagnosis", inputs])).digest("base64url");
  const reads = await Promise.all(BASELINE_OFFSETS.map((offset) => settle(pastSeries(scope, { definitions, keyOf, shape }, window, offset, nowMs))));
  const sources = new Map<string, BaselineSource>();
  const failed = reads.find((read) => read.status === "rejected");
  if (failed) {
    const error = sourceFailure(failed.reason, "CloudWatch metrics of the same hour yesterday and last week");
    for (const { name } of tables) sources.set(name, { baselines: null, inputs: { ok: false, error } });
    return sources;
  }
  const fulfilled = reads.flatMap((read) => (read.status === "fulfilled" ? [read.value] : []));
  for (const { name } of tables) {
    const ofTable = (baseline: MetricsBaseline): MetricsBaseline => ({ ...baseline, series: baseline.series.filter((series) => series.scope.table === name) });
    const entries = fulfilled.map((baseline) => [baseline.offset, ofTable(baseline)] as const);
    sources.set(name, { baselines: Object.fromEntries(entries) as DiagnosisBaselines, inputs: { ok: true } });
  }
  return sources;
}
