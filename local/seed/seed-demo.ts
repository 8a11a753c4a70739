import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
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

/**
 * Turns on the table's stream unless it is on. The demo tables get their streams after seeding: DynamoDB Local's batch
 * writes to a table with a stream slow down with every stream record the database holds (Events' 6,000 items took
 * 38 s instead of 3 with 10,000 of Shop's seed items in Shop's stream, 149 s with all 50,000), and a stream's records
 * are the writes since it was turned on anyway, as on AWS.
 */
export async function ensureStream(client: DynamoDBClient, definition: CreateTableCommandInput): Promise<void> {
  const wanted = definition.StreamSpecification;
  const name = definition.TableName ?? "";
  if (!wanted?.StreamEnabled) return;
  const current = await client.send(new DescribeTableCommand({ TableName: name }));
  if (current.Table?.StreamSpecification?.StreamEnabled) return;
  await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: wanted }));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: name });
  // DynamoDB Local forgets an on-demand table's maximum throughput when its stream is turned on; set it again.
  const maximum = definition.OnDemandThroughput;
  const after = await client.send(new DescribeTableCommand({ TableName: name }));
  const kept = after.Table?.OnDemandThroughput;
  if (maximum && (kept?.MaxReadRequestUnits !== maximum.MaxReadRequestUnits || kept?.MaxWriteRequestUnits !== maximum.MaxWriteRequestUnits)) {
    await client.send(new UpdateTableCommand({ TableName: name, OnDemandThroughput: maximum }));
    await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: name });
  }
}

const withoutStream = (definition: CreateTableCommandInput): CreateTableCommandInput => ({ ...definition, StreamSpecification: undefined });

/** Creates the demo tables and loads their items, then turns their streams on. Safe to run again: nothing is duplicated. */
export async function seedDemo(client: DynamoDBClient, log: (line: string) => void = () => undefined): Promise<SeedResult[]> {
  const definitions = [SHOP_TABLE, SESSIONS_TABLE, EVENTS_TABLE];
  await Promise.all(definitions.map((definition) => ensureTable(client, withoutStream(definition))));
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
  for (const definition of definitions) await ensureStream(client, definition);
  return results;
}
