import { formatCount } from "@/lib/format/format-count";
import { baselinePhrase, compareWithBaseline } from "./baseline-compare";
import { THROTTLE_CAUSES } from "./metric-series";
import type { MetricsResponse } from "./metrics-response";
import { findSeries, hasData, peak, total, utilization } from "./series-lookup";

export type CapacitySummary = { tone: "bad" | "warn" | "good" | "unknown"; text: string };

function timeOf(ms: number, timeZone: "UTC" | "local"): string {
  return new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: timeZone === "UTC" ? "UTC" : undefined });
}

/**
 * The one line at the top of the capacity section, e.g. "Writes peaked at 96% of provisioned; 1,204 key-range
 * throttle events since 14:02". With a baseline it also states the difference ("writes 3.1× the same hour last
 * week"). It never reports health from missing data.
 */
export function capacitySummary(response: MetricsResponse, index: string | null, timeZone: "UTC" | "local"): CapacitySummary {
  const parts: string[] = [];
  let worst: CapacitySummary["tone"] = "good";
  for (const kind of ["Read", "Write"] as const) {
    const consumed = findSeries(response, { metric: `Consumed${kind}CapacityUnits`, stat: "Sum", index });
    const provisioned = findSeries(response, { metric: `Provisioned${kind}CapacityUnits`, stat: "Average", index });
    const max = findSeries(response, { metric: `OnDemandMax${kind}RequestUnits`, stat: "Maximum", index });
    const limit = hasData(provisioned?.values) ? { values: provisioned?.values ?? [], label: "provisioned" } : hasData(max?.values) ? { values: max?.values ?? [], label: "the on-demand maximum" } : null;
    if (!consumed || !limit) continue;
    const top = peak(utilization(consumed.values, limit.values));
    if (!top) continue;
    parts.push(`${kind}s peaked at ${Math.round(top.value)}% of ${limit.label}`);
    if (top.value >= 100) worst = "bad";
    else if (top.value >= 80 && worst === "good") worst = "warn";
  }
  let throttled = false;
  for (const cause of THROTTLE_CAUSES) {
    const values = response.timestamps.map((_, i) => {
      const read = findSeries(response, { metric: `Read${cause.metricPart}`, stat: "Sum", index })?.values[i] ?? null;
      const write = findSeries(response, { metric: `Write${cause.metricPart}`, stat: "Sum", index })?.values[i] ?? null;
      return read === null && write === null ? null : (read ?? 0) + (write ?? 0);
    });
    const sum = total(values);
    if (sum === null || sum === 0) continue;
    throttled = true;
    const first = values.findIndex((value) => value !== null && value > 0);
    const since = first >= 0 ? ` since ${timeOf(response.timestamps[first] ?? response.start, timeZone)}${timeZone === "UTC" ? " UTC" : ""}` : "";
    parts.push(`${formatCount(Math.round(sum))} ${cause.label} throttle events${since}`);
  }
  if (throttled) worst = "bad";
  const anyData = response.series.some((series) => hasData(series.values));
  if (!anyData) return { tone: "unknown", text: "CloudWatch has no data for this table in this window." };
  const difference = response.baseline ? baselinePhrase(compareWithBaseline(response, response.baseline, index)) : null;
  if (parts.length === 0) return { tone: "good", text: difference ? `No throttling in this window; ${difference}.` : "No throttling in this window." };
  if (!throttled) parts.push("no throttling");
  if (difference) parts.push(difference);
  const sentence = parts.join("; ");
  return { tone: worst, text: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}
