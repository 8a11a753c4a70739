import type { GlossaryTermId } from "@/lib/glossary/glossary-terms";
import type { ScalingTarget } from "@/lib/scaling/scaling-types";
import { provisionedWithActivities } from "./chart-overlays";
import { THROTTLE_CAUSES, formatPeriod } from "./metric-series";
import type { MetricsResponse } from "./metrics-response";
import { findSeries, hasData, utilization } from "./series-lookup";

/** What a chart draws: one x axis (epoch seconds) and labelled series, in the units stated. Client-safe. */
export type ChartSeries = { label: string; values: Array<number | null>; color: string; dash?: number[]; kind: "line" | "bar"; width?: number };
/** `term`: the glossary entry that explains what the chart measures. */
export type ChartData = { title: string; term: GlossaryTermId; unit: string; x: number[]; series: ChartSeries[]; empty: string | null; stacked?: boolean };

export const CAUSE_COLORS = { keyRange: "#e11d48", provisioned: "#f59e0b", accountLimit: "#7c3aed", maxOnDemand: "#0ea5e9" } as const;
const OPERATION_COLORS: Record<string, string> = { Scan: "#e11d48", Query: "#0284c7", GetItem: "#16a34a", BatchGetItem: "#65a30d", PutItem: "#9333ea", UpdateItem: "#c026d3", DeleteItem: "#64748b", BatchWriteItem: "#a16207" };

const xAxis = (response: MetricsResponse) => response.timestamps.map((ms) => ms / 1000);

/**
 * Consumed against provisioned, or against the on-demand maximum when one is set, for the table or one GSI. With the
 * auto scaling target, the provisioned line steps where its activities changed the capacity.
 */
export function capacityChart(response: MetricsResponse, kind: "Read" | "Write", index: string | null, scaling?: ScalingTarget): ChartData {
  const consumed = findSeries(response, { metric: `Consumed${kind}CapacityUnits`, stat: "Sum", index });
  const provisioned = findSeries(response, { metric: `Provisioned${kind}CapacityUnits`, stat: "Average", index });
  const onDemandMax = findSeries(response, { metric: `OnDemandMax${kind}RequestUnits`, stat: "Maximum", index });
  const limit = hasData(provisioned?.values) ? { series: provisioned, label: `Provisioned ${kind.toLowerCase()}s` } : hasData(onDemandMax?.values) ? { series: onDemandMax, label: "On-demand maximum" } : null;
  const unit = consumed?.unit ?? (kind === "Read" ? "RCU/s" : "WCU/s");
  const series: ChartSeries[] = [{ label: `Consumed ${kind.toLowerCase()}s`, values: consumed?.values ?? [], color: kind === "Read" ? "#0284c7" : "#9333ea", kind: "line", width: 2 }];
  if (limit?.series) {
    const reported = fillForward(limit.series.values);
    const values = limit.series === provisioned && scaling ? provisionedWithActivities(xAxis(response), response.period, reported, scaling) : reported;
    series.push({ label: limit.label, values, color: "#64748b", dash: [6, 4], kind: "line", width: 1.5 });
  }
  return {
    title: `${kind}s: consumed vs ${limit ? limit.label.toLowerCase() : "limit"} (${unit})`,
    term: kind === "Read" ? "rcu" : "wcu",
    unit,
    x: xAxis(response),
    series,
    empty: hasData(consumed?.values) ? null : "No data from CloudWatch in this window.",
  };
}

/** Provisioned capacity is published every 5 minutes: draw it as a step across the minutes in between. */
function fillForward(values: ReadonlyArray<number | null>): Array<number | null> {
  let last: number | null = null;
  const firstKnown = values.find((value) => value !== null) ?? null;
  return values.map((value) => {
    if (value !== null) last = value;
    return last ?? firstKnown;
  });
}

export function utilizationChart(response: MetricsResponse, index: string | null): ChartData {
  const series: ChartSeries[] = (["Read", "Write"] as const).flatMap((kind) => {
    const consumed = findSeries(response, { metric: `Consumed${kind}CapacityUnits`, stat: "Sum", index });
    const limit = findSeries(response, { metric: `Provisioned${kind}CapacityUnits`, stat: "Average", index }) ?? null;
    const max = findSeries(response, { metric: `OnDemandMax${kind}RequestUnits`, stat: "Maximum", index }) ?? null;
    const against = hasData(limit?.values) ? limit : hasData(max?.values) ? max : null;
    if (!consumed || !against) return [];
    return [{ label: `${kind}s`, values: utilization(consumed.values, against.values), color: kind === "Read" ? "#0284c7" : "#9333ea", kind: "line" as const, width: 2 }];
  });
  return {
    title: "Utilization (% of provisioned or of the on-demand maximum)",
    term: "utilization",
    unit: "%",
    x: xAxis(response),
    series,
    empty: series.some((entry) => hasData(entry.values)) ? null : "No provisioned capacity or on-demand maximum to compare with, or no data.",
  };
}

