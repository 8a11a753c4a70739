// The shard poller against DynamoDB Local's streams, through the product's guarded one-attempt Streams client: what
// it reads from LATEST and TRIM_HORIZON, losslessly; its pace per shard; its stop; and a stream that does not exist.
import { DeleteItemCommand, DescribeTableCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { startShardPoller, type ShardBatch } from "@/lib/server/streams/shard-poller";
import type { StreamStartingPosition } from "@/lib/streams/stream-types";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { createTables, fixtureClient } from "../support/local-tables";

// lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
vi.stubEnv("DYNAMODB_STREAMS_ENDPOINT", inject("dynamodbEndpoint"));

const TABLE = "it-poller-Items";
const BIG = "98765432109876543210987654321098765432";
const BYTES = Uint8Array.from([255, 0, 128, 7]);
const POLL_MS = 250;
const fixtures = fixtureClient();
let streamArn = "";

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
    },
  ]);
  const described = await fixtures.send(new DescribeTableCommand({ TableName: TABLE }));
  streamArn = described.Table?.LatestStreamArn ?? "";
  expect(streamArn).toContain(`table/${TABLE}/stream/`);
});

afterAll(() => fixtures.destroy());

function poll(startingPosition: StreamStartingPosition) {
  const controller = new AbortController();
  const batches: ShardBatch[] = [];
  const poller = startShardPoller({ scope: LOCAL_SCOPE, streamArn, startingPosition, pollIntervalMs: POLL_MS, signal: controller.signal, onBatch: (batch) => batches.push(batch) });
  return { poller, batches, controller, records: () => batches.flatMap((batch) => batch.records) };
}

describe("startShardPoller", () => {
  it("from LATEST reads only new writes: inserts, modifies and removes with their images, losslessly", async () => {
    const run = poll("LATEST");
    // Empty batches arrive too, so a reader knows the shard was read: the LATEST iterator is in place after the first.
    await vi.waitFor(() => expect(run.batches.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    const key = { pk: { S: "lossless" }, sk: { N: BIG } };
    await fixtures.send(new PutItemCommand({ TableName: TABLE, Item: { ...key, blob: { B: BYTES }, n: { N: "1" } } }));
    await fixtures.send(new UpdateItemCommand({ TableName: TABLE, Key: key, UpdateExpression: "SET n = :n", ExpressionAttributeValues: { ":n": { N: "0.000000000000000000000000000000000001" } } }));
    await fixtures.send(new DeleteItemCommand({ TableName: TABLE, Key: key }));
    await vi.waitFor(() => expect(run.records().map((record) => record.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]), { timeout: 15_000, interval: 50 });
    const [insert, modify, remove] = run.records();
    const wireKey = { pk: { S: "lossless" }, sk: { N: BIG } };
    expect(insert).toMatchObject({ keys: wireKey, oldImage: null, newImage: { ...wireKey, blob: { B: "/wCABw==" }, n: { N: "1" } }, ttlDelete: false });
    expect(modify).toMatchObject({ keys: wireKey, oldImage: { n: { N: "1" } }, newImage: { n: { N: "0.000000000000000000000000000000000001" } } });
    expect(remove).toMatchObject({ keys: wireKey, newImage: null, oldImage: { ...wireKey, blob: { B: "/wCABw==" } } });
    for (const record of [insert, modify, remove]) {
      expect(record?.sizeBytes).toBeGreaterThan(0);
      expect(record?.createdAt).toEqual(expect.any(Number));
    }
    expect(new Set(run.records().map((record) => record.id)).size).toBe(3);

    run.controller.abort();
    await expect(run.poller.done).resolves.toBeUndefined();
    const stats = run.poller.stats();
    expect(stats.getRecordsCalls).toBeGreaterThanOrEqual(run.batches.length);
    expect(stats).toMatchObject({ throttledCalls: 0, shardsReading: 0, pollIntervalMs: POLL_MS });
  });

  it("reads each shard at most once per poll interval, and tells each batch when the shard was last read", async () => {
    const run = poll("LATEST");
    await vi.waitFor(() => expect(run.batches.length).toBeGreaterThanOrEqual(6), { timeout: 15_000, interval: 50 });
    run.controller.abort();
    await run.poller.done;
    const byShard = new Map<string, ShardBatch[]>();
    for (const batch of run.batches) byShard.set(batch.shardId, [...(byShard.get(batch.shardId) ?? []), batch]);
    for (const batches of byShard.values()) {
      expect(batches[0]?.previousReadAt).toBeNull();
      for (let i = 1; i < batches.length; i++) {
        expect(batches[i]?.previousReadAt).toBe(batches[i - 1]?.readAt);
        expect((batches[i]?.readAt ?? 0) - (batches[i]?.previousReadAt ?? 0)).toBeGreaterThanOrEqual(POLL_MS);
      }
    }
  });

  it("from TRIM_HORIZON also reads what the stream already held", async () => {
    await fixtures.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: "held" }, sk: { N: "1" } } }));
    const run = poll("TRIM_HORIZON");
    await vi.waitFor(() => expect(run.records().some((record) => record.keys.pk !== undefined && "S" in record.keys.pk && record.keys.pk.S === "held")).toBe(true), { timeout: 15_000, interval: 50 });
    // Everything written to the table so far, including the first test's three writes.
    expect(run.records().length).toBeGreaterThanOrEqual(4);
    run.controller.abort();
    await run.poller.done;
  });

  it("stops with a clear NOT_FOUND for a stream that does not exist", async () => {
    const controller = new AbortController();
    const poller = startShardPoller({ scope: LOCAL_SCOPE, streamArn: `${streamArn.replace(/stream\/.*$/, "stream/2000-01-01T00:00:00.000")}`, startingPosition: "LATEST", pollIntervalMs: POLL_MS, signal: controller.signal, onBatch: () => {} });
    const error: unknown = await poller.done.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("is gone") as unknown });
  });
});
