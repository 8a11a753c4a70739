import { BatchWriteItemCommand, CreateTableCommand, waitUntilTableExists, type DynamoDBClient, type WriteRequest } from "@aws-sdk/client-dynamodb";
import { createRandom, zipfSampler } from "../local/seed/random";
import { streamedTableDefinition } from "../local/seed/stream-table";

/** The bench's own table: on-demand, with a NEW_AND_OLD_IMAGES stream, so write units are sized from images. */
export const STREAM_BENCH_TABLE = "bench-stream";

export async function createStreamTable(admin: DynamoDBClient): Promise<void> {
  await admin.send(new CreateTableCommand(streamedTableDefinition(STREAM_BENCH_TABLE)));
  await waitUntilTableExists({ client: admin, maxWaitTime: 60 }, { TableName: STREAM_BENCH_TABLE });
}

export type StreamWriter = { stop: () => Promise<{ written: number; seconds: number }> };

/**
 * Writes to the bench table straight to DynamoDB Local (not through the metering proxy, so nothing throttles it),
 * as fast as `concurrency` BatchWriteItem calls allow or paced to `perSecond`. Keys are Zipf-distributed over
 * `keys` partition keys, so a few keys take most writes as on a skewed table, and every item is about 200 bytes.
 */
export function startStreamWriter(admin: DynamoDBClient, options: { keys: number; perSecond?: number; concurrency?: number; seed?: number }): StreamWriter {
  const random = createRandom(options.seed ?? 15);
  const pick = zipfSampler(options.keys, 1.1, random);
  let written = 0;
  let sequence = 0;
  let running = true;
  const started = performance.now();
  const batch = (): WriteRequest[] =>
    Array.from({ length: 25 }, () => ({ PutRequest: { Item: { pk: { S: `k${pick()}` }, sk: { N: String(sequence++) }, payload: { S: "x".repeat(180) } } } }));
  const worker = async (): Promise<void> => {
    while (running) {
      if (options.perSecond !== undefined) {
        // Paced: wait until the writes so far are due.
        const dueMs = (written / options.perSecond) * 1000 - (performance.now() - started);
        if (dueMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(dueMs, 250)));
        if (!running || (written / options.perSecond) * 1000 > performance.now() - started) continue;
      }
      const result = await admin.send(new BatchWriteItemCommand({ RequestItems: { [STREAM_BENCH_TABLE]: batch() } }));
      written += 25 - (result.UnprocessedItems?.[STREAM_BENCH_TABLE]?.length ?? 0);
    }
  };
  const workers = Array.from({ length: options.concurrency ?? 4 }, () => worker());
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return { written, seconds: (performance.now() - started) / 1000 };
    },
  };
}
