// The shard poller through the metering proxy's DynamoDB Streams (AWS's 5 GetRecords a second per shard, shard rolls,
// iterator expiry) over DynamoDB Local, with the product's guarded one-attempt Streams client: what it reads from
// LATEST and TRIM_HORIZON, losslessly; its pace per shard counted at the proxy; rolled shards; back-off; expiry.
import { DeleteItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { startShardPoller, type ShardBatch } from "@/lib/server/streams/shard-poller";
import type { StreamStartingPosition } from "@/lib/streams/stream-types";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { maxCallsPerSecond } from "../../local/metering/stream-read-limit";
import { streamedTableDefinition } from "../../local/seed/stream-table";
import { createStreamTable, startStreamProxy, type StreamProxy } from "../support/stream-proxy";

const BIG = "98765432109876543210987654321098765432";
const BYTES = Uint8Array.from([255, 0, 128, 7]);
const POLL_MS = 250;
const PROXY_SCOPE = { accessKeyId: LOCAL_CREDENTIALS.accessKeyId, region: LOCAL_REGION };
let stack: StreamProxy;

const definition = (name: string) => streamedTableDefinition(name);

beforeAll(async () => {
  // A read limit of 2 a second per shard, so one poller at 250 ms meets it (the back-off test); the others poll slower.
  stack = await startStreamProxy({ getRecordsPerShardPerSecond: 2, iteratorMaxAgeMs: 60_000 });
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("DYNAMODB_STREAMS_ENDPOINT", stack.proxy.endpoint);
});

afterAll(async () => {
  await stack?.stop();
});

const put = (table: string, pk: string, sk = "1") => stack.fixtures.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, sk: { N: sk } } }));
const pkOf = (batch: ShardBatch) => batch.records.map((record) => (record.keys.pk && "S" in record.keys.pk ? record.keys.pk.S : "?"));

function poll(streamArn: string, startingPosition: StreamStartingPosition, pollIntervalMs = 600) {
  const controller = new AbortController();
  const batches: ShardBatch[] = [];
  const poller = startShardPoller({ scope: LOCAL_SCOPE, streamArn, startingPosition, pollIntervalMs, signal: controller.signal, onBatch: (batch) => batches.push(batch) });
  const records = () => batches.flatMap((batch) => batch.records);
  const keys = () => batches.flatMap(pkOf);
  const stop = async () => {
    controller.abort();
    await poller.done;
    return poller.stats();
  };
  return { poller, batches, records, keys, stop };
}

