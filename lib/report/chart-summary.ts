/**
 * A chart in words, for the Markdown report and the HTML's captions: each series' peak with its time and, for counts
 * per period (bars), the window's total. Client-safe, pure.
 */
import type { ChartData } from "@/lib/metrics/capacity-charts";
import { peak, total } from "@/lib/metrics/series-lookup";
import { formatNumber, utcTime } from "./svg-text";

export function chartSummary(chart: ChartData): string {
  if (chart.empty) return chart.empty;
  const parts = chart.series.flatMap((series) => {
    const top = peak(series.values);
    if (!top) return [];
    const at = chart.x[top.index];
    const when = at === undefined ? "" : ` at ${utcTime(at * 1000)} UTC`;
    if (series.kind === "bar") {
      const sum = total(series.values) ?? 0;
      if (sum === 0) return [];
      return [`${series.label}: ${formatNumber(sum)} in total, at most ${formatNumber(top.value)} ${chart.unit}${when}`];
    }
    return [`${series.label}: peak ${formatNumber(top.value)} ${chart.unit}${when}`];
  });
  return parts.length > 0 ? `${parts.join("; ")}.` : "No data in this window.";
}
