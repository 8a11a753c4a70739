/**
 * The tables overview's per-table summary of the last hour: peak utilization, throttles by cause, a sparkline and
 * a trouble score. Client-safe, pure: it works on series already laid on the window's grid.
 */
import { formatCount } from "@/lib/format/format-count";
import { THROTTLE_CAUSES, type ThrottleCause } from "./metric-series";

/** One table-level CloudWatch query per key; 16 per table, so 31 tables fit one 500-query GetMetricData call. */
export const OVERVIEW_QUERIES = [
  { key: "consumedRead", metric: "ConsumedReadCapacityUnits", stat: "Sum" },
  { key: "consumedWrite", metric: "ConsumedWriteCapacityUnits", stat: "Sum" },
  { key: "provisionedRead", metric: "ProvisionedReadCapacityUnits", stat: "Average" },
  { key: "provisionedWrite", metric: "ProvisionedWriteCapacityUnits", stat: "Average" },
  { key: "onDemandMaxRead", metric: "OnDemandMaxReadRequestUnits", stat: "Maximum" },
  { key: "onDemandMaxWrite", metric: "OnDemandMaxWriteRequestUnits", stat: "Maximum" },
  { key: "readThrottleEvents", metric: "ReadThrottleEvents", stat: "Sum" },
  { key: "writeThrottleEvents", metric: "WriteThrottleEvents", stat: "Sum" },
  { key: "readKeyRange", metric: "ReadKeyRangeThroughputThrottleEvents", stat: "Sum" },
  { key: "writeKeyRange", metric: "WriteKeyRangeThroughputThrottleEvents", stat: "Sum" },
  { key: "readProvisioned", metric: "ReadProvisionedThroughputThrottleEvents", stat: "Sum" },
  { key: "writeProvisioned", metric: "WriteProvisionedThroughputThrottleEvents", stat: "Sum" },
  { key: "readAccountLimit", metric: "ReadAccountLimitThrottleEvents", stat: "Sum" },
  { key: "writeAccountLimit", metric: "WriteAccountLimitThrottleEvents", stat: "Sum" },
  { key: "readMaxOnDemand", metric: "ReadMaxOnDemandThroughputThrottleEvents", stat: "Sum" },
  { key: "writeMaxOnDemand", metric: "WriteMaxOnDemandThroughputThrottleEvents", stat: "Sum" },
] as const;
export type OverviewQueryKey = (typeof OVERVIEW_QUERIES)[number]["key"];
/** One query's values on the window's grid (null where CloudWatch had no datapoint). */
export type OverviewSeries = (key: OverviewQueryKey) => ReadonlyArray<number | null>;

/** Throttle events summed over the window (reads + writes); null where CloudWatch published nothing. */
export type ThrottleTotals = Record<ThrottleCause | "total", number | null>;

export type TroubleSeverity = "critical" | "warning" | "ok" | "idle";
export type Trouble = {
  severity: TroubleSeverity;
  /** Higher is worse; sorts critical above warning above ok above idle, and within each by how bad. */
  score: number;
  reason: string;
};

export type TableOverviewMetrics = {
  /** Peak of consumed ÷ provisioned (or ÷ on-demand maximum) per period: 1 is 100%, above 1 is burst. Null without a capacity or without consumption data. */
  peakReadUtilization: number | null;
  peakWriteUtilization: number | null;
  throttles: ThrottleTotals;
  /** Consumed read + write units per second, one value per grid timestamp; null where neither was published. */
  sparkline: Array<number | null>;
  trouble: Trouble;
};

/** Utilization at or above this share of capacity is a warning even without throttling. */
export const WARNING_UTILIZATION = 0.8;

