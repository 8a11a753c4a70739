"use client";

import { useEffect, useRef, useState } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartData } from "@/lib/metrics/capacity-charts";
import { NO_OVERLAYS, type ChartOverlays } from "@/lib/metrics/chart-overlays";
import { TermHint } from "@/components/glossary/term-hint";
import { ChartDataTable } from "./chart-data-table";
import { drawOverlays } from "./draw-overlays";
import { OverlayLegend } from "./overlay-legend";
import { publishCursor, subscribeCursor } from "./cursor-bus";

export type TimeZoneMode = "UTC" | "local";

type Props = {
  data: ChartData;
  /** Charts with the same key share one crosshair. */
  syncKey: string;
  timeZone: TimeZoneMode;
  onZoom?: (startMs: number, endMs: number) => void;
  height?: number;
  testId?: string;
  /** Alarm thresholds, ALARM spans and auto scaling activities drawn over the series. */
  overlays?: ChartOverlays;
};

/** Stacked bars are drawn as running totals; the legend and data table show each cause's own value. */
function stackedValues(data: ChartData): Array<Array<number | null>> {
  const running = data.x.map(() => 0);
  return data.series.map((series) =>
    series.values.map((value, index) => {
      if (value === null) return null;
      running[index] = (running[index] ?? 0) + value;
      return running[index] ?? null;
    }),
  );
}

function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return "no data";
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return `${rounded.toLocaleString("en-US")} ${unit}`;
}

/**
 * A uPlot time series: fast on long series, null drawn as a gap (never a drop to 0), a shared crosshair, drag to
 * zoom, and a data table behind it for screen readers and tests. uPlot touches `window`, so it loads on the client.
 */
export function TimeSeriesChart({ data, syncKey, timeZone, onZoom, height = 200, testId, overlays = NO_OVERLAYS }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<uPlot | null>(null);
  const zoomRef = useRef(onZoom);
  const [failed, setFailed] = useState<string | null>(null);
  // The latest callback, read by uPlot's select hook, without rebuilding the chart when the parent re-renders.
  useEffect(() => {
    zoomRef.current = onZoom;
  }, [onZoom]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host || data.empty) return;
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import("uplot")
      .then(({ default: UPlot }) => {
        if (disposed) return;
        const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
        const axisColor = dark ? "#94a3b8" : "#475569";
        const gridColor = dark ? "rgba(148,163,184,0.15)" : "rgba(100,116,139,0.15)";
        const drawn = data.stacked ? stackedValues(data) : data.series.map((series) => series.values);
        // Draw the tallest stack first so each cause stays visible on top of the ones below it.
        const order = data.stacked ? data.series.map((_, index) => index).reverse() : data.series.map((_, index) => index);
        const bars = UPlot.paths.bars?.({ size: [0.8, 40], gap: 1 });
        const options: uPlot.Options = {
          width: host.clientWidth,
          height,
          tzDate: timeZone === "UTC" ? (ts) => UPlot.tzDate(new Date(ts * 1000), "Etc/UTC") : (ts) => new Date(ts * 1000),
          cursor: { sync: { key: syncKey }, drag: { x: true, y: false, setScale: false } },
          legend: { live: true },
          // A threshold above every datapoint still shows: that headroom is the point of drawing it.
          scales: { x: { time: true }, y: { range: (_u, min, max) => { const top = Math.max(max, ...overlays.thresholds.map((line) => line.value)); return [Math.min(0, min), top > 0 ? top * 1.1 : 1]; } } },
          axes: [
            { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor } },
            { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor }, size: 56, values: (_u, splits) => splits.map((value) => value.toLocaleString("en-US")) },
          ],
          series: [
            { value: (_u, ts) => (ts === null ? "" : new Date(ts * 1000).toLocaleString("en-GB", { timeZone: timeZone === "UTC" ? "UTC" : undefined, hour: "2-digit", minute: "2-digit", day: "2-digit", month: "short" })) },
            ...order.map((index) => {
              const series = data.series[index];
              return {
                label: series?.label ?? "",
                stroke: series?.color,
                width: series?.width ?? 1.5,
                dash: series?.dash,
                fill: series?.kind === "bar" ? series.color : undefined,
                paths: series?.kind === "bar" ? bars : undefined,
                points: { show: false },
                value: (_u: uPlot, _value: number | null, _seriesIndex: number, dataIndex: number | null) =>
                  dataIndex === null ? "" : formatValue(series?.values[dataIndex], data.unit),
              };
            }),
          ],
          hooks: {
            drawClear: [(chart) => drawOverlays(chart, overlays, "under", dark)],
            draw: [(chart) => drawOverlays(chart, overlays, "over", dark)],
            // Share the crosshair's time with views outside uPlot's own sync (the key heat map).
            setCursor: [
              (chart) => {
                const index = chart.cursor.idx;
                const seconds = index === null || index === undefined ? null : (chart.data[0][index] ?? null);
                publishCursor(syncKey, seconds === null ? null : seconds * 1000, "chart");
              },
            ],
            setSelect: [
              (chart) => {
                const { left, width } = chart.select;
                if (width < 4) return;
                const from = chart.posToVal(left, "x");
                const to = chart.posToVal(left + width, "x");
                chart.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
                zoomRef.current?.(Math.round(from * 1000), Math.round(to * 1000));
              },
            ],
          },
        };
        const aligned: uPlot.AlignedData = [data.x, ...order.map((index) => drawn[index] ?? [])];
        chartRef.current = new UPlot(options, aligned, host);
        observer = new ResizeObserver(() => chartRef.current?.setSize({ width: host.clientWidth, height }));
        observer.observe(host);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : "the chart library did not load"));
    return () => {
      disposed = true;
      observer?.disconnect();
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, [data, syncKey, timeZone, height, overlays]);

  // The other way round: the heat map's hovered minute moves this chart's crosshair.
  useEffect(
    () =>
      subscribeCursor(syncKey, (timeMs, source) => {
        const chart = chartRef.current;
        if (source !== "heat-map" || !chart) return;
        chart.setCursor(timeMs === null ? { left: -10, top: -10 } : { left: chart.valToPos(timeMs / 1000, "x"), top: 0 });
      }),
    [syncKey],
  );

  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid={testId}>
      <figcaption className="mb-2 flex items-center gap-1.5 text-sm font-medium">
        {data.title}
        <TermHint term={data.term} />
      </figcaption>
      {data.empty ? (
        <p className="flex items-center justify-center rounded-md bg-slate-50 text-sm text-slate-500 dark:bg-slate-950" style={{ height }} data-empty="true">
          {data.empty}
        </p>
      ) : failed ? (
        <p className="text-sm text-rose-700">Could not draw the chart: {failed}</p>
      ) : (
        <div ref={hostRef} className="w-full" />
      )}
      <OverlayLegend overlays={overlays} timeZone={timeZone} />
      {data.empty ? null : <ChartDataTable data={data} timeZone={timeZone} />}
    </figure>
  );
}
