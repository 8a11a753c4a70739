import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";

/** Shapes of background jobs as the jobs API sends them. Client-safe: no server imports. */

export type JobKind = "size-audit" | "key-sample";
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

/** Response bodies of the jobs API. */
export type StartJobResponse = { id: string };
export type JobResponse<P = unknown, R = unknown> = { job: JobSnapshot<P, R> };
export type LatestJobResponse<P = unknown, R = unknown> = { job: JobSnapshot<P, R> | null };
