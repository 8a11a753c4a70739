import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";

/** Response shapes of the item routes (see README "HTTP API"). Client-safe. */

export type PartitionSummary = { key: WireValue; items: number; bytes: number };

export type PartitionsPage = {
  partitions: PartitionSummary[];
  scannedItems: number;
  nextCursor: string | null;
  /** RCU as DynamoDB reported it. */
  consumedCapacity: number;
  requests: number;
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
