/** Builders for baseline test inputs: a metrics response of the past, as the diagnosis's baseline read gives it. */
import { BASELINE_OFFSET_MS, type BaselineOffset } from "@/lib/metrics/baseline-window";
import type { MetricsBaseline, MetricsResponse } from "@/lib/metrics/metrics-response";
import { baselineSeriesDefinitions } from "./baseline-series";

/**
 * `past` laid out like the live window (metricsFor builds it on the live timestamps), cut down to the series the
 * diagnosis's baseline read asks for, and dated `offset` earlier.
 */
export function baselineFrom(offset: BaselineOffset, past: MetricsResponse, gsis: readonly string[] = []): MetricsBaseline {
  const offsetMs = BASELINE_OFFSET_MS[offset];
  const asked = new Set(baselineSeriesDefinitions({ table: past.table, gsis, onDemand: false, periodSeconds: past.period }).map((definition) => definition.id.replace(/\/per_second$/, "")));
  const series = past.series.filter((entry) => asked.has(entry.id.replace(/\/per_second$/, "")));
  return { offset, offsetMs, start: past.start - offsetMs, end: past.end - offsetMs, series, fetchedAt: past.fetchedAt, cache: "miss" };
}
