/**
 * A chart of the live dashboard (ChartData from lib/metrics/capacity-charts.ts, with the overlays of
 * lib/metrics/chart-overlays.ts) as one standalone SVG string, for the incident report: no script, no external
 * reference, every label escaped. Client-safe, pure. Colours follow components/charts/draw-overlays.ts; shapes and
 * dash patterns keep it readable when printed in black and white.
 */
import type { ChartData, ChartSeries } from "@/lib/metrics/capacity-charts";
import { NO_OVERLAYS, type ChartOverlays } from "@/lib/metrics/chart-overlays";
import { hasData } from "@/lib/metrics/series-lookup";
import { chartMaximum, formatTick, stepSeconds, timeTicks, valueTicks } from "./svg-scales";
import { escapeXml, utcStamp } from "./svg-text";
import { legendRows, type LegendEntry } from "./svg-legend";

export type SvgChartOptions = {
  /** Prefixes the ids of the chart's patterns; must be unique in a document that holds several charts. */
  id: string;
  width?: number;
  plotHeight?: number;
};

export const OVERLAY_COLORS = { alarm: "#e11d48", ok: "#64748b", scaleOut: "#0d9488", scaleIn: "#6366f1", change: "#a21caf" } as const;
/** Undashed lines after the first get these, so two lines of one chart differ without colour. */
const ALT_DASHES = ["", "2 3", "8 3 2 3", "1 2"];
const MARGIN = { left: 58, right: 14, top: 38, bottom: 34 };
/** Labels drawn in the chart are cut to this many characters; the full text is in the <title> tooltip and the report's tables. */
const LABEL_CHARS = 70;

