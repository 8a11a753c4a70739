import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";
import type { CacheStatus } from "@/lib/metrics/metrics-response";

/** Response shapes of the item routes (see README "HTTP API"). Client-safe. */

export type PartitionSummary = { key: WireValue; items: number; bytes: number };

/**
 * How a partitions page read the key space: a parallel Scan split into `total` segments (contiguous hash ranges), of
 * which this page read `read`, up to `perSegment` items each. 1 segment is a plain Scan.
 */
export type PartitionSegments = {
  total: number;
  read: number;
  perSegment: number;
  /** Segments read to their end, this page included. */
  done: number;
  /** Segments the cursor continues. */
  open: number;
  /** Segments this page stopped continuing because their positions did not fit in the cursor (very long keys). */
  dropped: number;
  /** "fits": the whole table is within the budget; "size-unknown": no usable size from DescribeTable, one segment; "spread": chosen by cost; "continue": a later page. */
  plan: "fits" | "size-unknown" | "spread" | "continue";
};

export type PartitionsPage = {
  /** In storage (hash) order. The items and bytes are those this page read ("seen so far"), not the partition's size. */
  partitions: PartitionSummary[];
  segments: PartitionSegments;
  scannedItems: number;
  nextCursor: string | null;
  /** RCU as DynamoDB reported it for the Scan behind this answer; a cached or coalesced answer cost nothing more. */
  consumedCapacity: number;
  requests: number;
  /** Epoch ms when the Scan ran (a cache hit keeps the original time). */
  fetchedAt: number;
  /** How the server's short-lived partitions cache answered. */
  cache: CacheStatus;
};

export type ItemsPage = {
  items: WireItem[];
  count: number;
  scannedCount: number;
  nextCursor: string | null;
  consumedCapacity: number;
  requests: number;
  /** A filtered read examined its budget of items before it filled the page. */
  stoppedAtBudget: boolean;
};

export type CountResult = { count: number; scannedCount: number; consumedCapacity: number; requests: number; complete: boolean };

export type ItemResponse = { item: WireItem; consumedCapacity: number };
