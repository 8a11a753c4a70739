/**
 * Scan-heavy access: Scan's share of read requests (SuccessfulRequestLatency's SampleCount per Operation) and of
 * returned items (ReturnedItemCount per Operation), items per Scan, and when the Scans happened. Consumed capacity
 * has no Operation dimension, so the windows are where to look for the RCU it cost.
 */
import type { MetricSeries } from "@/lib/metrics/metrics-response";
import { findSeries, hasData, total } from "@/lib/metrics/series-lookup";
import { READ_OPERATIONS } from "./diagnosis-series";
import type { Evidence, TimeWindow, Verdict } from "./diagnosis-types";
import { amount, count, percent, windowText } from "./evidence-text";
import type { RuleContext } from "./rule-context";

/** At most this many windows are listed; the busiest first. */
const MAX_WINDOWS = 3;

type Requests = { operation: string; perPeriod: Array<number | null>; chart: MetricSeries; total: number };

/** Requests per period; from the per-second series times the period when only that one is there. */
function requests(ctx: RuleContext, operation: string): Requests | null {
  const perPeriod = findSeries(ctx.metrics, { metric: "SuccessfulRequestLatency", stat: "SampleCount", operation, perSecond: false });
  const perSecond = findSeries(ctx.metrics, { metric: "SuccessfulRequestLatency", stat: "SampleCount", operation, perSecond: true });
  const values = perPeriod && hasData(perPeriod.values) ? perPeriod.values : perSecond?.values.map((value) => (value === null ? null : value * ctx.metrics.period));
  const chart = perSecond ?? perPeriod;
  const sum = values ? total(values) : null;
  return values && chart && sum !== null ? { operation, perPeriod: values, chart, total: sum } : null;
}

/** Periods with at least half the busiest period's Scan requests, merged into ranges, the most Scans first. */
function scanWindows(ctx: RuleContext, scans: Requests): Array<{ window: TimeWindow; requests: number }> {
  const peak = Math.max(...scans.perPeriod.map((value) => value ?? 0));
  const periodMs = ctx.metrics.period * 1000;
  const windows: Array<{ window: TimeWindow; requests: number }> = [];
  let open: { window: TimeWindow; requests: number } | null = null;
  for (const [i, value] of scans.perPeriod.entries()) {
    const at = ctx.metrics.timestamps[i];
    const high = value !== null && value > 0 && value >= peak / 2;
    if (!high || at === undefined) {
      open = null;
      continue;
    }
    if (open) {
      open.window.end = at + periodMs;
      open.requests += value;
    } else {
      open = { window: { start: at, end: at + periodMs }, requests: value };
      windows.push(open);
    }
  }
  return windows.sort((a, b) => b.requests - a.requests);
}

function returnedItems(ctx: RuleContext, operation: string): { series: MetricSeries; total: number } | null {
  const series = findSeries(ctx.metrics, { metric: "ReturnedItemCount", stat: "Sum", operation });
  const sum = series ? total(series.values) : null;
  return series && sum !== null ? { series, total: sum } : null;
}

/** Consumed RCU has no Operation dimension: compare it inside the Scan windows with outside them instead. */
function consumedInAndOut(ctx: RuleContext, windows: TimeWindow[]): Evidence | null {
  const consumed = findSeries(ctx.metrics, { metric: "ConsumedReadCapacityUnits", stat: "Sum", index: null, perSecond: true });
  if (!consumed) return null;
  const inside: number[] = [];
  const outside: number[] = [];
  for (const [i, value] of consumed.values.entries()) {
    const at = ctx.metrics.timestamps[i];
    if (value === null || at === undefined) continue;
    (windows.some((window) => at >= window.start && at < window.end) ? inside : outside).push(value);
  }
  if (inside.length === 0 || outside.length === 0) return null;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const whole = { start: ctx.metrics.start, end: ctx.metrics.end };
  return {
    source: "metric",
    metric: consumed.metric,
    label: `Consumed reads averaged ${amount(mean(inside))} ${consumed.unit} while Scans were busy and ${amount(mean(outside))} ${consumed.unit} otherwise, ${windowText(whole)}`,
    window: whole,
    link: { kind: "chart", seriesId: consumed.id },
  };
}

export function scanVerdicts(ctx: RuleContext): Verdict[] {
  const t = ctx.thresholds;
  const scans = requests(ctx, "Scan");
  if (!scans || scans.total < t.scanMinRequests) return [];
  const reads = READ_OPERATIONS.map((operation) => requests(ctx, operation)).filter((entry): entry is Requests => entry !== null && entry.total > 0);
  const allReads = reads.reduce((sum, entry) => sum + entry.total, 0);
  const requestShare = allReads > 0 ? scans.total / allReads : 0;
  const items = READ_OPERATIONS.map((operation) => returnedItems(ctx, operation)).filter((entry) => entry !== null);
  const scanItems = items.find((entry) => entry.series.scope.operation === "Scan") ?? null;
  const allItems = items.reduce((sum, entry) => sum + entry.total, 0);
  const itemShare = scanItems && allItems > 0 ? scanItems.total / allItems : null;
  if (requestShare < t.scanShareOfRequests && (itemShare === null || itemShare < t.scanShareOfItems)) return [];

  const whole = { start: ctx.metrics.start, end: ctx.metrics.end };
  const mix = reads.map((entry) => `${entry.operation} ${count(entry.total)}`).join(", ");
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: "SuccessfulRequestLatency",
      label: `Scan made ${percent(requestShare)} of read requests ${windowText(whole)} (${count(scans.total)} of ${count(allReads)}: ${mix}; SampleCount of SuccessfulRequestLatency)`,
      window: whole,
      link: { kind: "chart", seriesId: scans.chart.id },
    },
  ];
  if (scanItems && itemShare !== null) {
    evidence.push({
      source: "metric",
      metric: "ReturnedItemCount",
      label: `Scan returned ${percent(itemShare)} of the items read ${windowText(whole)} (${count(scanItems.total)} of ${count(allItems)}), ${amount(scanItems.total / scans.total)} items per Scan request on average`,
      window: whole,
      link: { kind: "chart", seriesId: scanItems.series.id },
    });
  }
  const windows = scanWindows(ctx, scans);
  for (const { window, requests: inWindow } of windows.slice(0, MAX_WINDOWS)) {
    evidence.push({
      source: "metric",
      metric: "SuccessfulRequestLatency",
      label: `${count(inWindow)} Scan requests ${windowText(window)}, when Scans ran at half their peak rate or more`,
      window,
      link: { kind: "chart", seriesId: scans.chart.id },
    });
  }
  const consumed = consumedInAndOut(ctx, windows.map((entry) => entry.window));
  if (consumed) evidence.push(consumed);
  const more = windows.length > MAX_WINDOWS ? ` (and ${windows.length - MAX_WINDOWS} more busy stretches)` : "";
  return [
    {
      kind: "scan-heavy",
      severity: "warning",
      title: "This table is read mostly by going through all of it rather than by looking items up, which is slow and costly.",
      evidence,
      suggestion:
        `Find the code that scans (the times above show when${more}) and replace it with a Query on the partition key, or on an index designed for that lookup. ` +
        "A Scan is charged for every item it reads before filtering, so a filter saves nothing. " +
        "For exports or analytics, use Export to S3, or run the Scan off-peak with a small page size and a rate limit.",
    },
  ];
}
