"use client";

import { useScope } from "@/components/layout/scope-context";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TermHint } from "@/components/glossary/term-hint";
import { capacityChart, latencyChart, pendingReplicationChart, replicationChart, requestsChart, throttleChart, utilizationChart } from "@/lib/metrics/capacity-charts";
import { capacitySummary } from "@/lib/metrics/capacity-summary";
import { metricsQueryParams, REFRESH_MS, type CapacityViewState } from "@/lib/metrics/capacity-view-state";
import { formatPeriod } from "@/lib/metrics/metric-series";
import { metricsQueries } from "@/lib/queries/metrics-queries";
import type { TableDetail } from "@/lib/tables/table-detail";
import { withBaseline } from "@/lib/metrics/baseline-overlay";
import type { ChartData } from "@/lib/metrics/capacity-charts";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import { alarmOverlays, changeMarkers, chartTarget, mergeOverlays, scalingMarkers, type ChartOverlays, type OverlayChart } from "@/lib/metrics/chart-overlays";
import { useAlarmsAndScaling } from "../alarms/alarms-and-scaling";
import { CapacityControls } from "./capacity-controls";

const TONES = {
  bad: "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200",
  warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  good: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  unknown: "border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300",
} as const;

/** Capacity and throttling from CloudWatch. If CloudWatch fails, this section says so and the rest of the page works. */
export function CapacitySection({ detail, state, update }: { detail: TableDetail; state: CapacityViewState; update: (patch: Partial<CapacityViewState>) => void }) {
  const scope = useScope();
  const params = useMemo(() => metricsQueryParams(state), [state]);
  const query = useQuery(metricsQueries.table(scope, detail.name, params, REFRESH_MS[state.refresh]));
  const data = query.data;
  const gsi = state.gsi && detail.gsis.some((index) => index.name === state.gsi) ? state.gsi : null;
  const { alarms, scaling, changes } = useAlarmsAndScaling(detail.name, state);
  const targets = useMemo(() => scaling.data?.targets ?? [], [scaling.data]);
  const overlays = useMemo(() => {
    if (!data) return null;
    // Changes go on every chart: a lowered capacity shows in the writes, a new GSI in the throttles.
    const changed = { changes: changeMarkers(changes.data?.changes ?? []) };
    const of = (chart: OverlayChart): ChartOverlays => mergeOverlays(alarmOverlays(alarms.data?.alarms ?? [], chart, gsi, data.period, data.end), { markers: scalingMarkers(targets, chart, gsi) }, changed);
    return { reads: of("reads"), writes: of("writes"), throttles: of("throttles"), other: mergeOverlays(changed) };
  }, [data, alarms.data, targets, changes.data, gsi]);
  const charts = useMemo(() => {
    if (!data) return null;
    // The same window a day or a week earlier, drawn from the same chart builders on the live timestamps.
    const past = data.baseline ? { ...data, series: data.baseline.series } : null;
    const label = data.baseline?.offset === "1d" ? "yesterday" : "last week";
    const compared = <A extends unknown[]>(build: (response: MetricsResponse, ...args: A) => ChartData, ...args: A) =>
      withBaseline(build(data, ...args), past ? build(past, ...args) : null, label);
    return {
      reads: compared(capacityChart, "Read", gsi, chartTarget(targets, "Read", gsi)),
      writes: compared(capacityChart, "Write", gsi, chartTarget(targets, "Write", gsi)),
      utilization: compared(utilizationChart, gsi),
      throttles: compared(throttleChart, gsi),
      requests: compared(requestsChart),
      latency: compared(latencyChart),
      summary: capacitySummary(data, gsi, state.tz),
      // Only a global table has copies in other regions to chart.
      replication: detail.replicas.length > 0 ? { delay: replicationChart(data), pending: pendingReplicationChart(data, detail.globalTableVersion) } : null,
    };
  }, [data, gsi, targets, state.tz, detail.replicas.length, detail.globalTableVersion]);
  const syncKey = `capacity-${detail.name}`;
  const zoom = (startMs: number, endMs: number) => update({ start: startMs, end: endMs });

  return (
    <section aria-labelledby="capacity-heading" className="space-y-3" data-testid="capacity-section">
      <h2 id="capacity-heading" className="flex items-center gap-2 text-lg font-semibold">
        Capacity and throttling{gsi ? <span className="font-mono text-base font-normal text-slate-500">· GSI {gsi}</span> : null}
        <TermHint term="throttling" label="What this section shows">
          What the table used against what it is allowed (provisioned capacity, or the on-demand maximum), and every time
          DynamoDB refused a request because of it (throttling), split by cause. Numbers come from CloudWatch at one-minute
          resolution, which hides bursts shorter than a minute.
        </TermHint>
      </h2>
      <CapacityControls detail={detail} state={state} update={update} fetching={query.isFetching} />
      {query.isError ? (
        <ErrorPanel title="CloudWatch metrics are unavailable" message={`${query.error.message} Items and sizes still work.`} onRetry={() => void query.refetch()} />
      ) : null}
      {query.isPending ? <div aria-busy="true" className="h-64 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}
      {charts && data ? (
        <>
          <p className={`rounded-md border px-3 py-2 text-sm ${TONES[charts.summary.tone]}`} data-testid="capacity-summary">
            {charts.summary.text}
          </p>
          <p className="text-xs text-slate-500">
            {formatPeriod(data.period)} periods, {new Date(data.start).toLocaleString("en-GB", { timeZone: state.tz === "UTC" ? "UTC" : undefined })} to{" "}
            {new Date(data.end).toLocaleString("en-GB", { timeZone: state.tz === "UTC" ? "UTC" : undefined })} {state.tz === "UTC" ? "UTC" : "local time"}.
            {data.partialFrom !== null ? " The last period is still filling." : ""}
          </p>
          <div className="grid gap-3 lg:grid-cols-2">
            <TimeSeriesChart data={charts.reads} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-reads" overlays={overlays?.reads} />
            <TimeSeriesChart data={charts.writes} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-writes" overlays={overlays?.writes} />
            <TimeSeriesChart data={charts.throttles} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-throttles" overlays={overlays?.throttles} />
            <TimeSeriesChart data={charts.utilization} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-utilization" overlays={overlays?.other} />
            <TimeSeriesChart data={charts.requests} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-requests" overlays={overlays?.other} />
            <TimeSeriesChart data={charts.latency} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-latency" overlays={overlays?.other} />
          </div>
          {charts.replication ? (
            <>
              <h3 id="replication-heading" className="flex items-center gap-2 pt-2 text-base font-semibold">
                Replication to other regions
                <TermHint term="replication-latency" label="What replication delay means">
                  This table is a global table: every change made here is copied to its other regions in the background. The first
                  chart shows how late changes arrive there, in seconds (the average per period, and the slowest change, dashed);
                  normally a second or two. The second shows how many updates were waiting to be copied, which DynamoDB publishes
                  only for some global table versions.
                </TermHint>
              </h3>
              <div className="grid gap-3 lg:grid-cols-2" data-testid="replication-charts">
                <TimeSeriesChart data={charts.replication.delay} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-replication-delay" overlays={overlays?.other} />
                <TimeSeriesChart data={charts.replication.pending} syncKey={syncKey} timeZone={state.tz} onZoom={zoom} testId="chart-replication-pending" overlays={overlays?.other} />
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
