/** The JSON shapes of the metrics API. Client-safe. */
import type { BaselineOffset } from "./baseline-window";
import type { MetricStat, MetricUnit, SeriesScope } from "./metric-series";
import type { TableOverviewMetrics } from "./overview-summary";
import type { MetricRange } from "./time-range";

/** How the server's metrics cache answered: from a fresh entry, by a new CloudWatch round, or by joining one in flight. */
export type CacheStatus = "hit" | "miss" | "coalesced";

export type MetricSeries = {
  id: string;
  /** The CloudWatch metric name the values come from. */
  metric: string;
  stat: MetricStat;
  unit: MetricUnit;
  /** Seconds per datapoint; counts ("events", "requests", "items", "errors") are per this period. */
  period: number;
  scope: SeriesScope;
  label: string;
  /** One value per response timestamp; null where CloudWatch had no datapoint (never 0 for a gap). */
  values: Array<number | null>;
};

export type MetricsResponse = {
  table: string;
  range: MetricRange | "custom";
  /** Epoch ms, aligned to the period. */
  start: number;
  /** Epoch ms, aligned to the period, exclusive. */
  end: number;
  /** Seconds. */
  period: number;
  /** Epoch ms, ascending, one per period from start; shared by every series. */
  timestamps: number[];
  /** The timestamp of the period still filling (its counts are incomplete), or null when the window ends in the past. */
  partialFrom: number | null;
  series: MetricSeries[];
  /** Epoch ms when CloudWatch was read (a cache hit keeps the original time). */
  fetchedAt: number;
  cache: CacheStatus;
  /** The same window one day or one week earlier, when `compare=1d|1w` asked for it; null (or absent) otherwise. */
  baseline?: MetricsBaseline | null;
};

/**
 * The same series over the window shifted back by `offsetMs`, laid on the LIVE window's `timestamps` (values[i] is
 * the value at timestamps[i] - offsetMs), so a chart draws both on one x axis. Series ids match the live ones.
 */
export type MetricsBaseline = {
  offset: BaselineOffset;
  offsetMs: number;
  /** Epoch ms: the live start and end minus offsetMs. */
  start: number;
  end: number;
  series: MetricSeries[];
  /** When that past was read from CloudWatch (a past window changes no more: it is cached longer than a live one). */
  fetchedAt: number;
  cache: CacheStatus;
  /** Why CloudWatch cannot answer the past window at this period (its series are then without data); absent when it can. */
  unavailable?: string;
};

export type OverviewMetricsResponse = {
  start: number;
  end: number;
  period: number;
  timestamps: number[];
  tables: Record<string, TableOverviewMetrics>;
  /** Table names, tables in trouble first (by trouble.score, then name). */
  order: string[];
  fetchedAt: number;
  cache: CacheStatus;
};
