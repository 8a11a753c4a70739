import { describe, expect, it } from "vitest";
import type { ChartData } from "@/lib/metrics/capacity-charts";
import { NO_OVERLAYS, mergeOverlays } from "@/lib/metrics/chart-overlays";
import { HOSTILE } from "./report-fixtures";
import { externalReferences } from "./report-references";
import { OVERLAY_COLORS, renderSvgChart } from "./svg-chart";
import { timeTicks, valueTicks } from "./svg-scales";

const T0 = Date.UTC(2025, 2, 3, 14, 0) / 1000;
const x = Array.from({ length: 60 }, (_, i) => T0 + i * 60);

function lineChart(values: Array<number | null>, extra: Partial<ChartData> = {}): ChartData {
  return {
    title: "Writes: consumed vs provisioned writes (WCU/s)",
    term: "wcu",
    unit: "WCU/s",
    x,
    series: [
      { label: "Consumed writes", values, color: "#9333ea", kind: "line", width: 2 },
      { label: "Provisioned writes", values: x.map(() => 60), color: "#64748b", dash: [6, 4], kind: "line", width: 1.5 },
    ],
    empty: null,
    ...extra,
  };
}

/** Every tag opened is closed in order, and no text holds a raw "<" or an unescaped "&". */
function wellFormed(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const match of svg.matchAll(/<(\/?)([A-Za-z][\w-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) problems.push(`unescaped & in ${text}`);
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name ?? ""}> closes the wrong element`);
    } else if (!selfClosing) stack.push(name ?? "");
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  if (svg.replace(/<[^>]*>/g, "").includes("<")) problems.push("raw < in text");
  return problems;
}

const pathsOf = (svg: string, color: string) => [...svg.matchAll(new RegExp(`<path d="([^"]+)" fill="none" stroke="${color}"`, "g"))].map((match) => match[1] ?? "");