function sumOrNull(...series: ReadonlyArray<ReadonlyArray<number | null>>): number | null {
  let total: number | null = null;
  for (const values of series) for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

/**
 * Capacity per period, carried forward (and back before the first datapoint): DynamoDB publishes provisioned
 * capacity about every 5 minutes, so most one-minute periods have no datapoint of their own.
 */
function filled(values: ReadonlyArray<number | null>): Array<number | null> {
  const first = values.find((value) => value !== null) ?? null;
  let last = first;
  return values.map((value) => (last = value ?? last));
}

function peakUtilization(consumedSums: ReadonlyArray<number | null>, provisioned: ReadonlyArray<number | null>, onDemandMax: ReadonlyArray<number | null>, periodSeconds: number): number | null {
  const provisionedFilled = filled(provisioned);
  const maxFilled = filled(onDemandMax);
  let peak: number | null = null;
  consumedSums.forEach((sum, index) => {
    const capacity = provisionedFilled[index] ?? maxFilled[index] ?? null;
    if (sum === null || capacity === null || capacity <= 0) return;
    const utilization = sum / periodSeconds / capacity;
    peak = peak === null ? utilization : Math.max(peak, utilization);
  });
  return peak;
}

const CAUSE_QUERIES: Record<ThrottleCause, readonly [OverviewQueryKey, OverviewQueryKey]> = {
  keyRange: ["readKeyRange", "writeKeyRange"],
  provisioned: ["readProvisioned", "writeProvisioned"],
  accountLimit: ["readAccountLimit", "writeAccountLimit"],
  maxOnDemand: ["readMaxOnDemand", "writeMaxOnDemand"],
};

function throttleTotals(series: OverviewSeries): ThrottleTotals {
  const cause = (name: ThrottleCause) => sumOrNull(...CAUSE_QUERIES[name].map(series));
  const byCause = { keyRange: cause("keyRange"), provisioned: cause("provisioned"), accountLimit: cause("accountLimit"), maxOnDemand: cause("maxOnDemand") };
  // The generic Read/WriteThrottleEvents count every throttle event, including ones published before the
  // cause-specific metrics existed; fall back to the causes only if the generic ones are absent.
  const generic = sumOrNull(series("readThrottleEvents"), series("writeThrottleEvents"));
  return { ...byCause, total: generic ?? sumOrNull(Object.values(byCause)) };
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function trouble(peakRead: number | null, peakWrite: number | null, throttles: ThrottleTotals, hasTraffic: boolean): Trouble {
  const total = throttles.total ?? 0;
  if (total > 0) {
    const [worst] = THROTTLE_CAUSES.filter(({ cause }) => (throttles[cause] ?? 0) > 0).sort((a, b) => (throttles[b.cause] ?? 0) - (throttles[a.cause] ?? 0));
    const why = worst ? `, mostly ${worst.label}` : "";
    return { severity: "critical", score: 3_000 + Math.min(999, total), reason: `${formatCount(total)} throttle events in the last hour${why}.` };
  }
  const peaks = [
    { kind: "Reads", value: peakRead },
    { kind: "Writes", value: peakWrite },
  ].filter((peak): peak is { kind: string; value: number } => peak.value !== null);
  const [highest] = peaks.sort((a, b) => b.value - a.value);
  const within = highest ? Math.min(999, Math.round(highest.value * 100)) : 0;
  if (highest && highest.value >= WARNING_UTILIZATION) {
    return { severity: "warning", score: 2_000 + within, reason: `${highest.kind} peaked at ${percent(highest.value)} of capacity; no throttling.` };
  }
  if (hasTraffic) {
    const reason = highest ? `Peak utilization ${percent(highest.value)}; no throttling.` : "Traffic without a capacity limit; no throttling.";
    return { severity: "ok", score: 1_000 + within, reason };
  }
  return { severity: "idle", score: 0, reason: "No consumed capacity reported in this window." };
}

export function summarizeOverview(series: OverviewSeries, periodSeconds: number): TableOverviewMetrics {
  const consumedRead = series("consumedRead");
  const consumedWrite = series("consumedWrite");
  const peakReadUtilization = peakUtilization(consumedRead, series("provisionedRead"), series("onDemandMaxRead"), periodSeconds);
  const peakWriteUtilization = peakUtilization(consumedWrite, series("provisionedWrite"), series("onDemandMaxWrite"), periodSeconds);
  const throttles = throttleTotals(series);
  const sparkline = consumedRead.map((read, index) => {
    const write = consumedWrite[index] ?? null;
    return read === null && write === null ? null : ((read ?? 0) + (write ?? 0)) / periodSeconds;
  });
  const hasTraffic = sparkline.some((value) => value !== null);
  return { peakReadUtilization, peakWriteUtilization, throttles, sparkline, trouble: trouble(peakReadUtilization, peakWriteUtilization, throttles, hasTraffic) };
}

/** Table names, most trouble first; ties by name so the order is stable between refreshes. */
export function troubleOrder(tables: Record<string, TableOverviewMetrics>): string[] {
  return Object.entries(tables)
    .sort(([nameA, a], [nameB, b]) => b.trouble.score - a.trouble.score || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([name]) => name);
}
