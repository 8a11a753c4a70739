import { describe, expect, it } from "vitest";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { StreamSampleAggregator, wireKeyId, type WriteBatch } from "./stream-sample-aggregator";
import type { StreamEventName, StreamRecordView } from "./stream-types";
import { HEAT_COLUMNS, HEAT_TRACKED_KEYS, heatPeriodSeconds, spreadOver } from "./write-series";

const T = Date.UTC(2025, 2, 3, 14, 0);
let seq = 0;

/** A record of `pk`/`sk` whose new image is `bytes` bytes (pk "pk", sk "sk", padding "d"). */
function record(pk: string, sk = "a", options: { bytes?: number; eventName?: StreamEventName; keysOnly?: boolean } = {}): StreamRecordView {
  const keys: WireItem = { pk: { S: pk }, sk: { S: sk } };
  const fixed = 2 + pk.length + 2 + sk.length + 1;
  const image: WireItem = { ...keys, d: { S: "x".repeat(Math.max(0, (options.bytes ?? 100) - fixed)) } };
  const eventName = options.eventName ?? "INSERT";
  seq++;
  return {
    id: `e${seq}`,
    shardId: "s1",
    sequenceNumber: String(seq),
    eventName,
    createdAt: null,
    readAt: 0,
    keys,
    newImage: options.keysOnly || eventName === "REMOVE" ? null : image,
    oldImage: options.keysOnly || eventName === "INSERT" ? null : image,
    sizeBytes: 100,
    ttlDelete: false,
  };
}

const batch = (previousReadAt: number | null, readAt: number, records: StreamRecordView[], shardId = "s1"): WriteBatch => ({ shardId, records, readAt, previousReadAt });
const repeat = (n: number, make: (i: number) => StreamRecordView) => Array.from({ length: n }, (_, i) => make(i));
const aggregator = (overrides: Partial<ConstructorParameters<typeof StreamSampleAggregator>[0]> = {}) =>
  new StreamSampleAggregator({ partitionKey: "pk", sortKey: "sk", startedAt: T, plannedDurationSeconds: 60, ...overrides });

describe("StreamSampleAggregator: exact counting", () => {
  it("counts writes, write units, events and shares per partition key, and per partition + sort key", () => {
    const sample = aggregator();
    sample.add(batch(null, T + 1_000, [record("hot", "1", { bytes: 1_500 }), record("hot", "1", { bytes: 1_500, eventName: "MODIFY" }), record("cold", "9", { bytes: 200 })]));
    sample.add(batch(T + 1_000, T + 2_000, [record("hot", "2", { bytes: 300 }), record("cold", "9", { bytes: 200, eventName: "REMOVE" })]));
    const summary = sample.summary();
    expect(summary.records).toBe(5);
    expect(summary.events).toEqual({ INSERT: 3, MODIFY: 1, REMOVE: 1 });
    expect(summary.writeUnits).toBe(2 + 2 + 1 + 1 + 1);
    expect(summary.method).toBe("images");
    expect(summary.window).toEqual({ start: T, end: T + 2_000 });
    expect(summary.topPartitions.map((row) => [row.key, row.writes, row.units, row.maxOverestimate])).toEqual([
      [{ S: "hot" }, 3, 5, 0],
      [{ S: "cold" }, 2, 2, 0],
    ]);
    expect(summary.topItems?.map((row) => [row.key, row.sortKey, row.writes, row.units])).toEqual([
      [{ S: "hot" }, { S: "1" }, 2, 4],
      [{ S: "cold" }, { S: "9" }, 2, 2],
      [{ S: "hot" }, { S: "2" }, 1, 1],
    ]);
    expect(summary.distinctPartitions).toEqual({ value: 2, approximate: false });
    expect(summary.counting).toEqual({ mode: "exact", counters: 2 });
  });

  it("has no per-item rows for a table without a sort key", () => {
    const sample = aggregator({ sortKey: null });
    sample.add(batch(null, T + 1_000, [record("a")]));
    expect(sample.summary().topItems).toBeNull();
  });

  it("says keys-only when no record had an image, mixed when some had", () => {
    const keysOnly = aggregator();
    keysOnly.add(batch(null, T + 1_000, [record("a", "1", { keysOnly: true, bytes: 5_000 })]));
    expect(keysOnly.summary()).toMatchObject({ method: "keys-only", writeUnits: 1 });
    keysOnly.add(batch(T + 1_000, T + 2_000, [record("a", "1", { bytes: 5_000 })]));
    expect(keysOnly.summary()).toMatchObject({ method: "mixed", writeUnits: 6 });
  });
});

