import type { WireItem } from "@/lib/dynamo/wire-value";
import type { KeyValue } from "@/lib/jobs/job-types";

/**
 * Shapes of the DynamoDB Streams features as the API sends them: the live tail and the stream-sample job. Client-safe.
 * DynamoDB Streams keeps each write's keys (and images, by view type) for 24 hours; reading them costs GetRecords
 * calls only, about 5 a second per shard shared with the table's own consumers (Lambda, KCL).
 */

export type StreamEventName = "INSERT" | "MODIFY" | "REMOVE";
export const STREAM_EVENT_NAMES: readonly StreamEventName[] = ["INSERT", "MODIFY", "REMOVE"];

export type StreamViewType = "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES";

/** Where a reader starts in each open shard: LATEST reads only what is written from now on, TRIM_HORIZON the last 24 hours too. */
export type StreamStartingPosition = "LATEST" | "TRIM_HORIZON";

/** One stream record as the tail shows it. Values are lossless (DynamoDB JSON with numbers as strings, binary as base64). */
export type StreamRecordView = {
  /** The record's eventID: unique, for React keys. */
  id: string;
  shardId: string;
  sequenceNumber: string;
  eventName: StreamEventName;
  /** ApproximateCreationDateTime, epoch ms: rounded down to the second on AWS (to the minute on DynamoDB Local). */
  createdAt: number | null;
  /** When Dynamo Lens read the record, epoch ms. */
  readAt: number;
  /** The item's table key. */
  keys: WireItem;
  /** Present when the view type carries it (NEW_IMAGE / NEW_AND_OLD_IMAGES) and the event has one (not REMOVE). */
  newImage: WireItem | null;
  /** Present when the view type carries it (OLD_IMAGE / NEW_AND_OLD_IMAGES) and the event has one (not INSERT). */
  oldImage: WireItem | null;
  /** SizeBytes: the stream record's size, not the item's. */
  sizeBytes: number;
  /** True for a delete made by Time to Live (userIdentity principal dynamodb.amazonaws.com), not by the application. */
  ttlDelete: boolean;
};

/** The table's stream as DescribeTable and DescribeStream tell it. */
export type StreamInfo = {
  arn: string;
  label: string;
  viewType: StreamViewType;
  /** ENABLING, ENABLED, DISABLING or DISABLED (a disabled stream stays readable for 24 hours). */
  status: string;
  shards: { open: number; closed: number };
};

/** What reading costs the stream, shown next to the data: every reader shares about 5 GetRecords a second per shard. */
export type StreamReadStats = {
  getRecordsCalls: number;
  /** Calls answered LimitExceededException / ThrottlingException: the reader backed off after each. */
  throttledCalls: number;
  /** Over the read's duration and the shards read, for comparison with the ~5 a second per shard AWS allows all readers together. */
  callsPerShardPerSecond: number | null;
  /** Shards currently read; shards finished (closed and read to their end, their children then followed). */
  shardsReading: number;
  shardsFinished: number;
  /** Every shard read at least once, so a finished read still says how many it covered. */
  shardsRead: number;
  /** The configured least time between two GetRecords calls on one shard, before any back-off. */
  pollIntervalMs: number;
};

export type TailState = {
  /** "running": reading; "stopped": not reading (see stoppedReason); records stay readable. */
  status: "running" | "stopped";
  /** "idle": nobody asked for records for a while; "cap": the tail ran for its maximum duration; "error": see error. */
  stoppedReason: "idle" | "cap" | "error" | null;
  startedAt: number;
  /** When the tail stops at the latest, epoch ms (STREAM_TAIL_MAX_SECONDS after it started). */
  stopsAt: number;
  error: string | null;
  stats: StreamReadStats;
};

/**
 * GET /api/tables/:table/stream/records?limit=&after=&eventName=&keyPrefix=&resume=1
 * - records: newest first, at most `limit`, filtered;
 * - cursor: pass as `after` to get only records newer than these;
 * - reset: the cursor given belonged to an earlier tail (the server restarted it), so these are not "newer than" it.
 * stream null: the table has no stream (records empty, tail null).
 */
