import {
  addStatisticSet,
  addValue,
  aggregateFrom,
  compactHistogram,
  emptyAggregate,
  mergeInto,
  type Aggregate,
} from "./metric-aggregate";
import type { MetricStoreState } from "./local-data-schemas";

export type Dimension = { name: string; value: string };

export type MetricSample = {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  timestampMs: number;
  /** CloudWatch stores "None" when no unit is given. */
  unit?: string;
  /** Default 60. 1 stores the sample in a one-second bucket (a high-resolution metric). */
  storageResolution?: 1 | 60;
  // Exactly one of:
  value?: number;
  values?: { value: number; count: number }[];
  statistics?: { sampleCount: number; sum: number; minimum: number; maximum: number };
};

/** A metric as ListMetrics reports it: CloudWatch identifies a metric by these three, dimension order aside. */
export type MetricIdentity = { namespace: string; metricName: string; dimensions: Dimension[] };

export type MetricFilter = {
  namespace?: string;
  metricName?: string;
  /** A metric matches when it has every named dimension (with the value, when one is given); extra dimensions are fine. */
  dimensions?: { name: string; value?: string }[];
  /** Only metrics with a datapoint at or after this time (ListMetrics' RecentlyActive). */
  activeSinceMs?: number;
};

export type PeriodQuery = {
  /** Inclusive; stored buckets starting before it are left out. */
  startMs: number;
  /** Exclusive. */
  endMs: number;
  periodSeconds: number;
  /** Only data stored with this unit; undefined means every unit, as in GetMetricData. */
  unit?: string;
};

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * CloudWatch keeps sub-minute datapoints for 3 hours and then only as one-minute data, and keeps
 * one-minute data for 15 days. (It keeps 5-minute and 1-hour rollups longer; this local store does not.)
 */
export const RETENTION_MS = { highResolution: 3 * HOUR_MS, standard: 15 * DAY_MS } as const;

type BucketSet = { resolution: 1 | 60; unit: string; buckets: Map<number, Aggregate> };
type Series = { identity: MetricIdentity; latestTimestampMs: number; sets: Map<string, BucketSet> };

