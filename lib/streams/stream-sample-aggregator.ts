import type { WireValue } from "@/lib/dynamo/wire-value";
import { DEFAULT_HLL_PRECISION, hash64, HyperLogLog } from "@/lib/jobs/hyperloglog";
import { keyValueOf } from "@/lib/jobs/partition-key-id";
import type { KeyValue } from "@/lib/jobs/job-types";
import type { StreamEventName, StreamHeatSeries, StreamRecordView } from "./stream-types";
import { DEFAULT_STREAM_EXACT_KEYS, DEFAULT_STREAM_SUMMARY_COUNTERS, StreamKeyTally, type KeyTallyRow } from "./stream-key-tally";
import { HEAT_KEYS, HeatColumns, heatPeriodSeconds, PerSecondSeries } from "./write-series";
import { recordWriteUnits, writeUnitMethod, type WriteUnitMethod } from "./write-units";

/**
 * Write traffic per key from stream records, in bounded memory. Client-safe, pure: the poller that feeds it lives in
 * lib/server/streams. Feed it each GetRecords batch as it arrives; `summary()` any time.
 */

export const TOP_STREAM_KEYS = 20;

/** One GetRecords answer, as lib/server/streams/shard-poller.ts hands it over (its ShardBatch). */
export type WriteBatch = { shardId: string; records: StreamRecordView[]; readAt: number; previousReadAt: number | null };

/** A shard's reads are gathered until they span a second before keys' peaks are taken: the limit is per second. */
const PEAK_SPAN_MS = 1_000;

type KeyedWrite = { partition: string; item: string | null; units: number };
type Pending = { start: number; end: number; writes: KeyedWrite[] };

export type StreamSampleAggregatorOptions = {
  partitionKey: string;
  sortKey: string | null;
  /** When reading began (epoch ms): a shard's first batch holds the writes since then. */
  startedAt: number;
  /** The planned duration, which sets the heat map's period (max(1, ceil(duration / 120)) s). */
  plannedDurationSeconds: number;
  exactKeyCap?: number;
  summaryCounters?: number;
  hllPrecision?: number;
};

export type KeyWriteRow = Omit<KeyTallyRow, "id"> & { key: KeyValue; sortKey?: KeyValue };

export type StreamWriteSummary = {
  window: { start: number; end: number };
  records: number;
  events: Record<StreamEventName, number>;
  writeUnits: number;
  peakWritesPerSecond: number;
  peakWriteUnitsPerSecond: number;
  method: WriteUnitMethod;
  /** Deletes by Time to Live among the REMOVE events (0 write units: TTL deletes are free). */
  ttlDeletes: number;
  /** Records without the partition key attribute (not expected; counted, not attributed to a key). */
  unkeyed: number;
  topPartitions: KeyWriteRow[];
  topItems: KeyWriteRow[] | null;
  distinctPartitions: { value: number; approximate: boolean };
  counting: { mode: "exact" | "summary"; counters: number };
  heat: StreamHeatSeries;
  /** How far behind the stream the last read was (see readerLag); null until a record with a creation time was read. */
  lag: ReaderLag | null;
};

/**
 * How far reading trailed writing: the read time of a batch's newest record less its creation time, for the most
 * recent batch. The creation time is rounded down (to the second on AWS, to the minute on DynamoDB Local), so
 * `precisionMs` says how much of the lag that rounding alone can explain.
 */
export type ReaderLag = { lagMs: number; precisionMs: number };

/** A creation time that is not on a whole minute shows the stream keeps seconds. */
const precisionOf = (createdAt: number) => (createdAt % 60_000 === 0 ? 60_000 : 1_000);

/** A key attribute's value as a counting id (type letter, then the value), matching lib/jobs/partition-key-id.ts. */
export function wireKeyId(value: WireValue | undefined): string | null {
  if (!value) return null;
  if ("S" in value) return `S${value.S}`;
  if ("N" in value) return `N${value.N}`;
  if ("B" in value) return `B${value.B}`;
  return null;
}

/** Partition + sort key ids as one id; JSON so no separator can be confused with a key's own characters. */
const itemId = (partition: string, sort: string) => JSON.stringify([partition, sort]);
const itemParts = (id: string): [string, string] => {
  const parsed: unknown = JSON.parse(id);
  return Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string" ? [parsed[0], parsed[1]] : [id, ""];
};

type Tally = Map<string, { writes: number; units: number }>;
const tallyInto = (batch: Tally, id: string, units: number) => {
  const entry = batch.get(id);
  if (entry) {
    entry.writes++;
    entry.units += units;
  } else batch.set(id, { writes: 1, units });
};

