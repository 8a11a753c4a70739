import { formatCount } from "@/lib/format/format-count";
import type { StreamKeyWrites, StreamReadStats, StreamSampleResult, StreamStartingPosition, StreamViewType } from "./stream-types";
import type { KeyWriteRow, StreamWriteSummary } from "./stream-sample-aggregator";
import { writeUnitNote } from "./write-units";

export type StreamSampleContext = {
  stream: { arn: string; viewType: StreamViewType };
  startingPosition: StreamStartingPosition;
  partitionKey: string;
  sortKey: string | null;
  /** One partition's write limit: 1,000 WCU/s on AWS, times PARTITION_CAP_SCALE for a scaled local stack. */
  partitionWriteUnitsPerSecond: number;
  reads: StreamReadStats;
  warnings: string[];
};

export const PEAK_METHOD =
  "Per second from when records were read: each GetRecords answer holds a shard's writes since its previous call, so its writes are spread evenly over that interval (records carry their creation time only to the second on AWS, to the minute on DynamoDB Local). A key's peak is its most write units in a shard's answers spanning at least a second, divided by that span; bursts shorter than that are averaged out.";

/** Lag beyond the creation time's rounding that still counts as keeping up: a poll interval or two, and some slack. */
export const BEHIND_SLACK_MS = 15_000;

/** The sampled window's length in seconds, at least one (a rate over nothing is not a rate). */
export const windowSeconds = (window: { start: number; end: number }): number => Math.max(1, (window.end - window.start) / 1_000);

function keyWrites(row: KeyWriteRow, records: number, seconds: number, limit: number): StreamKeyWrites {
  return {
    key: row.key,
    ...(row.sortKey === undefined ? {} : { sortKey: row.sortKey }),
    writes: row.writes,
    writeUnits: row.units,
    writesPerSecond: row.writes / seconds,
    writeUnitsPerSecond: row.units / seconds,
    peakWriteUnitsPerSecond: row.peakUnitsPerSecond,
    share: records > 0 ? Math.min(1, row.writes / records) : 0,
    maxOverestimate: row.maxOverestimate,
    ofPartitionLimit: limit > 0 ? row.peakUnitsPerSecond / limit : 0,
  };
}

/** The stream sample's result: the aggregator's counts plus what they are based on, in plain words. Client-safe, pure. */
export function streamSampleResult(summary: StreamWriteSummary, context: StreamSampleContext): StreamSampleResult {
  const seconds = windowSeconds(summary.window);
  const limit = context.partitionWriteUnitsPerSecond;
  const warnings = [...context.warnings];
  if (context.startingPosition === "TRIM_HORIZON") {
    warnings.push("Read from TRIM_HORIZON: the writes still in the stream (up to 24 hours) were counted as they were read, so rates and peaks near the start include that backlog. Shares of writes are unaffected.");
  }
  if (summary.counting.mode === "summary") {
    warnings.push(`More than ${formatCount(summary.distinctPartitions.value)} partition keys wrote: the top keys come from a summary of ${formatCount(summary.counting.counters)} counters, so writes may overstate a key by its maxOverestimate and its write units and peak are lower bounds.`);
  }
  const lag = summary.lag;
  if (lag && lag.lagMs > lag.precisionMs + BEHIND_SLACK_MS) {
    warnings.push(
      `The sampler fell behind the stream: its last read was about ${formatCount(Math.round(lag.lagMs / 1_000))} s behind the writes (the stream's times are rounded to ${lag.precisionMs >= 60_000 ? "the minute" : "the second"}). ` +
        `A shard took more writes than one read a poll interval returns (1,000 records or 1 MB), so writes per second and peaks are what was read, lower bounds; shares of writes are unaffected. ` +
        `A shorter STREAM_POLL_INTERVAL_MS reads faster, but takes more of the ~5 reads a second a shard allows all its readers.`,
    );
  }
  if (context.reads.throttledCalls > 0) {
    warnings.push(`${formatCount(context.reads.throttledCalls)} GetRecords calls were throttled (other readers share about 5 calls a second per shard); the sampler backed off, and records were still read in order.`);
  }
  const notes = [
    "Write traffic as the stream recorded it: every successful write that changed an item, by key. A write that changes nothing (a put of an identical item) still costs write units but leaves no stream record, so it is not counted. Reads never appear in a stream, and writes to global secondary indexes are not separate records. Writes DynamoDB throttled never reach the stream either, so a key held at its limit shows here at about the limit, however much more the application tried to write.",
    `Based on ${formatCount(summary.records)} records over ${formatCount(seconds)} s (${formatCount(context.reads.shardsRead)} ${context.reads.shardsRead === 1 ? "shard" : "shards"}), polled at most every ${formatCount(context.reads.pollIntervalMs)} ms per shard.`,
  ];
  if (summary.ttlDeletes > 0) notes.push(`${formatCount(summary.ttlDeletes)} deletes were made by Time to Live: they count as writes here but cost no write units.`);
  return {
    traffic: "writes",
    stream: context.stream,
    startingPosition: context.startingPosition,
    window: summary.window,
    records: summary.records,
    events: summary.events,
    writeUnits: summary.writeUnits,
    writesPerSecond: summary.records / seconds,
    writeUnitsPerSecond: summary.writeUnits / seconds,
    peakWritesPerSecond: summary.peakWritesPerSecond,
    writeUnitEstimate: { method: summary.method, note: writeUnitNote(summary.method) },
    peakMethod: PEAK_METHOD,
    readerLag: lag ? { seconds: lag.lagMs / 1_000, roundingSeconds: lag.precisionMs / 1_000 } : null,
    partitionKey: context.partitionKey,
    sortKey: context.sortKey,
    topPartitions: summary.topPartitions.map((row) => keyWrites(row, summary.records, seconds, limit)),
    topItems: summary.topItems ? summary.topItems.map((row) => keyWrites(row, summary.records, seconds, limit)) : null,
    distinctPartitions: summary.distinctPartitions,
    counting: summary.counting,
    heat: summary.heat,
    partitionWriteUnitsPerSecond: limit,
    reads: context.reads,
    warnings,
    notes,
  };
}
