import type { ChartData, ChartSeries } from "./capacity-charts";

/** "last week", "yesterday": how a baseline's series are labelled on a chart. */
export type BaselineLabel = "yesterday" | "last week";

function total(series: readonly ChartSeries[], length: number): Array<number | null> {
  return Array.from({ length }, (_, index) => {
    let sum: number | null = null;
    for (const entry of series) {
      const value = entry.values[index] ?? null;
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  });
}

/**
 * The live chart with the same window one day or one week earlier drawn over it, thin and dotted, on the live x axis
 * (the baseline's values are aligned to the live timestamps). Stacked bars compare as their total, a line: a stack of
 * past bars behind today's would hide both. Client-safe, pure.
 */
export function withBaseline(live: ChartData, past: ChartData | null, label: BaselineLabel): ChartData {
  if (!past) return live;
  const pastSeries: ChartSeries[] = live.stacked
    ? [{ label: `All causes, ${label}`, values: total(past.series, live.x.length), color: "#475569", dash: [2, 3], kind: "line", width: 1.5 }]
    : past.series.map((entry) => ({ label: `${entry.label}, ${label}`, values: entry.values, color: entry.color, dash: [2, 3], kind: "line", width: 1 }));
  const pastHasData = pastSeries.some((entry) => entry.values.some((value) => value !== null));
  if (!pastHasData) return live;
  return { ...live, series: [...live.series, ...pastSeries], empty: null, title: live.title };
}
