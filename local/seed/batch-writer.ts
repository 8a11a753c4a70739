import { BatchWriteItemCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "../../lib/async/map-with-concurrency";

export type Item = Record<string, AttributeValue>;

const BATCH_SIZE = 25; // BatchWriteItem's limit
const MAX_ROUNDS = 12;

async function writeBatch(client: DynamoDBClient, table: string, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_ROUNDS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed in ${table} after ${MAX_ROUNDS} rounds`);
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 25 * 2 ** round)));
    const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
    pending = result.UnprocessedItems?.[table] ?? [];
  }
}

/** Writes every item with BatchWriteItem at the given concurrency, retrying unprocessed items with backoff. */
export async function writeAll(
  client: DynamoDBClient,
  table: string,
  items: readonly Item[],
  options: { concurrency?: number; onProgress?: (written: number) => void } = {},
): Promise<number> {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    batches.push(items.slice(start, start + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } })));
  }
  let written = 0;
  await mapWithConcurrency(batches, options.concurrency ?? 8, async (batch) => {
    await writeBatch(client, table, batch);
    written += batch.length;
    options.onProgress?.(written);
  });
  return written;
}
