import type { RedactedValue, WireItem, WireValue } from "@/lib/dynamo/wire-value";
import type { KeyConfirmation, KeyEstimate } from "./key-confirmation-types";

export type { KeyConfirmation, KeyEstimate } from "./key-confirmation-types";

/** Shapes of background jobs as the jobs API sends them. Client-safe: no server imports. */

export type JobKind = "size-audit" | "key-sample" | "stream-sample" | "entities";
export type JobStatus = "running" | "succeeded" | "failed" | "cancelled";

/**
 * Why a job stopped reading. "end": the whole table was read; "sample-size": the sample is complete; "budget": the
 * RCU budget ran out; "throttled": DynamoDB throttled a request and the job stopped at once (see `throttle`).
 */
export type StopReason = "end" | "sample-size" | "budget" | "throttled" | "cancelled" | "failed";

export type ThrottleInfo = {
  /** e.g. TableReadProvisionedThroughputExceeded; null when the exception carried no ThrottlingReasons. */
  reason: string | null;
  /** The table or index ARN that ran out. */
  resource: string | null;
  message: string;
};

export type JobProgress = {
  itemsRead: number;
  /** RCU as DynamoDB reported it (eventually consistent reads). */
  rcuUsed: number;
  rcuBudget: number;
  elapsedMs: number;
  etaMs: number | null;
  /**
   * 0..1: the larger of items read vs their target (the sample size, or the table's approximate ItemCount for a full
   * scan) and RCU used vs the budget, since the job stops at whichever comes first. null when neither is known.
   */
  fraction: number | null;
  pagesRead: number;
  segmentsDone: number;
  segments: number;
};

export type JobError = { code: string; message: string };

export type JobSnapshot<P, R> = {
  id: string;
  kind: JobKind;
  /** The account and region the job read. */
  account: string;
  region: string;
  table: string;
  status: JobStatus;
  params: P;
  progress: JobProgress;
  /** Set when the job ends; on cancel, budget or throttle it covers what was read (partial). */
  result: R | null;
  error: JobError | null;
  createdAt: string;
  finishedAt: string | null;
  stopReason: StopReason | null;
  throttle: ThrottleInfo | null;
  /** Present when the result's key values were replaced by digests for this caller, so they must not be linked. */
  keysDigested?: true;
};

export type SizeAuditParams = {
  kind: "size-audit";
  mode: "sample" | "full";
  /** Sample mode only: items to read, spread across the segments. */
  sampleSize?: number;
  rcuBudget: number;
  rcuPerSecond: number;
  segments: number;
  /** Items at or above this size are listed; default 358,400 (350 KB). */
  thresholdBytes: number;
};

export type SizeBucket = {
  label: string;
  minBytes: number;
  /** Exclusive; null for the open-ended last bucket. */
  maxBytes: number | null;
  count: number;
};

export type BiggestAttribute = { name: string; bytes: number; share: number };

export type AuditedItem = {
  /** The item's table key (partition and sort key attributes only). */
  key: WireItem;
  bytes: number;
  biggestAttribute: BiggestAttribute | null;
};

export type DominantAttributeItem = {
  key: WireItem;
  /** The whole item's size. */
  bytes: number;
  attribute: string;
  /** What the attribute adds to the item: name + value bytes. */
  attributeBytes: number;
  /** attributeBytes / bytes, 0..1. */
  share: number;
};

export type ItemCollectionSize = {
  partitionKey: WireValue;
  /** Items plus their LSI copies, as counted against the 10 GB item-collection limit. */
  bytes: number;
  items: number;
  /** bytes / 10 GB. */
  fractionOfLimit: number;
  /** True when the audit may not have read the whole collection (sample mode, or a read that stopped early). */
  partial: boolean;
};

export type SizeFinding = { severity: "high" | "medium" | "info"; text: string };

export type SizeAuditResult = {
  mode: "sample" | "full";
  itemsRead: number;
  rcuUsed: number;
  pagesRead: number;
  /** The most RCU one page cost: the most the budget can have been overshot by. */
  maxPageRcu: number;
  /** True only when a full scan read the whole table. */
  complete: boolean;
  histogram: SizeBucket[];
  stats: {
    count: number;
    totalBytes: number;
    meanBytes: number | null;
    maxBytes: number | null;
    p50Bytes: number | null;
    p90Bytes: number | null;
    p99Bytes: number | null;
    /** The percentiles come from a log-bucketed sketch. */
    percentilesApproximate: true;
    /** Their relative error bound (0.01 = within 1% of the exact value). */
    percentileRelativeError: number;
  };
  /** The largest items, largest first (at most 20). */
  largest: AuditedItem[];
  overThreshold: { thresholdBytes: number; count: number; items: AuditedItem[]; truncated: boolean };
  dominantAttributes: {
    minShare: number;
    /** Smaller items are not checked: in a tiny item the key alone is most of the bytes. */
    minItemBytes: number;
    count: number;
    items: DominantAttributeItem[];
    truncated: boolean;
    /** How many flagged items each attribute name dominated, most first (at most 10 names). */
    byAttribute: Array<{ name: string; count: number }>;
  };
  /** DescribeTable's figures, which DynamoDB refreshes about every six hours. */
  tableEstimate: { itemCount: number | null; tableSizeBytes: number | null; meanBytes: number | null; approximate: true };
  /** Tables with LSIs only: the largest item collections against the 10 GB limit. */
  itemCollections: { limitBytes: number; indexes: string[]; largest: ItemCollectionSize[]; partial: boolean } | null;
  findings: SizeFinding[];
};

export type SizeAuditJob = JobSnapshot<SizeAuditParams, SizeAuditResult>;

