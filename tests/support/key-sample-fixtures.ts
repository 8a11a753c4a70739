import { BatchWriteItemCommand, type AttributeValue, type BatchWriteItemCommandOutput, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { expect, vi } from "vitest";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { itemSize } from "@/lib/dynamo/item-size";
import type { JobResponse, KeySampleJob, KeySampleResult, KeySkewEntry } from "@/lib/jobs/job-types";
import { seededRandom, zipfDraws } from "@/lib/jobs/test-streams";
import { getJob, postJob } from "./audit-fixtures";

export type KeyTally = { items: number; bytes: number };
/** The true per-key totals of a seeded table, to check a sample against. */
export type ZipfTruth = { total: number; byTenant: Map<string, KeyTally>; byRegion: Map<string, KeyTally> };

export const ZIPF_KEYS = 2_000;

/**
 * A known Zipf table: tenant `t-<rank>` holds max(1, round(2,400 / (rank + 1))) items (about 19,600 in all), with a
 * per-tenant item size, so the byte ranking differs from the item ranking. Each item also gets a region drawn from a
 * Zipf distribution over 2,000 regions, independent of its tenant (the GSI key).
 */
export function zipfItems(): { items: Record<string, AttributeValue>[]; truth: ZipfTruth } {
  const drawRegion = zipfDraws(ZIPF_KEYS, 1.1, seededRandom(11));
  const items: Record<string, AttributeValue>[] = [];
  const truth: ZipfTruth = { total: 0, byTenant: new Map(), byRegion: new Map() };
  const tally = (map: Map<string, KeyTally>, key: string, bytes: number) => {
    const entry = map.get(key) ?? { items: 0, bytes: 0 };
    entry.items++;
    entry.bytes += bytes;
    map.set(key, entry);
  };
  for (let rank = 0; rank < ZIPF_KEYS; rank++) {
    const tenant = `t-${rank}`;
    const count = Math.max(1, Math.round(2_400 / (rank + 1)));
    for (let n = 0; n < count; n++) {
      const region = `r-${drawRegion()}`;
      const item = { tenant: { S: tenant }, id: { S: `i${n}` }, region: { S: region }, pad: { S: "x".repeat(20 + ((rank * 37) % 300)) } };
      const bytes = itemSize(item);
      items.push(item);
      truth.total++;
      tally(truth.byTenant, tenant, bytes);
      tally(truth.byRegion, region, bytes);
    }
  }
  return { items, truth };
}

/** BatchWriteItem at concurrency 8 (DynamoDB Local does about 5k items/s on two cores). */
export async function seed(client: DynamoDBClient, table: string, items: Record<string, AttributeValue>[]): Promise<void> {
  const batches: Record<string, AttributeValue>[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  await mapWithConcurrency(batches, 8, async (batch) => {
    let pending: Array<{ PutRequest: { Item: Record<string, AttributeValue> } }> | undefined = batch.map((Item) => ({ PutRequest: { Item } }));
    while (pending && pending.length > 0) {
      const result: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      const unprocessed = result.UnprocessedItems?.[table] ?? [];
      pending = unprocessed.flatMap((request) => (request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : []));
    }
  });
}

/** The k largest keys by a measure, largest first. */
export function topKeys(truth: Map<string, KeyTally>, measure: keyof KeyTally, k: number): Array<[string, number]> {
  return [...truth].map(([key, tally]): [string, number] => [key, tally[measure]]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
}

/** The string value of a sampled key (these fixtures use S keys). */
export const keyText = (entry: { key: KeySkewEntry["key"] }): string => ("S" in entry.key ? entry.key.S : JSON.stringify(entry.key));

/** POSTs a key sample and answers its id, failing the test on anything but 202. */
export async function startSample(table: string, body: Record<string, unknown>): Promise<string> {
  const { status, body: response } = await postJob(table, { kind: "key-sample", ...body });
  expect(status, JSON.stringify(response)).toBe(202);
  return (response as { id: string }).id;
}

/** Polls GET /api/jobs/:id until the sample is no longer running; fails unless it has a result. */
export async function finishedSample(id: string): Promise<KeySampleJob & { result: KeySampleResult }> {
  const job = await vi.waitFor(
    async () => {
      const { status, body } = await getJob(id);
      expect(status).toBe(200);
      const snapshot = (body as JobResponse).job as KeySampleJob;
      expect(snapshot.status).not.toBe("running");
      return snapshot;
    },
    { timeout: 60_000, interval: 50 },
  );
  expect(job.error).toBeNull();
  expect(job.result).not.toBeNull();
  return job as KeySampleJob & { result: KeySampleResult };
}