export class StreamSampleAggregator {
  private readonly partitions: StreamKeyTally;
  private readonly items: StreamKeyTally | null;
  private readonly distinct: HyperLogLog;
  private readonly series = new PerSecondSeries();
  private readonly heat: HeatColumns;
  private readonly events: Record<StreamEventName, number> = { INSERT: 0, MODIFY: 0, REMOVE: 0 };
  private records = 0;
  private units = 0;
  private sized = 0;
  private unsized = 0;
  private ttlDeletes = 0;
  private unkeyed = 0;
  private lastReadAt: number | null = null;
  private lag: ReaderLag | null = null;
  private precisionMs = 60_000;
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly options: StreamSampleAggregatorOptions) {
    const cap = options.exactKeyCap ?? DEFAULT_STREAM_EXACT_KEYS;
    const counters = options.summaryCounters ?? DEFAULT_STREAM_SUMMARY_COUNTERS;
    this.partitions = new StreamKeyTally(cap, counters);
    this.items = options.sortKey === null ? null : new StreamKeyTally(cap, counters);
    this.distinct = new HyperLogLog(options.hllPrecision ?? DEFAULT_HLL_PRECISION);
    this.heat = new HeatColumns(options.startedAt, heatPeriodSeconds(options.plannedDurationSeconds));
  }

  get recordCount(): number {
    return this.records;
  }

  /** Keys held in memory: what bounds the aggregator (plus the HyperLogLog's fixed registers and one entry per second). */
  footprint(): { partitionKeys: number; itemKeys: number; heatKeys: number } {
    return { partitionKeys: this.partitions.size, itemKeys: this.items?.size ?? 0, heatKeys: this.heat.trackedKeys };
  }

  add(batch: WriteBatch): void {
    // A shard's first batch holds what was written since reading began; later ones, since that shard's previous call.
    const start = Math.min(batch.previousReadAt ?? this.options.startedAt, batch.readAt - 1);
    const end = batch.readAt;
    this.lastReadAt = Math.max(this.lastReadAt ?? end, end);
    const writes: KeyedWrite[] = [];
    let units = 0;
    for (const record of batch.records) {
      this.records++;
      this.events[record.eventName]++;
      const cost = recordWriteUnits(record);
      if (record.ttlDelete) this.ttlDeletes++;
      else if (cost.sized) this.sized++;
      else this.unsized++;
      units += cost.units;
      const partition = wireKeyId(record.keys[this.options.partitionKey]);
      if (partition === null) {
        this.unkeyed++;
        continue;
      }
      const sort = this.options.sortKey === null ? null : wireKeyId(record.keys[this.options.sortKey]);
      writes.push({ partition, item: sort === null ? null : itemId(partition, sort), units: cost.units });
    }
    this.units += units;
    this.series.add(start, end, batch.records.length, units);
    this.noteLag(batch);
    const pending = this.pending.get(batch.shardId);
    const gathered: Pending = pending ? { start: pending.start, end, writes: pending.writes.concat(writes) } : { start, end, writes };
    if (gathered.end - gathered.start >= PEAK_SPAN_MS) {
      this.pending.delete(batch.shardId);
      this.count(gathered);
    } else this.pending.set(batch.shardId, gathered);
  }

  /**
   * Per key: its write units in a shard's reads spanning at least a second, divided by that span (≥ 1 s), so a poll
   * interval under a second does not shrink a key's peak and one over a second spreads it evenly.
   */
  private count({ start, end, writes }: Pending): void {
    if (writes.length === 0) return;
    const seconds = Math.max(1, (end - start) / 1_000);
    const partitions: Tally = new Map();
    const items: Tally = new Map();
    for (const write of writes) {
      tallyInto(partitions, write.partition, write.units);
      if (write.item !== null) tallyInto(items, write.item, write.units);
    }
    for (const [id, tally] of partitions) {
      this.partitions.add(id, tally.writes, tally.units, tally.units / seconds);
      const [high, low] = hash64(id);
      this.distinct.addHash(high, low);
      this.heat.add(id, start, end, tally.units);
    }
    for (const [id, tally] of items) this.items?.add(id, tally.writes, tally.units, tally.units / seconds);
    this.heat.prune(this.partitions.writesOf());
  }

  private noteLag(batch: WriteBatch): void {
    const created = batch.records.map((record) => record.createdAt).filter((at): at is number => at !== null);
    if (created.length === 0) return;
    // One creation time off the minute is enough to know this stream keeps seconds.
    for (const at of created) this.precisionMs = Math.min(this.precisionMs, precisionOf(at));
    this.lag = { lagMs: Math.max(0, batch.readAt - Math.max(...created)), precisionMs: this.precisionMs };
  }

  /** Counts what each shard's last reads gathered (less than a second's worth); summary() calls it. */
  private flush(): void {
    for (const gathered of this.pending.values()) this.count(gathered);
    this.pending.clear();
  }

  summary(): StreamWriteSummary {
    this.flush();
    const start = this.options.startedAt;
    const window = { start, end: Math.max(start, this.lastReadAt ?? start) };
    const partitionRows = this.partitions.top(TOP_STREAM_KEYS);
    const exactDistinct = this.partitions.distinct;
    return {
      window,
      records: this.records,
      events: { ...this.events },
      writeUnits: this.units,
      peakWritesPerSecond: this.series.peakWrites,
      peakWriteUnitsPerSecond: this.series.peakUnits,
      method: writeUnitMethod(this.sized, this.unsized),
      ttlDeletes: this.ttlDeletes,
      unkeyed: this.unkeyed,
      topPartitions: partitionRows.map(({ id, ...row }) => ({ ...row, key: keyValueOf(id) })),
      topItems: this.items
        ? this.items.top(TOP_STREAM_KEYS).map(({ id, ...row }) => {
            const [partition, sort] = itemParts(id);
            return { ...row, key: keyValueOf(partition), sortKey: keyValueOf(sort) };
          })
        : null,
      distinctPartitions:
        exactDistinct === null ? { value: Math.max(Math.round(this.distinct.estimate()), this.partitions.exactKeyCap + 1), approximate: true } : { value: exactDistinct, approximate: false },
      counting: { mode: this.partitions.mode, counters: this.partitions.mode === "exact" ? this.partitions.size : this.partitions.summaryCounters },
      heat: this.heat.series(
        partitionRows.slice(0, HEAT_KEYS).map((row) => ({ id: row.id, total: row.units })),
        keyValueOf,
        window,
      ),
      lag: this.lag,
    };
  }
}