function sortedDimensions(dimensions: Dimension[]): Dimension[] {
  return [...dimensions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A metric's identity as one string; metrics sort by it, so it also serves as a paging cursor. */
export function seriesKey(identity: MetricIdentity): string {
  const dimensions = sortedDimensions(identity.dimensions).map((dimension) => [dimension.name, dimension.value]);
  return JSON.stringify([identity.namespace, identity.metricName, dimensions]);
}

function sampleAggregate(sample: MetricSample): Aggregate {
  const forms = [sample.value !== undefined, sample.values !== undefined, sample.statistics !== undefined].filter(Boolean);
  if (forms.length !== 1) throw new Error("A metric sample needs exactly one of value, values or statistics");
  const numbers = [
    sample.value,
    ...(sample.values ?? []).flatMap((entry) => [entry.value, entry.count]),
    ...Object.values(sample.statistics ?? {}),
  ].filter((entry): entry is number => entry !== undefined);
  if (!numbers.every(Number.isFinite)) throw new Error(`Metric ${sample.metricName} has a value that is not a finite number`);
  const aggregate = emptyAggregate();
  if (sample.value !== undefined) addValue(aggregate, sample.value, 1);
  for (const entry of sample.values ?? []) {
    if (entry.count < 0) throw new Error(`Metric ${sample.metricName} has a negative count`);
    addValue(aggregate, entry.value, entry.count);
  }
  if (sample.statistics) {
    const { sampleCount, minimum, maximum } = sample.statistics;
    if (sampleCount <= 0 || minimum > maximum) throw new Error(`Metric ${sample.metricName} has an inconsistent statistic set`);
    addStatisticSet(aggregate, sample.statistics);
  }
  return aggregate;
}

/** In-memory metric storage in CloudWatch's shape: per metric, per unit, buckets at the storage resolution. */
export class MetricStore {
  private readonly series = new Map<string, Series>();

  put(sample: MetricSample): void {
    if (!sample.namespace || !sample.metricName) throw new Error("A metric sample needs a namespace and a metric name");
    if (!Number.isFinite(sample.timestampMs)) throw new Error(`Metric ${sample.metricName} has an invalid timestamp`);
    const names = new Set(sample.dimensions.map((dimension) => dimension.name));
    if (names.size !== sample.dimensions.length) throw new Error(`Metric ${sample.metricName} repeats a dimension name`);
    const resolution = sample.storageResolution ?? 60;
    if (resolution !== 1 && resolution !== 60) throw new Error(`Storage resolution must be 1 or 60, not ${String(resolution)}`);
    const contribution = sampleAggregate(sample);
    if (contribution.sampleCount <= 0) return;

    const identity = { namespace: sample.namespace, metricName: sample.metricName, dimensions: sortedDimensions(sample.dimensions) };
    const key = seriesKey(identity);
    let series = this.series.get(key);
    if (!series) {
      series = { identity, latestTimestampMs: sample.timestampMs, sets: new Map() };
      this.series.set(key, series);
    }
    series.latestTimestampMs = Math.max(series.latestTimestampMs, sample.timestampMs);
    const set = this.bucketSet(series, resolution, sample.unit ?? "None");
    const start = Math.floor(sample.timestampMs / (resolution * 1000)) * resolution * 1000;
    const bucket = set.buckets.get(start);
    if (bucket) {
      mergeInto(bucket, contribution);
      compactHistogram(bucket);
    } else {
      compactHistogram(contribution);
      set.buckets.set(start, contribution);
    }
  }

  /** Matching metrics, sorted by namespace, name and dimensions so that paging is stable. */
  listMetrics(filter: MetricFilter = {}): MetricIdentity[] {
    const matches: { key: string; identity: MetricIdentity }[] = [];
    for (const [key, series] of this.series) {
      const { identity } = series;
      if (filter.namespace !== undefined && identity.namespace !== filter.namespace) continue;
      if (filter.metricName !== undefined && identity.metricName !== filter.metricName) continue;
      if (filter.activeSinceMs !== undefined && series.latestTimestampMs < filter.activeSinceMs) continue;
      const hasAll = (filter.dimensions ?? []).every((wanted) =>
        identity.dimensions.some((dimension) => dimension.name === wanted.name && (wanted.value === undefined || dimension.value === wanted.value)),
      );
      if (hasAll) matches.push({ key, identity });
    }
    return matches.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((match) => structuredClone(match.identity));
  }

  /**
   * The metric's data merged into epoch-aligned periods, oldest first; periods without data are absent.
   * A stored bucket belongs wholly to the period containing its start, so merging is exact whenever
   * the period is a multiple of the storage resolution (and a shorter period simply keeps the bucket).
   */
  periodAggregates(identity: MetricIdentity, query: PeriodQuery): { timestampMs: number; aggregate: Aggregate }[] {
    const series = this.series.get(seriesKey(identity));
    if (!series) return [];
    const periodMs = query.periodSeconds * 1000;
    const periods = new Map<number, Aggregate>();
    for (const set of series.sets.values()) {
      if (query.unit !== undefined && set.unit !== query.unit) continue;
      for (const [start, bucket] of set.buckets) {
        if (start < query.startMs || start >= query.endMs) continue;
        const periodStart = Math.floor(start / periodMs) * periodMs;
        let period = periods.get(periodStart);
        if (!period) {
          period = emptyAggregate();
          periods.set(periodStart, period);
        }
        mergeInto(period, bucket);
      }
    }
    return [...periods.entries()].sort((a, b) => a[0] - b[0]).map(([timestampMs, aggregate]) => ({ timestampMs, aggregate }));
  }

  /** Applies CloudWatch's retention: one-second buckets roll up into minutes after 3 h; minutes go after 15 days. */
  prune(nowMs: number = Date.now()): void {
    for (const [key, series] of this.series) {
      for (const set of [...series.sets.values()]) {
        if (set.resolution !== 1) continue;
        const minutes = this.bucketSet(series, 60, set.unit);
        for (const [start, bucket] of set.buckets) {
          if (start >= nowMs - RETENTION_MS.highResolution) continue;
          const minute = Math.floor(start / MINUTE_MS) * MINUTE_MS;
          const target = minutes.buckets.get(minute);
          if (target) {
            mergeInto(target, bucket);
            compactHistogram(target);
          } else {
            minutes.buckets.set(minute, bucket);
          }
          set.buckets.delete(start);
        }
      }
      for (const [setKey, set] of series.sets) {
        if (set.resolution === 60) {
          for (const start of set.buckets.keys()) if (start < nowMs - RETENTION_MS.standard) set.buckets.delete(start);
        }
        if (set.buckets.size === 0) series.sets.delete(setKey);
      }
      if (series.sets.size === 0) this.series.delete(key);
    }
  }

  exportState(): MetricStoreState {
    return {
      series: [...this.series.values()].map((series) => ({
        ...structuredClone(series.identity),
        latestTimestampMs: series.latestTimestampMs,
        sets: [...series.sets.values()].map((set) => ({
          resolution: set.resolution,
          unit: set.unit,
          buckets: [...set.buckets.entries()].map(([t, bucket]) => ({
            t,
            n: bucket.sampleCount,
            s: bucket.sum,
            min: bucket.minimum,
            max: bucket.maximum,
            h: [...bucket.histogram.entries()],
            p: bucket.percentilesAvailable,
          })),
        })),
      })),
    };
  }

  /** Replaces the store's contents with a snapshot's. */
  importState(state: MetricStoreState): void {
    this.series.clear();
    for (const entry of state.series) {
      const identity = { namespace: entry.namespace, metricName: entry.metricName, dimensions: sortedDimensions(entry.dimensions) };
      const series: Series = { identity, latestTimestampMs: entry.latestTimestampMs, sets: new Map() };
      for (const set of entry.sets) {
        const target = this.bucketSet(series, set.resolution, set.unit);
        for (const bucket of set.buckets) {
          target.buckets.set(bucket.t, aggregateFrom({ sampleCount: bucket.n, sum: bucket.s, minimum: bucket.min, maximum: bucket.max, histogram: bucket.h, percentilesAvailable: bucket.p }));
        }
      }
      this.series.set(seriesKey(identity), series);
    }
  }

  private bucketSet(series: Series, resolution: 1 | 60, unit: string): BucketSet {
    const key = `${resolution}|${unit}`;
    let set = series.sets.get(key);
    if (!set) {
      set = { resolution, unit, buckets: new Map() };
      series.sets.set(key, set);
    }
    return set;
  }
}