/** A key sample request as the jobs API takes it (POST body); see keySampleRequestSchema for the limits. */
export type KeySampleRequest = {
  kind: "key-sample";
  mode: "sample" | "full";
  /** Sample mode only: items to read, spread across the segments. */
  sampleSize?: number;
  rcuBudget: number;
  /** Defaults to a small share of the read capacity, or a fixed rate on on-demand tables (see key-sample-rate.ts). */
  rcuPerSecond?: number;
  segments: number;
  /** A global secondary index whose partition key to count by; the table's own key when left out. */
  index?: string;
  /** The table throttled in the last hour; start anyway. */
  acknowledgeRecentThrottling?: boolean;
};

/** The parameters a key sample ran with. */
export type KeySampleParams = {
  kind: "key-sample";
  mode: "sample" | "full";
  sampleSize?: number;
  rcuBudget: number;
  /** As requested, or the default (the result's rateLimit says which). */
  rcuPerSecond: number;
  segments: number;
  index: string | null;
  acknowledgeRecentThrottling: boolean;
};

/** One partition key in a key sample's top list. */
export type KeySkewEntry = {
  /** The partition key value, DynamoDB JSON. */
  key: KeyValue;
  items: number;
  bytes: number;
  /** This key's share of the items counted (topByItems) or of the bytes counted (topByBytes), 0..1. */
  share: number;
  /**
   * 0 while counting is exact. Once the sample summarises (counting.mode "summary"), the most the ranked figure (items
   * in topByItems, bytes in topByBytes) may overstate this key; the other figure then counts only from when the key
   * was first tracked, so it is a lower bound.
   */
  maxOverestimate: number;
  /** Sample mode only: what the key holds in the whole table or index, as far as the sample and the COUNT queries tell. */
  estimate?: KeyEstimate;
};

/** Partition key values are S, N or B; a viewer gets a digest marker instead (see RedactedValue). */
export type KeyValue = { S: string } | { N: string } | { B: string } | RedactedValue;

export type KeyConcentration = {
  /** The share of the total held by the largest key, 0..1; null when nothing was counted. */
  top1Share: number | null;
  /** The share held by the 10 largest keys together. */
  top10Share: number | null;
  /** Gini coefficient over keys: 0 = spread evenly, towards 1 = held by one key. */
  gini: number | null;
};

/**
 * How the keys read relate to all keys.
 * - "full-scan": every item was read (see `complete` for whether the read finished).
 * - "whole-keys": a sample of the table's own keys. A Scan returns each key's items together, in hash order, so a
 *   sample holds some keys whole and misses the rest: a large key is found only if the part read happens to hold it.
 * - "spread": an index's keys counted from a sample of the base table, whose storage order does not follow the index
 *   key, so about the same fraction of every index key's items is read and the largest keys stand out.
 */
export type KeySampling = "full-scan" | "whole-keys" | "spread";

export type KeySampleResult = {
  /** What this measures: how items and bytes are spread over partition keys as stored. Not traffic: which keys are read and written comes from Contributor Insights and the throttle metrics. */
  skew: "storage";
  mode: "sample" | "full";
  /** The GSI whose partition key was counted; null for the table's. */
  index: string | null;
  /** The attribute counted by. */
  partitionKey: string;
  sampling: KeySampling;
  /** Items the Scan returned. */
  itemsRead: number;
  /** Items counted (those holding the partition key: an index is sparse): the sample size. */
  sampleSize: number;
  /** Their bytes, by DynamoDB's item-size rules (for an index, the entry it stores). */
  bytesCounted: number;
  rcuUsed: number;
  rcuBudget: number;
  pagesRead: number;
  /** The most RCU one page cost: the most the budget can have been overshot by. */
  maxPageRcu: number;
  rateLimit: { rcuPerSecond: number; source: "request" | "provisioned-share" | "on-demand-default" };
  /** True only when a full scan read everything. */
  complete: boolean;
  /** Exact per-key counts until `exactKeyCap` distinct keys, then a Space-Saving summary of `summaryCounters` keys. */
  counting: { mode: "exact" | "summary"; exactKeyCap: number; summaryCounters: number };
  /** Exact while counting is exact, then a HyperLogLog estimate with the given relative standard error. */
  distinctKeys: { value: number; approximate: boolean; relativeError: number | null };
  /** The 20 keys with the most items / bytes, largest first. */
  topByItems: KeySkewEntry[];
  topByBytes: KeySkewEntry[];
  /** Over the keys counted; approximate once counting summarises (shares are then upper bounds). */
  concentration: { items: KeyConcentration; bytes: KeyConcentration; approximate: boolean };
  /** Items read against DescribeTable's ItemCount (of the table, or of the index when it was read): approximate, as ItemCount is refreshed about every six hours. */
  coverage: { itemsScanned: number; itemCount: number | null; fraction: number | null; of: "table" | "index"; approximate: true };
  /** Sample mode: the COUNT queries that confirmed the top candidates; null for a full scan (its counts are exact). */
  confirmation?: KeyConfirmation | null;
  /** Things to know about the result, e.g. CloudWatch could not be checked for recent throttling. */
  warnings: string[];
  /** Plain-language statements of what the result is based on. */
  notes: string[];
};

export type KeySampleJob = JobSnapshot<KeySampleParams, KeySampleResult>;

/** Response bodies of the jobs API. */
export type StartJobResponse = { id: string };
export type JobResponse<P = unknown, R = unknown> = { job: JobSnapshot<P, R> };
export type LatestJobResponse<P = unknown, R = unknown> = { job: JobSnapshot<P, R> | null };