/** Throttle events per period, stacked by cause (reads and writes together), so the mix of causes is visible. */
export function throttleChart(response: MetricsResponse, index: string | null): ChartData {
  const per = formatPeriod(response.period);
  const series: ChartSeries[] = THROTTLE_CAUSES.map((cause) => {
    const reads = findSeries(response, { metric: `Read${cause.metricPart}`, stat: "Sum", index })?.values ?? [];
    const writes = findSeries(response, { metric: `Write${cause.metricPart}`, stat: "Sum", index })?.values ?? [];
    const values = response.timestamps.map((_, i) => {
      const read = reads[i] ?? null;
      const write = writes[i] ?? null;
      return read === null && write === null ? null : (read ?? 0) + (write ?? 0);
    });
    return { label: cause.label, values, color: CAUSE_COLORS[cause.cause], kind: "bar" as const };
  });
  const anyThrottled = series.some((entry) => hasData(entry.values));
  return {
    title: `Throttle events by cause (per ${per})`,
    term: "throttling",
    unit: `events per ${per}`,
    x: xAxis(response),
    series,
    stacked: true,
    // DynamoDB publishes throttle metrics only when something was throttled, so no data here is good news, not a gap.
    empty: anyThrottled ? null : "No throttling in this window.",
  };
}

/** Successful requests per second by operation; Scan is drawn heavy so a scan-heavy table stands out. */
export function requestsChart(response: MetricsResponse): ChartData {
  const series: ChartSeries[] = response.series
    .filter((entry) => entry.metric === "SuccessfulRequestLatency" && entry.stat === "SampleCount" && entry.unit === "requests/s" && entry.scope.operation && hasData(entry.values))
    .map((entry) => {
      const operation = entry.scope.operation ?? "";
      return { label: operation, values: entry.values, color: OPERATION_COLORS[operation] ?? "#94a3b8", kind: "line" as const, width: operation === "Scan" ? 3 : 1.5 };
    });
  return { title: "Requests by operation (requests/s)", term: "requests-by-operation", unit: "requests/s", x: xAxis(response), series, empty: series.length > 0 ? null : "No requests recorded in this window." };
}

export function latencyChart(response: MetricsResponse): ChartData {
  const series: ChartSeries[] = response.series
    .filter((entry) => entry.metric === "SuccessfulRequestLatency" && entry.stat === "Average" && entry.scope.operation && hasData(entry.values))
    .map((entry) => {
      const operation = entry.scope.operation ?? "";
      return { label: operation, values: entry.values, color: OPERATION_COLORS[operation] ?? "#94a3b8", kind: "line" as const, width: 1.5 };
    });
  return { title: "Latency by operation (average, ms)", term: "latency", unit: "ms", x: xAxis(response), series, empty: series.length > 0 ? null : "No requests recorded in this window." };
}

const REGION_COLORS = ["#0d9488", "#ea580c", "#4f46e5", "#be123c", "#65a30d", "#0369a1"];

/** The receiving regions a global table's response has replication series for, in the response's order. */
export function receivingRegions(response: MetricsResponse): string[] {
  return [...new Set(response.series.flatMap((entry) => (entry.scope.receivingRegion ? [entry.scope.receivingRegion] : [])))];
}

/**
 * How late changes reach each other region: the average delay (solid) and the slowest change (dashed) per period, one
 * colour per region. DynamoDB publishes milliseconds; the chart shows seconds, since a delay worth looking at is many
 * of them.
 */
export function replicationChart(response: MetricsResponse): ChartData {
  const series: ChartSeries[] = receivingRegions(response).flatMap((region, i) => {
    const color = REGION_COLORS[i % REGION_COLORS.length] ?? "#64748b";
    const seconds = (stat: "Average" | "Maximum") =>
      (findSeries(response, { metric: "ReplicationLatency", stat, receivingRegion: region })?.values ?? []).map((value) => (value === null ? null : value / 1000));
    return [
      { label: `${region}, average`, values: seconds("Average"), color, kind: "line" as const, width: 2 },
      { label: `${region}, slowest`, values: seconds("Maximum"), color, dash: [6, 4], kind: "line" as const, width: 1.5 },
    ];
  });
  return {
    title: "Replication delay to other regions (seconds: average and slowest change)",
    term: "replication-latency",
    unit: "s",
    x: xAxis(response),
    series,
    empty: series.some((entry) => hasData(entry.values)) ? null : "No replication delay was published in this window (there may have been no changes to copy).",
  };
}

/**
 * Updates made here and not yet copied to each other region: the most waiting in a period. Only some global table
 * versions publish it, so no data is "not published", never a backlog of 0.
 */
export function pendingReplicationChart(response: MetricsResponse, globalTableVersion: string | null): ChartData {
  const series: ChartSeries[] = receivingRegions(response).map((region, i) => ({
    label: region,
    values: findSeries(response, { metric: "PendingReplicationCount", stat: "Maximum", receivingRegion: region })?.values ?? [],
    color: REGION_COLORS[i % REGION_COLORS.length] ?? "#64748b",
    kind: "line" as const,
    width: 2,
  }));
  const version = globalTableVersion ? ` (its global table version is ${globalTableVersion})` : "";
  return {
    title: "Updates waiting to be copied to other regions (most in a period)",
    term: "replication-latency",
    unit: "updates waiting",
    x: xAxis(response),
    series,
    empty: series.some((entry) => hasData(entry.values))
      ? null
      : `Not published for this table${version}: DynamoDB publishes this count only for some global table versions. Unknown, not zero.`,
  };
}
