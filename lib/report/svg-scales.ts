/** Axis scales for the report's SVG charts: a rounded value axis and UTC time ticks. Client-safe, pure. */
import type { ChartData } from "@/lib/metrics/capacity-charts";
import type { ChartOverlays } from "@/lib/metrics/chart-overlays";
import { formatNumber, utcDayTime, utcTime } from "./svg-text";

/** A value axis from 0 to a round maximum, with about four steps. */
export function valueTicks(max: number): { top: number; ticks: number[] } {
  const target = max > 0 && Number.isFinite(max) ? max : 1;
  const raw = target / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= raw) ?? 10) * magnitude;
  const top = Math.ceil(target / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return { top, ticks };
}

/** The largest value the chart draws: stacked bars as their sums, and threshold lines, so none is cut off. */
export function chartMaximum(chart: ChartData, overlays: ChartOverlays): number {
  let max = 0;
  if (chart.stacked) {
    chart.x.forEach((_, i) => {
      const sum = chart.series.reduce((acc, series) => acc + Math.max(0, series.values[i] ?? 0), 0);
      max = Math.max(max, sum);
    });
  }
  for (const series of chart.series) for (const value of series.values) if (value !== null && Number.isFinite(value)) max = Math.max(max, value);
  for (const line of overlays.thresholds) if (Number.isFinite(line.value)) max = Math.max(max, line.value);
  return max * 1.05;
}

/** One datapoint's width in seconds: the grid's step, or a minute for a one-point chart. */
export function stepSeconds(x: readonly number[]): number {
  const first = x[0];
  const second = x[1];
  return first !== undefined && second !== undefined && second > first ? second - first : 60;
}

const TICK_STEPS = [60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];

/** Time ticks (epoch seconds) at round UTC steps, at most `maxTicks`, labelled with the time (and the day on longer windows). */
export function timeTicks(start: number, end: number, maxTicks = 7): Array<{ at: number; label: string }> {
  const span = Math.max(1, end - start);
  const step = TICK_STEPS.find((candidate) => span / candidate <= maxTicks) ?? Math.ceil(span / maxTicks / 86_400) * 86_400;
  const withDay = span > 86_400;
  const ticks: Array<{ at: number; label: string }> = [];
  for (let at = Math.ceil(start / step) * step; at <= end; at += step) {
    ticks.push({ at, label: withDay ? utcDayTime(at * 1000) : utcTime(at * 1000) });
  }
  return ticks;
}

export const formatTick = (value: number): string => (Math.abs(value) >= 10_000 ? `${formatNumber(value / 1000)}k` : formatNumber(value));
