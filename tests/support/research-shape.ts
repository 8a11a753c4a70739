import type { AttributeValue, CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { itemSize } from "@/lib/dynamo/item-size";

/**
 * The research data shape behind issue #21: 100,000 items over 2,000 customer keys, Zipf-skewed (s = 1: key r holds
 * round(100,000 / (H(2000) · (r + 1))) items, so CUST#00000 holds about 12,200 and the smallest keys 6), items of
 * about 560 bytes. The item size matters: the research's one-segment Scan of 1,000 items cost 67.5 RCU, which is
 * 1,000 items of about 550 bytes, and the cost rule of the spread Scan depends on it.
 */
export const RESEARCH_KEYS = 2_000;
export const RESEARCH_ITEMS = 100_000;

export type PartitionTruth = Map<string, { items: number; bytes: number }>;

export function researchTable(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [
      { AttributeName: "PK", AttributeType: "S" },
      { AttributeName: "SK", AttributeType: "S" },
    ],
    KeySchema: [
      { AttributeName: "PK", KeyType: "HASH" },
      { AttributeName: "SK", KeyType: "RANGE" },
    ],
  };
}

/** Items of `counts[r]` per key CUST#r, each about 560 bytes (480–579 bytes of padding), with the true per-key totals. */
export function itemsFor(counts: readonly number[]): { items: Record<string, AttributeValue>[]; truth: PartitionTruth } {
  const items: Record<string, AttributeValue>[] = [];
  const truth: PartitionTruth = new Map();
  counts.forEach((count, rank) => {
    const pk = `CUST#${String(rank).padStart(5, "0")}`;
    const tally = { items: 0, bytes: 0 };
    for (let n = 0; n < count; n++) {
      const item = { PK: { S: pk }, SK: { S: `ORDER#${String(n).padStart(6, "0")}` }, pad: { S: "x".repeat(480 + ((rank * 7 + n * 13) % 100)) } };
      items.push(item);
      tally.items++;
      tally.bytes += itemSize(item);
    }
    truth.set(pk, tally);
  });
  return { items, truth };
}

/** Per-key counts of the Zipf research shape. */
export function zipfCounts(keys = RESEARCH_KEYS, total = RESEARCH_ITEMS): number[] {
  let harmonic = 0;
  for (let rank = 1; rank <= keys; rank++) harmonic += 1 / rank;
  return Array.from({ length: keys }, (_, rank) => Math.max(1, Math.round(total / (harmonic * (rank + 1)))));
}