export function shortLabel(text: string, max = LABEL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const n = (value: number) => (Math.round(value * 10) / 10).toString();

type Frame = { left: number; top: number; width: number; height: number; x: (seconds: number) => number; y: (value: number) => number };

function linePaths(series: ChartSeries, x: readonly number[], frame: Frame): string[] {
  const runs: string[] = [];
  let run: Array<[number, number]> = [];
  const flush = () => {
    if (run.length === 1) {
      const [px, py] = run[0] ?? [0, 0];
      runs.push(`<circle cx="${n(px)}" cy="${n(py)}" r="1.8" fill="${escapeXml(series.color)}"/>`);
    } else if (run.length > 1) {
      runs.push(`M${run.map(([px, py]) => `${n(px)} ${n(py)}`).join("L")}`);
    }
    run = [];
  };
  x.forEach((time, i) => {
    const value = series.values[i] ?? null;
    // A gap (no datapoint) breaks the line: "no data" is not zero.
    if (value === null || !Number.isFinite(value)) flush();
    else run.push([frame.x(time), frame.y(value)]);
  });
  flush();
  return runs;
}

function seriesDash(series: ChartSeries, undashedIndex: number): string {
  if (series.dash && series.dash.length > 0) return series.dash.join(" ");
  return ALT_DASHES[undashedIndex % ALT_DASHES.length] ?? "";
}

function drawLines(chart: ChartData, frame: Frame): { svg: string[]; dashes: Map<ChartSeries, string> } {
  const svg: string[] = [];
  const dashes = new Map<ChartSeries, string>();
  let undashed = 0;
  for (const series of chart.series) {
    if (series.kind !== "line") continue;
    const dash = seriesDash(series, series.dash && series.dash.length > 0 ? 0 : undashed++);
    dashes.set(series, dash);
    const stroke = `stroke="${escapeXml(series.color)}" stroke-width="${series.width ?? 1.5}"${dash ? ` stroke-dasharray="${dash}"` : ""}`;
    for (const part of linePaths(series, chart.x, frame)) {
      svg.push(part.startsWith("<") ? part : `<path d="${part}" fill="none" ${stroke} stroke-linejoin="round"/>`);
    }
  }
  return { svg, dashes };
}

/** Bars per period; a stacked chart piles its series in order (the throttle chart's causes). */
function drawBars(chart: ChartData, frame: Frame, id: string): string[] {
  const bars = chart.series.filter((series) => series.kind === "bar");
  if (bars.length === 0) return [];
  const step = stepSeconds(chart.x);
  const svg: string[] = [];
  chart.x.forEach((time, i) => {
    const left = frame.x(time);
    const width = Math.max(0.6, frame.x(time + step) - left - 0.6);
    let base = 0;
    bars.forEach((series, position) => {
      const value = series.values[i] ?? null;
      if (value === null || !Number.isFinite(value) || value <= 0) return;
      const from = chart.stacked ? base : 0;
      const to = from + value;
      if (chart.stacked) base = to;
      const y = frame.y(to);
      const height = Math.max(0.5, frame.y(from) - y);
      const rect = `x="${n(left)}" y="${n(y)}" width="${n(width)}" height="${n(height)}"`;
      svg.push(`<rect ${rect} fill="${escapeXml(series.color)}"/>`);
      // Every other cause hatched, so stacked causes stay apart in black and white.
      if (position % 2 === 1) svg.push(`<rect ${rect} fill="url(#${id}-bar-hatch)"/>`);
    });
  });
  return svg;
}

function drawOverlays(overlays: ChartOverlays, frame: Frame, id: string, start: number, end: number): { under: string[]; over: string[] } {
  const clamp = (seconds: number) => frame.x(Math.min(end, Math.max(start, seconds)));
  const under = overlays.bands.flatMap((band) => {
    const from = clamp(band.start);
    const to = clamp(band.end);
    if (to <= from) return [];
    const rect = `x="${n(from)}" y="${frame.top}" width="${n(to - from)}" height="${frame.height}"`;
    return [`<g><title>${escapeXml(band.label)}</title><rect ${rect} fill="${OVERLAY_COLORS.alarm}" fill-opacity="0.1"/><rect ${rect} fill="url(#${id}-alarm-hatch)"/></g>`];
  });
  const over: string[] = [];
  const right = frame.left + frame.width;
  for (const line of overlays.thresholds) {
    const y = frame.y(line.value);
    const color = line.state === "ALARM" ? OVERLAY_COLORS.alarm : OVERLAY_COLORS.ok;
    over.push(
      `<g><title>${escapeXml(line.label)}</title><line x1="${frame.left}" x2="${right}" y1="${n(y)}" y2="${n(y)}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/>` +
        `<text x="${right - 4}" y="${n(y - 3)}" text-anchor="end" font-size="10" fill="${color}">${escapeXml(shortLabel(line.label))}</text></g>`,
    );
  }
  const bottom = frame.top + frame.height;
  for (const change of overlays.changes) {
    if (change.at < start || change.at > end) continue;
    const x = frame.x(change.at);
    const color = change.failed ? OVERLAY_COLORS.ok : OVERLAY_COLORS.change;
    const s = 5;
    over.push(
      `<g><title>${escapeXml(`${utcStamp(change.at * 1000)}: ${change.label}`)}</title><line x1="${n(x)}" x2="${n(x)}" y1="${frame.top}" y2="${bottom}" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 3"/>` +
        `<path d="M${n(x)} ${bottom - 2 * s}L${n(x + s)} ${bottom - s}L${n(x)} ${bottom}L${n(x - s)} ${bottom - s}Z" fill="${color}"/></g>`,
    );
  }
  for (const marker of overlays.markers) {
    if (marker.at < start || marker.at > end) continue;
    const x = frame.x(marker.at);
    const color = marker.failed ? OVERLAY_COLORS.alarm : marker.direction === "in" ? OVERLAY_COLORS.scaleIn : OVERLAY_COLORS.scaleOut;
    const up = marker.direction !== "in";
    const s = 5;
    const tip = up ? `M${n(x - s)} ${frame.top + 8}L${n(x + s)} ${frame.top + 8}L${n(x)} ${frame.top}Z` : `M${n(x - s)} ${frame.top}L${n(x + s)} ${frame.top}L${n(x)} ${frame.top + 8}Z`;
    over.push(
      `<g><title>${escapeXml(`${utcStamp(marker.at * 1000)}: ${marker.label}`)}</title><line x1="${n(x)}" x2="${n(x)}" y1="${frame.top}" y2="${bottom}" stroke="${color}" stroke-width="1"/>` +
        `<path d="${tip}" fill="${color}"/></g>`,
    );
  }
  return { under, over };
}

function legendEntries(chart: ChartData, overlays: ChartOverlays, dashes: Map<ChartSeries, string>, id: string): LegendEntry[] {
  // A series without data in the window (an unused throttle cause) would only add noise to a printed legend.
  const bars = chart.series.filter((series) => series.kind === "bar");
  const entries: LegendEntry[] = chart.series.flatMap((series): LegendEntry[] => {
    if (!hasData(series.values)) return [];
    return [series.kind === "bar"
      ? { label: series.label, swatch: { kind: "box", color: series.color, pattern: bars.indexOf(series) % 2 === 1 ? `${id}-bar-hatch` : null } }
      : { label: series.label, swatch: { kind: "line", color: series.color, dash: dashes.get(series) ?? "" } }];
  });
  for (const line of overlays.thresholds) entries.push({ label: shortLabel(`alarm threshold: ${line.label}`), swatch: { kind: "line", color: line.state === "ALARM" ? OVERLAY_COLORS.alarm : OVERLAY_COLORS.ok, dash: "4 3" } });
  if (overlays.bands.length > 0) entries.push({ label: "in ALARM", swatch: { kind: "box", color: "#fde3e8", pattern: `${id}-alarm-hatch` } });
  if (overlays.markers.some((marker) => marker.direction !== "in" && !marker.failed)) entries.push({ label: "scale-out ▲", swatch: { kind: "mark", color: OVERLAY_COLORS.scaleOut } });
  if (overlays.markers.some((marker) => marker.direction === "in" && !marker.failed)) entries.push({ label: "scale-in ▼", swatch: { kind: "mark", color: OVERLAY_COLORS.scaleIn } });
  if (overlays.markers.some((marker) => marker.failed)) entries.push({ label: "scaling failed", swatch: { kind: "mark", color: OVERLAY_COLORS.alarm } });
  if (overlays.changes.length > 0) entries.push({ label: "change ◆", swatch: { kind: "line", color: OVERLAY_COLORS.change, dash: "3 3" } });
  return entries;
}

function patterns(id: string): string {
  return (
    `<defs><pattern id="${id}-alarm-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${OVERLAY_COLORS.alarm}" stroke-opacity="0.45" stroke-width="1.2"/></pattern>` +
    `<pattern id="${id}-bar-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><line x1="0" y1="0" x2="0" y2="4" stroke="#ffffff" stroke-width="1.4"/></pattern></defs>`
  );
}

/** The chart as an SVG element: title, unit, axes in UTC, series (gaps left open), overlays and a legend. */
export function renderSvgChart(chart: ChartData, overlays: ChartOverlays = NO_OVERLAYS, options: SvgChartOptions): string {
  const id = options.id.replace(/[^A-Za-z0-9_-]/g, "-");
  const width = options.width ?? 720;
  const plotHeight = options.plotHeight ?? 200;
  const step = stepSeconds(chart.x);
  const start = chart.x[0] ?? 0;
  const end = (chart.x[chart.x.length - 1] ?? start) + step;
  const { top: yTop, ticks } = valueTicks(chartMaximum(chart, overlays));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const frame: Frame = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: plotWidth,
    height: plotHeight,
    x: (seconds) => MARGIN.left + ((seconds - start) / (end - start)) * plotWidth,
    y: (value) => MARGIN.top + plotHeight - (Math.max(0, value) / yTop) * plotHeight,
  };
  const bottom = MARGIN.top + plotHeight;
  const axes: string[] = [`<rect x="${frame.left}" y="${frame.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#cbd5e1"/>`];
  // Without data or a threshold there is no value to scale: a 0–1 axis would read as measured zeros.
  const drawnTicks = chart.series.some((series) => hasData(series.values)) || overlays.thresholds.length > 0 ? ticks : [];
  for (const tick of drawnTicks) {
    const y = n(frame.y(tick));
    axes.push(`<line x1="${frame.left}" x2="${frame.left + plotWidth}" y1="${y}" y2="${y}" stroke="#e2e8f0"/><text x="${frame.left - 4}" y="${y}" dy="3" text-anchor="end" font-size="10" fill="#334155">${escapeXml(formatTick(tick))}</text>`);
  }
  for (const tick of timeTicks(start, end)) {
    const x = n(frame.x(tick.at));
    axes.push(`<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 4}" stroke="#64748b"/><text x="${x}" y="${bottom + 15}" text-anchor="middle" font-size="10" fill="#334155">${escapeXml(tick.label)}</text>`);
  }
  axes.push(`<text x="${frame.left + plotWidth}" y="${bottom + 28}" text-anchor="end" font-size="10" fill="#64748b">time (UTC)</text>`);
  const { under, over } = drawOverlays(overlays, frame, id, start, end);
  const lines = drawLines(chart, frame);
  const message = chart.empty ? [`<text x="${n(frame.left + plotWidth / 2)}" y="${n(frame.top + plotHeight / 2)}" text-anchor="middle" font-size="12" fill="#475569">${escapeXml(chart.empty)}</text>`] : [];
  const legend = legendRows(legendEntries(chart, overlays, lines.dashes, id), { left: MARGIN.left, top: bottom + 40, width: plotWidth });
  const height = bottom + 40 + legend.height + 6;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeXml(chart.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif">`,
    `<title>${escapeXml(chart.title)}</title>`,
    patterns(id),
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="16" font-size="13" font-weight="600" fill="#0f172a">${escapeXml(chart.title)}</text>`,
    `<text x="4" y="${MARGIN.top - 8}" font-size="10" fill="#64748b">${escapeXml(chart.unit)}</text>`,
    ...axes,
    `<g>${[...under, ...drawBars(chart, frame, id), ...lines.svg].join("")}</g>`,
    ...over,
    ...message,
    legend.svg,
    "</svg>",
  ].join("");
}