describe("renderSvgChart", () => {
  it("draws a well-formed SVG with UTC time ticks, a value axis, the title, the unit and a legend", () => {
    const svg = renderSvgChart(lineChart(x.map(() => 40)), NO_OVERLAYS, { id: "writes" });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(wellFormed(svg)).toEqual([]);
    for (const label of ["14:00", "14:10", "14:50", "15:00", "time (UTC)", "WCU/s", "Consumed writes", "Provisioned writes"]) expect(svg).toContain(`>${label}<`);
    // 0 to a round top above the provisioned 60.
    expect(svg).toContain(">0<");
    expect(svg).toContain(">80<");
    expect(externalReferences(svg, null)).toEqual([]);
  });

  it("draws the provisioned line dashed and leaves gaps open where CloudWatch had no datapoint", () => {
    const values = x.map((_, i) => (i >= 20 && i < 30 ? null : 40));
    const svg = renderSvgChart(lineChart(values), NO_OVERLAYS, { id: "gaps" });
    const consumed = pathsOf(svg, "#9333ea");
    // Two runs, before and after the gap: no segment bridges it as if it were data.
    expect(consumed).toHaveLength(2);
    expect(consumed.every((d) => (d.match(/M/g) ?? []).length === 1)).toBe(true);
    expect(svg).toMatch(/stroke="#64748b" stroke-width="1.5" stroke-dasharray="6 4"/);
    // A lone datapoint between gaps is still drawn, as a dot.
    const lone = renderSvgChart(lineChart(x.map((_, i) => (i === 5 ? 10 : null))), NO_OVERLAYS, { id: "lone" });
    expect(lone).toMatch(/<circle [^>]*fill="#9333ea"/);
  });

  it("stacks throttle causes: the second cause's bar sits on the first, hatched for black and white", () => {
    const chart: ChartData = {
      title: "Throttle events by cause (per 1 min)",
      term: "throttling",
      unit: "events per 1 min",
      x,
      stacked: true,
      empty: null,
      series: [
        { label: "key range", values: x.map((_, i) => (i === 10 ? 30 : null)), color: "#e11d48", kind: "bar" },
        { label: "provisioned", values: x.map((_, i) => (i === 10 ? 70 : null)), color: "#f59e0b", kind: "bar" },
      ],
    };
    const svg = renderSvgChart(chart, NO_OVERLAYS, { id: "throttles" });
    const rect = (color: string) => {
      const match = new RegExp(`<rect x="[\\d.]+" y="([\\d.]+)" width="[\\d.]+" height="([\\d.]+)" fill="${color}"/>`).exec(svg);
      return { y: Number(match?.[1]), height: Number(match?.[2]) };
    };
    const first = rect("#e11d48");
    const second = rect("#f59e0b");
    expect(second.y + second.height).toBeCloseTo(first.y, 0);
    expect(second.height).toBeGreaterThan(first.height * 2);
    expect(svg).toContain('fill="url(#throttles-bar-hatch)"');
    expect(svg).toContain('<pattern id="throttles-bar-hatch"');
  });

  it("draws alarm thresholds, ALARM spans, scaling and change markers, and names them in the legend", () => {
    const overlays = mergeOverlays({
      thresholds: [{ value: 50, label: "Writes high (≥ 50)", state: "ALARM" }, { value: 20, label: "Writes low", state: "OK" }],
      bands: [{ start: T0 + 600, end: T0 + 99_999, label: "Writes high in ALARM" }],
      markers: [{ at: T0 + 900, label: "scale-out: writes → 120", direction: "out", failed: false }, { at: T0 + 1_800, label: "scale-in: writes → 60", direction: "in", failed: false }],
      changes: [{ at: T0 + 300, label: "write capacity 20 → 5", failed: false }],
    });
    const svg = renderSvgChart(lineChart(x.map(() => 40)), overlays, { id: "over" });
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).toMatch(new RegExp(`stroke="${OVERLAY_COLORS.alarm}" stroke-width="1.5" stroke-dasharray="4 3"`));
    expect(svg).toMatch(new RegExp(`stroke="${OVERLAY_COLORS.ok}" stroke-width="1.5" stroke-dasharray="4 3"`));
    // The span is clipped to the chart: it ends at the plot's right edge, not beyond.
    const band = /<rect x="([\d.]+)" y="38" width="([\d.]+)" height="200" fill="#e11d48" fill-opacity="0.1"\/>/.exec(svg);
    expect(Number(band?.[1]) + Number(band?.[2])).toBeCloseTo(720 - 14, 0);
    expect(svg).toContain("<title>Writes high in ALARM</title>");
    expect(svg).toContain("<title>2025-03-03 14:15:00 UTC: scale-out: writes → 120</title>");
    expect(svg).toContain("<title>2025-03-03 14:05:00 UTC: write capacity 20 → 5</title>");
    for (const label of ["alarm threshold: Writes high (≥ 50)", "in ALARM", "scale-out ▲", "scale-in ▼", "change ◆"]) expect(svg).toContain(`>${label}<`);
  });

  it("escapes every label, so hostile names stay text", () => {
    const chart = lineChart(x.map(() => 1), { title: HOSTILE, unit: HOSTILE });
    chart.series = chart.series.map((series) => ({ ...series, label: HOSTILE }));
    const overlays = mergeOverlays({ thresholds: [{ value: 1, label: HOSTILE, state: "ALARM" }], bands: [{ start: T0, end: T0 + 60, label: HOSTILE }], changes: [{ at: T0 + 60, label: HOSTILE, failed: true }] });
    const svg = renderSvgChart(chart, overlays, { id: `a"b<c` });
    expect(wellFormed(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(externalReferences(svg, null)).toEqual([]);
    // The id prefix is reduced to a safe token.
    expect(svg).toContain('id="a-b-c-alarm-hatch"');
  });

  it("says why a chart is empty instead of drawing a zero axis", () => {
    const chart = lineChart(x.map(() => null), { empty: "No data from CloudWatch in this window." });
    chart.series = chart.series.slice(0, 1);
    const svg = renderSvgChart(chart, NO_OVERLAYS, { id: "empty", plotHeight: 70 });
    expect(svg).toContain(">No data from CloudWatch in this window.<");
    expect(svg).not.toContain(">0<");
  });
});

describe("scales", () => {
  it("rounds the value axis up to a step of 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(valueTicks(63)).toEqual({ top: 80, ticks: [0, 20, 40, 60, 80] });
    expect(valueTicks(0.9).top).toBe(1);
    expect(valueTicks(0)).toEqual({ top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it("puts time ticks on round UTC times, with the day once the window is longer than a day", () => {
    expect(timeTicks(T0, T0 + 3_600).map((tick) => tick.label)).toEqual(["14:00", "14:10", "14:20", "14:30", "14:40", "14:50", "15:00"]);
    const week = timeTicks(T0, T0 + 7 * 86_400);
    expect(week.length).toBeLessThanOrEqual(7);
    expect(week[0]?.label).toMatch(/^\d{1,2} Mar \d\d:\d\d$/);
  });
});
