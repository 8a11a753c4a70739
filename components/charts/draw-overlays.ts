import type uPlot from "uplot";
import type { ChartOverlays } from "@/lib/metrics/chart-overlays";

const ALARM_RED = "#e11d48";
const OK_GREY = "#64748b";
const SCALE_OUT = "#0d9488";
const SCALE_IN = "#6366f1";
const CHANGE = "#a21caf";

/**
 * Paints overlays on the plot area with the canvas uPlot draws on. "under" runs before the series (ALARM spans, so
 * the lines stay readable on top of them); "over" after them (threshold lines and activity markers).
 */
export function drawOverlays(chart: uPlot, overlays: ChartOverlays, layer: "under" | "over", dark: boolean): void {
  const { ctx } = chart;
  const { left, top, width, height } = chart.bbox;
  const clampX = (seconds: number) => Math.min(left + width, Math.max(left, chart.valToPos(seconds, "x", true)));
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  if (layer === "under") {
    ctx.fillStyle = dark ? "rgba(225,29,72,0.18)" : "rgba(225,29,72,0.10)";
    for (const band of overlays.bands) {
      const from = clampX(band.start);
      const to = clampX(band.end);
      if (to > from) ctx.fillRect(from, top, to - from, height);
    }
  } else {
    const pixel = devicePixelRatio;
    ctx.setLineDash([4 * pixel, 3 * pixel]);
    ctx.lineWidth = 1.5 * pixel;
    for (const line of overlays.thresholds) {
      const y = chart.valToPos(line.value, "y", true);
      ctx.strokeStyle = line.state === "ALARM" ? ALARM_RED : OK_GREY;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // Changes: a dashed line with a diamond at the foot, so they read apart from scaling's triangles at the top.
    for (const change of overlays.changes) {
      const x = chart.valToPos(change.at, "x", true);
      if (x < left || x > left + width) continue;
      ctx.strokeStyle = change.failed ? OK_GREY : CHANGE;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineWidth = 1.5 * pixel;
      ctx.setLineDash([3 * pixel, 3 * pixel]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
      const size = 5 * pixel;
      const foot = top + height - size;
      ctx.beginPath();
      ctx.moveTo(x, foot - size);
      ctx.lineTo(x + size, foot);
      ctx.lineTo(x, foot + size);
      ctx.lineTo(x - size, foot);
      ctx.closePath();
      ctx.fill();
    }
    for (const marker of overlays.markers) {
      const x = chart.valToPos(marker.at, "x", true);
      if (x < left || x > left + width) continue;
      ctx.strokeStyle = marker.failed ? ALARM_RED : marker.direction === "in" ? SCALE_IN : SCALE_OUT;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineWidth = 1 * pixel;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      // A triangle at the top: pointing up for a scale-out, down for a scale-in.
      const size = 5 * pixel;
      const up = marker.direction !== "in";
      ctx.beginPath();
      ctx.moveTo(x - size, top + (up ? size * 1.6 : 0));
      ctx.lineTo(x + size, top + (up ? size * 1.6 : 0));
      ctx.lineTo(x, top + (up ? 0 : size * 1.6));
      ctx.closePath();
      ctx.fill();
    }
  }
  ctx.restore();
}
