import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";
import type { CacheStatus } from "@/lib/metrics/metrics-response";

/** Response shapes of the item routes (see README "HTTP API"). Client-safe. */

export type PartitionSummary = { key: WireValue; items: number; bytes: number };

export type PartitionsPage = {
  partitions: PartitionSummary[];
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