export type StreamRecordsResponse = {
  stream: StreamInfo | null;
  records: StreamRecordView[];
  cursor: string | null;
  reset: boolean;
  tail: TailState | null;
  /** Records the tail holds in memory (the newest are kept), before filters. */
  buffered: number;
  /** Present when values were redacted for this caller. */
  redacted?: true;
};

// --- Stream sample (job kind "stream-sample") -------------------------------------------------------------------

/** POST /api/tables/:table/jobs body. */
export type StreamSampleRequest = {
  kind: "stream-sample";
  durationSeconds: number;
  /** Stop early after this many records. */
  maxRecords?: number;
  /** Default LATEST: traffic from now on. TRIM_HORIZON also counts what the stream still holds (up to 24 hours). */
  startingPosition?: StreamStartingPosition;
};

export type StreamSampleParams = {
  kind: "stream-sample";
  durationSeconds: number;
  maxRecords: number | null;
  startingPosition: StreamStartingPosition;
  pollIntervalMs: number;
};

export type StreamKeyWrites = {
  /** The partition key value (S, N or B), or a digest for viewers. */
  key: KeyValue;
  /** The sort key value for per-item rows; absent on partition rows and tables without a sort key. */
  sortKey?: KeyValue;
  writes: number;
  /** Estimated write units (see StreamSampleResult.writeUnits). */
  writeUnits: number;
  writesPerSecond: number;
  writeUnitsPerSecond: number;
  /** The busiest second's write units (see StreamSampleResult.peakMethod). */
  peakWriteUnitsPerSecond: number;
  /** Share of all sampled writes, 0..1. */
  share: number;
  /** Space-Saving's bound on how much `writes` may overstate the key (0 while counting is exact). */
  maxOverestimate: number;
  /** peakWriteUnitsPerSecond ÷ one partition's write limit (1,000 WCU/s on AWS). */
  ofPartitionLimit: number;
};

/** Per-key write units over the sample, for the key heat map (same shape as a Contributor Insights contributor's datapoints). */
export type StreamHeatSeries = { start: number; end: number; periodSeconds: number; keys: Array<{ key: KeyValue; total: number; datapoints: Array<{ t: number; v: number }> }> };

export type StreamSampleResult = {
  /** What this measures: writes per key as the stream recorded them. Reads never appear in a stream. */
  traffic: "writes";
  stream: { arn: string; viewType: StreamViewType };
  startingPosition: StreamStartingPosition;
  /** The sampled window, epoch ms: from the first read to the last. */
  window: { start: number; end: number };
  records: number;
  events: Record<StreamEventName, number>;
  /** All records' estimated write units. */
  writeUnits: number;
  writesPerSecond: number;
  writeUnitsPerSecond: number;
  peakWritesPerSecond: number;
  /**
   * How write units were estimated: "images" from item sizes (1 WCU per KB, rounded up; the larger of old and new image
   * for a MODIFY); "keys-only" when the view type has no image to size (each write then counts as 1 WCU, a lower
   * bound). Always an estimate: transactions cost double and GSI writes are extra.
   */
  writeUnitEstimate: { method: "images" | "keys-only" | "mixed"; note: string };
  /** Peaks per second come from when records were read (each shard about once a poll interval), spread over that interval. */
  peakMethod: string;
  partitionKey: string;
  sortKey: string | null;
  topPartitions: StreamKeyWrites[];
  /** Per partition + sort key; null when the table has no sort key. */
  topItems: StreamKeyWrites[] | null;
  distinctPartitions: { value: number; approximate: boolean };
  counting: { mode: "exact" | "summary"; counters: number };
  heat: StreamHeatSeries;
  /** One partition's write limit used for ofPartitionLimit (configurable for a scaled local stack). */
  partitionWriteUnitsPerSecond: number;
  reads: StreamReadStats;
  /**
   * How far behind the stream the sample's last read was, in seconds (read time less the newest record's creation
   * time), and how much of that the creation time's rounding can explain (1 s on AWS, 60 s on DynamoDB Local). Far
   * behind means the shard took more writes than one GetRecords a poll interval returns (1,000 records or 1 MB).
   */
  readerLag: { seconds: number; roundingSeconds: number } | null;
  warnings: string[];
  notes: string[];
};