describe("startShardPoller", () => {
  it("from LATEST reads only new writes: inserts, modifies and removes with their images, losslessly", async () => {
    const table = "it-poller-Lossless";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    await put(table, "before");
    const run = poll(arn, "LATEST");
    // Empty batches arrive too, so a reader knows the shard was read: the LATEST iterator is in place after the first.
    await vi.waitFor(() => expect(run.batches.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    const key = { pk: { S: "lossless" }, sk: { N: BIG } };
    await stack.fixtures.send(new PutItemCommand({ TableName: table, Item: { ...key, blob: { B: BYTES }, n: { N: "1" } } }));
    await stack.fixtures.send(new UpdateItemCommand({ TableName: table, Key: key, UpdateExpression: "SET n = :n", ExpressionAttributeValues: { ":n": { N: "0.000000000000000000000000000000000001" } } }));
    await stack.fixtures.send(new DeleteItemCommand({ TableName: table, Key: key }));
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
    const stats = await run.stop();
    expect(stats.getRecordsCalls).toBeGreaterThanOrEqual(run.batches.length);
    expect(stats).toMatchObject({ throttledCalls: 0, shardsReading: 0, shardsRead: 1, pollIntervalMs: 600 });
  });

  it("from TRIM_HORIZON also reads what the stream already held", async () => {
    const table = "it-poller-Held";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    await put(table, "held-1");
    await put(table, "held-2");
    const run = poll(arn, "TRIM_HORIZON");
    await vi.waitFor(() => expect(run.keys()).toEqual(["held-1", "held-2"]), { timeout: 15_000, interval: 50 });
    await run.stop();
  });

  it("calls GetRecords on a shard at most once per poll interval, counted at the proxy", async () => {
    const table = "it-poller-Pace";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    const run = poll(arn, "LATEST");
    await vi.waitFor(() => expect(run.batches.length).toBeGreaterThanOrEqual(5), { timeout: 15_000, interval: 50 });
    const stats = await run.stop();
    const shardIds = new Set(run.batches.map((batch) => batch.shardId));
    let calls = 0;
    for (const shardId of shardIds) {
      const reads = stack.proxy.streamReads().byShard[shardId];
      expect(reads?.throttled).toBe(0);
      const times = reads?.callTimes ?? [];
      calls += times.length;
      for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(600);
      expect(maxCallsPerSecond(times)).toBeLessThanOrEqual(2);
    }
    expect(calls).toBe(stats.getRecordsCalls);
    for (let i = 1; i < run.batches.length; i++) expect(run.batches[i]?.previousReadAt).toBe(run.batches[i - 1]?.readAt);
  });

  it("backs off on LimitExceededException, counts each one as the proxy does, and keeps reading", async () => {
    const table = "it-poller-Throttled";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    // 250 ms asks for 4 calls a second; the proxy admits 2.
    const run = poll(arn, "LATEST", POLL_MS);
    await vi.waitFor(() => expect(run.poller.stats().throttledCalls).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 50 });
    await put(table, "after-throttles");
    await vi.waitFor(() => expect(run.keys()).toEqual(["after-throttles"]), { timeout: 30_000, interval: 50 });
    const stats = await run.stop();
    const [shardId] = new Set(run.batches.map((batch) => batch.shardId));
    const reads = stack.proxy.streamReads().byShard[shardId ?? ""];
    expect(stats.throttledCalls).toBe(reads?.throttled);
    expect(stats.getRecordsCalls).toBe(reads?.calls);
    // After a throttle the shard's next call waits at least twice the interval (the back-off), where a reader that
    // ignored throttles would keep calling every 250 ms.
    const times = reads?.callTimes ?? [];
    const gaps = times.slice(1).map((time, index) => time - (times[index] ?? 0));
    expect(gaps.filter((gap) => gap >= 2 * POLL_MS).length).toBeGreaterThanOrEqual(2);
  });

  it("follows a rolled shard: the parent to its end, then its child from TRIM_HORIZON", async () => {
    const table = "it-poller-Rolled";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    const run = poll(arn, "LATEST");
    await vi.waitFor(() => expect(run.batches.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    await put(table, "before-roll");
    const roll = await stack.proxy.rollStreamShards(PROXY_SCOPE, table);
    expect(roll?.opened.parentShardId).toBe(roll?.closed.shardId);
    await put(table, "after-roll");
    await vi.waitFor(() => expect(run.keys()).toEqual(["before-roll", "after-roll"]), { timeout: 30_000, interval: 50 });
    await vi.waitFor(() => expect(run.poller.stats()).toMatchObject({ shardsFinished: 1, shardsReading: 1, shardsRead: 2 }), { timeout: 10_000, interval: 50 });
    const shardOf = (pk: string) => run.batches.find((batch) => pkOf(batch).includes(pk))?.shardId;
    expect(shardOf("before-roll")).toBe(roll?.closed.shardId);
    expect(shardOf("after-roll")).toBe(roll?.opened.shardId);
    // The parent was read to its end before the child's first read.
    const lastParentRead = Math.max(...run.batches.filter((batch) => batch.shardId === roll?.closed.shardId).map((batch) => batch.readAt));
    const firstChildRead = Math.min(...run.batches.filter((batch) => batch.shardId === roll?.opened.shardId).map((batch) => batch.readAt));
    expect(firstChildRead).toBeGreaterThanOrEqual(lastParentRead);
    await run.stop();
  });

  it("from TRIM_HORIZON reads a closed parent before its child", async () => {
    const table = "it-poller-Lineage";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    await put(table, "in-parent");
    await stack.proxy.rollStreamShards(PROXY_SCOPE, table);
    await put(table, "in-child");
    const run = poll(arn, "TRIM_HORIZON");
    await vi.waitFor(() => expect(run.keys()).toEqual(["in-parent", "in-child"]), { timeout: 30_000, interval: 50 });
    await run.stop();
  });

  it("resumes after an expired iterator right after the last record read: nothing missed, nothing twice", async () => {
    const table = "it-poller-Expiry";
    const arn = await createStreamTable(stack.fixtures, definition(table));
    const run = poll(arn, "LATEST");
    await vi.waitFor(() => expect(run.batches.length).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    await put(table, "first");
    await vi.waitFor(() => expect(run.keys()).toEqual(["first"]), { timeout: 15_000, interval: 50 });
    // Every iterator the poller holds is now older than the proxy's 60 s.
    stack.advance(61_000);
    await put(table, "second");
    await vi.waitFor(() => expect(run.keys()).toEqual(["first", "second"]), { timeout: 15_000, interval: 50 });
    const stats = await run.stop();
    expect(stats.throttledCalls).toBe(0);
  });

  it("stops with a clear NOT_FOUND for a stream that does not exist", async () => {
    const arn = await createStreamTable(stack.fixtures, definition("it-poller-Gone"));
    const run = poll(arn.replace(/stream\/.*$/, "stream/2000-01-01T00:00:00.000"), "LATEST");
    const error: unknown = await run.poller.done.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("is gone") as unknown });
  });
});
