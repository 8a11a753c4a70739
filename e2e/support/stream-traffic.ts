import { DeleteItemCommand, PutItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { localDynamoDb } from "../../local/local-clients";

/**
 * Writes for the stream specs. The e2e stack runs no live workload (its data must stay stable for the other specs),
 * so a spec that needs a stream to move writes its own, through the metering proxy the dashboard reads through, under
 * keys of its own so it never changes what other specs read. Global setup puts the proxy's address in
 * E2E_DYNAMODB_ENDPOINT.
 */
function endpoint(): string {
  const url = process.env.E2E_DYNAMODB_ENDPOINT;
  if (!url) throw new Error("E2E_DYNAMODB_ENDPOINT is not set; global setup must export the stack's DynamoDB endpoint for the stream specs");
  return url;
}

type Item = Record<string, AttributeValue>;
export type Write = { put: Item } | { delete: Item };

export type TrafficRun = {
  /** Writes made so far. */
  written: () => number;
  /** Stops after the write in flight, and rethrows the first failure (a spec must not pass on traffic that never ran). */
  stop: () => Promise<number>;
};

/**
 * Makes `perSecond` writes a second (spread evenly) from `next(n)` until stopped. Each write waits for the previous,
 * so a throttled write (retried by the client) slows the pace instead of piling up requests.
 */
export function startTraffic(table: string, perSecond: number, next: (n: number) => Write): TrafficRun {
  const client = localDynamoDb(endpoint());
  let count = 0;
  let stopped = false;
  let failure: unknown = null;
  const gapMs = 1_000 / perSecond;
  const loop = (async () => {
    while (!stopped) {
      const write = next(count);
      try {
        if ("put" in write) await client.send(new PutItemCommand({ TableName: table, Item: write.put }));
        else await client.send(new DeleteItemCommand({ TableName: table, Key: write.delete }));
        count += 1;
      } catch (error) {
        failure = error;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  })();
  return {
    written: () => count,
    stop: async () => {
      stopped = true;
      await loop;
      client.destroy();
      if (failure) throw failure;
      return count;
    },
  };
}

/** A prefix no other run or spec writes under: the project name and a random tag. */
export function runPrefix(label: string): string {
  return `E2E-${label}-${Math.random().toString(36).slice(2, 8)}`;
}