describe("StreamSampleAggregator: peaks from when records were read", () => {
  it("gives each key its most write units in a shard's reads spanning a second or more, over that span", () => {
    const sample = aggregator();
    // 10 units in (T, T+2s]: 5/s.
    sample.add(batch(null, T + 2_000, repeat(10, () => record("k"))));
    expect(sample.summary().topPartitions[0]?.peakUnitsPerSecond).toBe(5);
    // Four reads 250 ms apart, 3 units each: gathered into one second, 12/s (not 3 in a quarter of a second).
    for (let i = 0; i < 4; i++) sample.add(batch(T + 2_000 + i * 250, T + 2_250 + i * 250, repeat(3, () => record("k"))));
    expect(sample.summary().topPartitions[0]?.peakUnitsPerSecond).toBe(12);
    // Another shard's reads are gathered on their own.
    sample.add(batch(null, T + 1_000, repeat(2, () => record("j")), "s2"));
    expect(sample.summary().topPartitions.find((row) => "S" in row.key && row.key.S === "j")).toMatchObject({ peakUnitsPerSecond: 2, writes: 2 });
  });

  it("counts the last, shorter reads of a shard when summarising, over at least a second", () => {
    const sample = aggregator();
    sample.add(batch(null, T + 300, repeat(4, () => record("k"))));
    expect(sample.summary().topPartitions[0]).toMatchObject({ writes: 4, peakUnitsPerSecond: 4 });
  });

  it("spreads each batch evenly over its interval for the table's busiest second", () => {
    const sample = aggregator();
    // 20 writes over two seconds (10 a second), then 30 in the third second, then 12 over half of the fourth.
    sample.add(batch(null, T + 2_000, repeat(20, (i) => record(`k${i}`))));
    sample.add(batch(T + 2_000, T + 3_000, repeat(30, (i) => record(`k${i}`))));
    sample.add(batch(T + 3_000, T + 3_500, repeat(12, (i) => record(`k${i}`))));
    expect(sample.summary().peakWritesPerSecond).toBe(30);
    // Two shards in the same second add up.
    sample.add(batch(T + 3_000, T + 4_000, repeat(25, (i) => record(`j${i}`))));
    expect(sample.summary().peakWritesPerSecond).toBe(37);
  });

  it("spreadOver splits an amount across buckets by overlap", () => {
    const buckets = new Map<number, number>();
    spreadOver(buckets, 0, 1_000, 500, 2_500, 40);
    expect([...buckets].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 10],
      [1, 20],
      [2, 10],
    ]);
  });
});

describe("StreamSampleAggregator: bounded memory", () => {
  it("summarises past the exact cap, keeps the hot key on top, and estimates distinct keys", () => {
    const sample = aggregator({ exactKeyCap: 100, summaryCounters: 50, plannedDurationSeconds: 10 });
    let readAt = T;
    for (let round = 0; round < 20; round++) {
      const records = [...repeat(100, (i) => record(`cold-${round}-${i}`)), ...repeat(40, () => record("hot"))];
      sample.add(batch(readAt, readAt + 500, records));
      readAt += 500;
    }
    const summary = sample.summary();
    expect(summary.counting).toEqual({ mode: "summary", counters: 50 });
    expect(summary.topPartitions[0]).toMatchObject({ key: { S: "hot" } });
    const hot = summary.topPartitions[0];
    // Space-Saving: the count bounds the truth (800) from above within its stated error.
    expect(hot?.writes).toBeGreaterThanOrEqual(800);
    expect((hot?.writes ?? 0) - (hot?.maxOverestimate ?? 0)).toBeLessThanOrEqual(800);
    expect(summary.distinctPartitions.approximate).toBe(true);
    expect(Math.abs(summary.distinctPartitions.value - 2_001) / 2_001).toBeLessThan(0.05);
    const footprint = sample.footprint();
    expect(footprint.partitionKeys).toBeLessThanOrEqual(50);
    expect(footprint.itemKeys).toBeLessThanOrEqual(100);
    expect(footprint.heatKeys).toBeLessThanOrEqual(2 * HEAT_TRACKED_KEYS);
  });
});

