import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { writeAll, type Item } from "./batch-writer";
import { EVENTS_TABLE, SESSIONS_TABLE, SHOP_TABLE } from "./demo-tables";
import { eventItems, sessionItems } from "./session-and-event-items";
import { shopItems } from "./shop-items";
import { specialItems } from "./special-items";

export type SeedResult = { table: string; items: number; written: number; ms: number };

/** Creates the table unless it exists, and waits until it is ACTIVE. */
export async function ensureTable(client: DynamoDBClient, definition: CreateTableCommandInput): Promise<void> {
  const name = definition.TableName ?? "";
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!(error instanceof Error) || error.name !== "ResourceInUseException") throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: name });
}

async function itemCount(client: DynamoDBClient, table: string): Promise<number> {
  const result = await client.send(new DescribeTableCommand({ TableName: table }));
  return result.Table?.ItemCount ?? 0;
}

/** Loads the items unless an earlier run did (their keys are deterministic). */
export async function seedTable(client: DynamoDBClient, table: string, items: Item[], log: (line: string) => void): Promise<SeedResult> {
  const started = performance.now();
  // Keys are deterministic, so a table that already holds at least this many items was seeded by an earlier run.
  // (DynamoDB Local updates ItemCount at once, unlike AWS.)
  if ((await itemCount(client, table)) >= items.length) {
    log(`${table}: already seeded (${items.length} items)`);
    return { table, items: items.length, written: 0, ms: performance.now() - started };
  }
  let lastReport = 0;
  const written = await writeAll(client, table, items, {
    concurrency: 8,
    onProgress: (count) => {
      if (count - lastReport >= 10_000) {
        lastReport = count;
        log(`${table}: ${count}/${items.length} items`);
      }
    },
  });
  const ms = performance.now() - started;
  log(`${table}: wrote ${written} items in ${(ms / 1000).toFixed(1)} s (${Math.round(written / (ms / 1000))} items/s)`);
  return { table, items: items.length, written, ms };
}

/** Creates the demo tables and loads their items. Safe to run again: nothing is duplicated. */
export async function seedDemo(client: DynamoDBClient, log: (line: string) => void = () => undefined): Promise<SeedResult[]> {
  await Promise.all([SHOP_TABLE, SESSIONS_TABLE, EVENTS_TABLE].map((definition) => ensureTable(client, definition)));
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: "Sessions", TimeToLiveSpecification: { Enabled: true, AttributeName: "expiresAt" } }),
  ).catch((error: unknown) => {
    // Enabling TTL twice is a ValidationException ("TimeToLive is already enabled"); anything else is real.
    if (!(error instanceof Error) || error.name !== "ValidationException") throw error;
  });
  const now = Math.floor(Date.now() / 1000);
  const results: SeedResult[] = [];
  results.push(await seedTable(client, "Shop", [...shopItems(), ...specialItems()], log));
  results.push(await seedTable(client, "Sessions", sessionItems(now), log));
  results.push(await seedTable(client, "Events", eventItems(now), log));
  return results;
}
