/**
 * The charts a report draws, from the same builders and overlays as the live capacity section: for the table and each
 * GSI with data, consumed against provisioned reads and writes (with alarm thresholds, ALARM spans and auto scaling's
 * activities), throttles by cause and utilization, plus the table's requests by operation. Changes are marked on
 * every chart. Client-safe, pure.
 */
import { capacityChart, requestsChart, throttleChart, utilizationChart, type ChartData } from "@/lib/metrics/capacity-charts";
import { alarmOverlays, changeMarkers, chartTarget, mergeOverlays, scalingMarkers, type ChartOverlays, type OverlayChart } from "@/lib/metrics/chart-overlays";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import { chartAnchor } from "./report-links";
import { sectionValue, type ReportModel } from "./report-model";

export type ReportChartKind = "reads" | "writes" | "throttles" | "utilization" | "requests";

export type ReportChart = { anchor: string; kind: ReportChartKind; chart: ChartData; overlays: ChartOverlays };

/** One resource's charts: the table (index null) or a GSI. */
export type ReportChartGroup = { index: string | null; charts: ReportChart[] };

/** The GSIs to chart: those the table description names, else those the metrics carry series for. */
function gsiNames(model: ReportModel, metrics: MetricsResponse): string[] {
  const detail = sectionValue(model.detail);
  if (detail) return detail.gsis.map((gsi) => gsi.name);
  return [...new Set(metrics.series.flatMap((series) => (series.scope.index ? [series.scope.index] : [])))];
}

export function reportCharts(model: ReportModel): ReportChartGroup[] {
  const metrics = sectionValue(model.metrics);
  if (!metrics) return [];
  const alarms = sectionValue(model.alarms)?.alarms ?? [];
  const targets = sectionValue(model.scaling)?.targets ?? [];
  const changes = { changes: changeMarkers(sectionValue(model.changes)?.changes ?? []) };
  const group = (index: string | null): ReportChartGroup => {
    const overlaid = (kind: OverlayChart) => mergeOverlays(alarmOverlays(alarms, kind, index, metrics.period, metrics.end), { markers: scalingMarkers(targets, kind, index) }, changes);
    const entry = (kind: ReportChartKind, chart: ChartData, overlays: ChartOverlays): ReportChart => ({ anchor: chartAnchor(index, kind), kind, chart, overlays });
    const charts = [
      entry("reads", capacityChart(metrics, "Read", index, chartTarget(targets, "Read", index)), overlaid("reads")),
      entry("writes", capacityChart(metrics, "Write", index, chartTarget(targets, "Write", index)), overlaid("writes")),
      entry("throttles", throttleChart(metrics, index), overlaid("throttles")),
      entry("utilization", utilizationChart(metrics, index), mergeOverlays(changes)),
    ];
    if (index === null) charts.push(entry("requests", requestsChart(metrics), mergeOverlays(changes)));
    return { index, charts };
  };
  // A GSI without any consumption or throttling in the window adds pages and says nothing.
  const gsis = gsiNames(model, metrics)
    .map(group)
    .filter((entry) => entry.charts.some((chart) => chart.chart.empty === null && chart.kind !== "utilization"));
  return [group(null), ...gsis];
}