describe("StreamSampleAggregator: heat", () => {
  it("has one row for each top key in at most 120 columns of max(1, ceil(duration / 120)) s", () => {
    expect(heatPeriodSeconds(60)).toBe(1);
    expect(heatPeriodSeconds(600)).toBe(5);
    const sample = aggregator({ plannedDurationSeconds: 300 });
    let readAt = T;
    for (let second = 0; second < 300; second++) {
      sample.add(batch(readAt, readAt + 1_000, [record("hot"), record("hot"), record(`c${second % 20}`)]));
      readAt += 1_000;
    }
    const { heat } = sample.summary();
    expect(heat.periodSeconds).toBe(3);
    expect(heat.keys.length).toBe(15);
    expect(heat.keys[0]?.key).toEqual({ S: "hot" });
    expect(heat.keys[0]?.datapoints).toHaveLength(100);
    // 2 writes of 1 unit a second, averaged per period.
    expect(heat.keys[0]?.datapoints.every((point) => point.v === 2)).toBe(true);
    expect(heat.keys[0]?.total).toBe(600);
  });

  it("doubles its period when a sample runs past 120 columns", () => {
    const sample = aggregator({ plannedDurationSeconds: 10 });
    sample.add(batch(null, T + 250_000, [record("a")]));
    const { heat } = sample.summary();
    expect(heat.periodSeconds).toBe(4);
    expect(heat.keys[0]?.datapoints.length).toBeLessThanOrEqual(HEAT_COLUMNS);
    expect(heat.keys[0]?.datapoints.reduce((sum, point) => sum + point.v * heat.periodSeconds, 0)).toBeCloseTo(1, 10);
  });
});

describe("StreamSampleAggregator: reader lag", () => {
  const at = (createdAt: number) => ({ ...record("k"), createdAt });

  it("is the last batch's read time less its newest record's creation time, with the rounding the times show", () => {
    const sample = aggregator();
    expect(sample.summary().lag).toBeNull();
    // Whole-minute creation times (DynamoDB Local): up to a minute of the lag may be rounding.
    sample.add(batch(null, T + 65_000, [at(T), at(T + 60_000)]));
    expect(sample.summary().lag).toEqual({ lagMs: 5_000, precisionMs: 60_000 });
    // One time off the minute shows the stream keeps seconds (AWS); the newest batch sets the lag.
    sample.add(batch(T + 65_000, T + 90_000, [at(T + 61_000), at(T + 62_000)]));
    expect(sample.summary().lag).toEqual({ lagMs: 28_000, precisionMs: 1_000 });
    // An empty batch says nothing about lag.
    sample.add(batch(T + 90_000, T + 91_000, []));
    expect(sample.summary().lag).toEqual({ lagMs: 28_000, precisionMs: 1_000 });
  });
});

describe("wireKeyId", () => {
  it("ids S, N and B like the key sampler, and nothing else", () => {
    expect(wireKeyId({ S: "x" })).toBe("Sx");
    expect(wireKeyId({ N: "12" })).toBe("N12");
    expect(wireKeyId({ B: "AQI=" })).toBe("BAQI=");
    expect(wireKeyId({ BOOL: true })).toBeNull();
    expect(wireKeyId(undefined)).toBeNull();
  });
});
