import { describe, expect, it } from "vitest";
import { statisticValue } from "./metric-statistic";
import { MetricStore, RETENTION_MS, type MetricSample } from "./metric-store";

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 0, 10, 12); // hour-aligned
const metric = { namespace: "Test", metricName: "Latency", dimensions: [{ name: "TableName", value: "t" }] };

function sample(overrides: Partial<MetricSample>): MetricSample {
  return { ...metric, timestampMs: BASE, value: 1, ...overrides };
}

function sums(store: MetricStore, periodSeconds: number, extra: { unit?: string; startMs?: number; endMs?: number } = {}) {
  return store
    .periodAggregates(metric, { startMs: extra.startMs ?? BASE, endMs: extra.endMs ?? BASE + 2 * HOUR, periodSeconds, unit: extra.unit })
    .map(({ timestampMs, aggregate }) => [timestampMs - BASE, statisticValue(aggregate, { kind: "Sum" })]);
}

describe("MetricStore", () => {
  it("aggregates into epoch-aligned periods, leaving periods without data out", () => {
    const store = new MetricStore();
    store.put(sample({ timestampMs: BASE + 5_000, value: 10 }));
    store.put(sample({ timestampMs: BASE + 59_999, value: 20 }));
    store.put(sample({ timestampMs: BASE + 60_000, value: undefined, values: [{ value: 1, count: 3 }, { value: 5, count: 1 }] }));
    store.put(sample({ timestampMs: BASE + 420_000, value: undefined, statistics: { sampleCount: 2, sum: 9, minimum: 4, maximum: 5 } }));
    expect(sums(store, 60)).toEqual([
      [0, 30],
      [60_000, 8],
      [420_000, 9],
    ]);
    expect(sums(store, 300)).toEqual([
      [0, 38],
      [300_000, 9],
    ]);
    expect(sums(store, 3600)).toEqual([[0, 47]]);
  });

  it("treats dimension order as irrelevant and the dimension set as exact", () => {
    const store = new MetricStore();
    const dimensions = [
      { name: "TableName", value: "t" },
      { name: "Operation", value: "Query" },
    ];
    store.put({ ...sample({}), dimensions });
    store.put({ ...sample({}), dimensions: [...dimensions].reverse() });
    const identity = { ...metric, dimensions };
    expect(store.periodAggregates(identity, { startMs: BASE, endMs: BASE + HOUR, periodSeconds: 60 })[0]?.aggregate.sampleCount).toBe(2);
    expect(store.periodAggregates(metric, { startMs: BASE, endMs: BASE + HOUR, periodSeconds: 60 })).toEqual([]);
  });

  it("filters by unit only when asked", () => {
    const store = new MetricStore();
    store.put(sample({ value: 1, unit: "Milliseconds" }));
    store.put(sample({ value: 2 }));
    expect(sums(store, 60)).toEqual([[0, 3]]);
    expect(sums(store, 60, { unit: "Milliseconds" })).toEqual([[0, 1]]);
    expect(sums(store, 60, { unit: "None" })).toEqual([[0, 2]]);
    expect(sums(store, 60, { unit: "Count" })).toEqual([]);
  });

  it("keeps high-resolution data in one-second buckets", () => {
    const store = new MetricStore();
    for (const [second, value] of [[1, 1], [2, 2], [11, 3]] as const) {
      store.put(sample({ timestampMs: BASE + second * 1000, value, storageResolution: 1 }));
    }
    expect(sums(store, 1)).toEqual([
      [1_000, 1],
      [2_000, 2],
      [11_000, 3],
    ]);
    expect(sums(store, 10)).toEqual([
      [0, 3],
      [10_000, 3],
    ]);
    expect(sums(store, 60)).toEqual([[0, 6]]);
  });

  it("rolls one-second data up into minutes after 3 hours and drops minutes after 15 days", () => {
    const store = new MetricStore();
    store.put(sample({ timestampMs: BASE + 1_000, value: 1, storageResolution: 1 }));
    store.put(sample({ timestampMs: BASE + 2_000, value: 2, storageResolution: 1 }));
    store.put(sample({ timestampMs: BASE + 30_000, value: 4 }));
    store.prune(BASE + RETENTION_MS.highResolution + 10_000);
    expect(sums(store, 1)).toEqual([[0, 7]]);
    store.prune(BASE + RETENTION_MS.standard + 60_000);
    expect(sums(store, 60)).toEqual([]);
    expect(store.listMetrics()).toEqual([]);
  });

  it("lists metrics by namespace, name and dimension filters", () => {
    const store = new MetricStore();
    store.put(sample({}));
    store.put({ ...sample({}), dimensions: [{ name: "TableName", value: "u" }] });
    store.put({ ...sample({}), metricName: "Other", dimensions: [] });
    store.put({ ...sample({}), namespace: "Elsewhere" });
    expect(store.listMetrics({ namespace: "Test" })).toHaveLength(3);
    expect(store.listMetrics({ dimensions: [{ name: "TableName" }] })).toHaveLength(3);
    expect(store.listMetrics({ dimensions: [{ name: "TableName", value: "u" }] })).toEqual([{ ...metric, dimensions: [{ name: "TableName", value: "u" }] }]);
    expect(store.listMetrics({ metricName: "Other" })).toEqual([{ namespace: "Test", metricName: "Other", dimensions: [] }]);
    expect(store.listMetrics({ activeSinceMs: BASE + 1 })).toEqual([]);
  });

  it("refuses samples an in-process caller got wrong", () => {
    const store = new MetricStore();
    expect(() => store.put(sample({ value: Number.NaN }))).toThrow(/finite/);
    expect(() => store.put(sample({ values: [{ value: 1, count: 1 }] }))).toThrow(/exactly one/);
    expect(() => store.put({ ...sample({}), dimensions: [metric.dimensions[0] ?? { name: "a", value: "b" }, { name: "TableName", value: "x" }] })).toThrow(
      /repeats/,
    );
    expect(() => store.put(sample({ value: undefined, statistics: { sampleCount: 1, sum: 1, minimum: 2, maximum: 1 } }))).toThrow(/inconsistent/);
  });

  it("survives an export and import unchanged", () => {
    const store = new MetricStore();
    store.put(sample({ value: 3, unit: "Count" }));
    store.put(sample({ timestampMs: BASE + 1_000, value: 4, storageResolution: 1 }));
    store.put(sample({ value: undefined, statistics: { sampleCount: 2, sum: 3, minimum: 1, maximum: 2 } }));
    const copy = new MetricStore();
    copy.importState(JSON.parse(JSON.stringify(store.exportState())));
    expect(copy.exportState()).toEqual(store.exportState());
    expect(sums(copy, 60)).toEqual(sums(store, 60));
  });
});
