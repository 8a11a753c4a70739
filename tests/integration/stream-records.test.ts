// GET /api/tables/:table/stream/records: the live tail, through the metering proxy's DynamoDB Streams over DynamoDB
// Local. Newest first, lossless, a cursor for newer records, filters, engineers-only resume, viewers' redaction, a
// table without a stream, and the tail's lifecycle (idle, cap, error).
import { CreateTableCommand, DeleteItemCommand, PutItemCommand, UpdateItemCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as recordsRoute from "@/app/api/tables/[table]/stream/records/route";
import { StreamTails, streamTails } from "@/lib/server/streams/stream-tail";
import type { StreamRecordsResponse } from "@/lib/streams/stream-types";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { ENGINEER, VIEWER, callAs } from "../support/auth-fixtures";
import { streamedTableDefinition } from "../../local/seed/stream-table";
import { createStreamTable, startStreamProxy, type StreamProxy } from "../support/stream-proxy";

vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("REDACT_ATTRIBUTES", "email");
vi.stubEnv("ENGINEER_GROUPS", "sre");
vi.stubEnv("TABLES", "it-streamrec-*");
vi.stubEnv("STREAM_POLL_INTERVAL_MS", "250");

const TABLE = "it-streamrec-Orders";
const PLAIN = "it-streamrec-NoStream";
const BIG = "12345678901234567890123456789012345678";
const BYTES = Uint8Array.from([0, 159, 146, 150]);
const SECRET = "secret-mail@example.com";
let stack: StreamProxy;
let arn = "";

beforeAll(async () => {
  stack = await startStreamProxy();
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("DYNAMODB_STREAMS_ENDPOINT", stack.proxy.endpoint);
  arn = await createStreamTable(stack.fixtures, streamedTableDefinition(TABLE));

  await stack.fixtures.send(new CreateTableCommand({ TableName: PLAIN, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] }));
  await waitUntilTableExists({ client: stack.fixtures, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: PLAIN });
});

afterAll(async () => {
  streamTails().stopAll();
  await stack?.stop();
});

async function records(who: Record<string, string>, query = "", table = TABLE): Promise<StreamRecordsResponse> {
  const { status, text } = await callAs(recordsRoute.GET, who, `/api/tables/${table}/stream/records${query}`, { table });
  expect(status, text).toBe(200);
  return JSON.parse(text) as StreamRecordsResponse;
}

const key = (pk: string) => ({ pk: { S: pk }, sk: { N: BIG } });
const pks = (response: StreamRecordsResponse) => response.records.map((record) => (record.keys.pk && "S" in record.keys.pk ? record.keys.pk.S : "?"));

describe("a table with a stream", () => {
  it("shows a viewer the stream but never lets them start the tail, saying why", async () => {
    const before = await records(VIEWER);
    expect(before).toMatchObject({ stream: { arn, viewType: "NEW_AND_OLD_IMAGES", status: "ENABLED", shards: { open: 1, closed: 0 } }, records: [], tail: null, cursor: null });
    const refused = await callAs(recordsRoute.GET, VIEWER, `/api/tables/${TABLE}/stream/records?resume=1`, { table: TABLE });
    expect(refused.status).toBe(403);
    expect(refused.text).toMatch(/engineers.*GetRecords.*two readers per shard/);
  });

  it("tails inserts, modifies and removes newest first with their images, losslessly; the cursor then gives only newer ones", async () => {
    const started = await records(ENGINEER, "?resume=1");
    expect(started.tail).toMatchObject({ status: "running", stoppedReason: null, error: null });
    // The tail reads from LATEST: wait for its first read so the writes below come after its iterator.
    await vi.waitFor(async () => expect((await records(ENGINEER, "?resume=1")).tail?.stats.getRecordsCalls).toBeGreaterThan(0), { timeout: 10_000, interval: 100 });
    await stack.fixtures.send(new PutItemCommand({ TableName: TABLE, Item: { ...key("order#1"), email: { S: SECRET }, raw: { B: BYTES }, qty: { N: "1" } } }));
    await stack.fixtures.send(new UpdateItemCommand({ TableName: TABLE, Key: key("order#1"), UpdateExpression: "SET qty = :q", ExpressionAttributeValues: { ":q": { N: "2" } } }));
    await stack.fixtures.send(new DeleteItemCommand({ TableName: TABLE, Key: key("order#1") }));
    const tailed = await vi.waitFor(
      async () => {
        const response = await records(ENGINEER, "?resume=1");
        expect(response.records.map((record) => record.eventName)).toEqual(["REMOVE", "MODIFY", "INSERT"]);
        return response;
      },
      { timeout: 15_000, interval: 100 },
    );
    const [remove, modify, insert] = tailed.records;
    const wireKey = { pk: { S: "order#1" }, sk: { N: BIG } };
    expect(insert).toMatchObject({ keys: wireKey, oldImage: null, newImage: { ...wireKey, email: { S: SECRET }, raw: { B: "AJ+Slg==" }, qty: { N: "1" } } });
    expect(modify).toMatchObject({ oldImage: { qty: { N: "1" } }, newImage: { qty: { N: "2" } } });
    expect(remove).toMatchObject({ keys: wireKey, newImage: null, oldImage: { qty: { N: "2" }, raw: { B: "AJ+Slg==" } } });
    expect(tailed).toMatchObject({ reset: false, buffered: 3 });
    expect(tailed).not.toHaveProperty("redacted");
    expect(tailed.cursor).toEqual(expect.any(String));

    const nothingNewer = await records(ENGINEER, `?after=${tailed.cursor ?? ""}`);
    expect(nothingNewer.records).toEqual([]);
    expect(nothingNewer.cursor).toBe(tailed.cursor);
    await stack.fixtures.send(new PutItemCommand({ TableName: TABLE, Item: { ...key("order#2") } }));
    await vi.waitFor(async () => expect(pks(await records(ENGINEER, `?after=${tailed.cursor ?? ""}`))).toEqual(["order#2"]), { timeout: 15_000, interval: 100 });
  });

  it("filters by event names and by the partition key's prefix, and limits", async () => {
    await stack.fixtures.send(new PutItemCommand({ TableName: TABLE, Item: { ...key("user#7") } }));
    await vi.waitFor(async () => expect(pks(await records(ENGINEER))[0]).toBe("user#7"), { timeout: 15_000, interval: 100 });
    const inserts = await records(ENGINEER, "?eventName=INSERT");
    expect(inserts.records.map((record) => record.eventName)).toEqual(["INSERT", "INSERT", "INSERT"]);
    expect(pks(inserts)).toEqual(["user#7", "order#2", "order#1"]);
    expect((await records(ENGINEER, "?eventName=MODIFY,REMOVE")).records.map((record) => record.eventName)).toEqual(["REMOVE", "MODIFY"]);
    expect(pks(await records(ENGINEER, "?keyPrefix=order%23"))).toEqual(["order#2", "order#1", "order#1", "order#1"]);
    expect(pks(await records(ENGINEER, "?keyPrefix=user&eventName=REMOVE"))).toEqual([]);
    const limited = await records(ENGINEER, "?limit=2");
    expect(pks(limited)).toEqual(["user#7", "order#2"]);
    expect(limited.buffered).toBe(5);
  });

  it("shows a viewer what the running tail holds, redacted as in the item browser, the key never masked", async () => {
    const seen = await records(VIEWER);
    expect(seen.redacted).toBe(true);
    expect(seen.tail?.status).toBe("running");
    const insert = seen.records.find((record) => record.eventName === "INSERT" && pks({ ...seen, records: [record] })[0] === "order#1");
    expect(insert?.keys).toEqual({ pk: { S: "order#1" }, sk: { N: BIG } });
    expect(insert?.newImage?.email).toMatchObject({ REDACTED: "S" });
    expect(insert?.newImage?.qty).toEqual({ N: "1" });
    expect(JSON.stringify(seen)).not.toContain(SECRET);
  });

  it("answers reset for a cursor of an earlier tail", async () => {
    const before = await records(ENGINEER);
    streamTails().stopAll();
    const stopped = await records(ENGINEER, `?after=${before.cursor ?? ""}`);
    expect(stopped.tail).toMatchObject({ status: "stopped", stoppedReason: "idle" });
    expect(stopped.reset).toBe(false);
    const restarted = await records(ENGINEER, `?resume=1&after=${before.cursor ?? ""}`);
    expect(restarted.tail?.status).toBe("running");
    expect(restarted.reset).toBe(true);
    expect(restarted.cursor).not.toBe(before.cursor);
  });
});

describe("bad requests and other tables", () => {
  it("answers a table without a stream with stream null", async () => {
    for (const who of [ENGINEER, VIEWER]) {
      expect(await records(who, "", PLAIN)).toEqual({ stream: null, records: [], cursor: null, reset: false, tail: null, buffered: 0, ...(who === VIEWER ? { redacted: true } : {}) });
    }
    expect((await records(ENGINEER, "?resume=1", PLAIN)).tail).toBeNull();
  });

  it("answers 404 for a missing or hidden table, and 400 for bad input", async () => {
    for (const table of ["it-streamrec-Missing", "not-exposed-Table"]) {
      expect((await callAs(recordsRoute.GET, ENGINEER, `/api/tables/${table}/stream/records`, { table })).status).toBe(404);
    }
    for (const query of ["limit=0", "limit=501", "limit=x", "eventName=PUT", "eventName=", "after=garbage", "resume=yes"]) {
      const { status, text } = await callAs(recordsRoute.GET, ENGINEER, `/api/tables/${TABLE}/stream/records?${query}`, { table: TABLE });
      expect(status, query).toBe(400);
      expect(text).toMatch(/limit|eventName|after|resume/);
    }
  });
});

describe("a tail's lifecycle", () => {
  it("stops when nobody asked for a while, at its cap, and on an error it cannot work around", async () => {
    const idle = new StreamTails({ idleMs: 300, maxSeconds: () => 3_600, pollIntervalMs: () => 250 });
    const idleTail = idle.resume(LOCAL_SCOPE, TABLE, arn);
    await vi.waitFor(() => expect(idle.state(idleTail)).toMatchObject({ status: "stopped", stoppedReason: "idle" }), { timeout: 10_000, interval: 50 });

    const capped = new StreamTails({ maxSeconds: () => 1, pollIntervalMs: () => 250 });
    const cappedTail = capped.resume(LOCAL_SCOPE, TABLE, arn);
    expect(cappedTail.stopsAt - cappedTail.startedAt).toBe(1_000);
    await vi.waitFor(() => expect(capped.state(cappedTail)).toMatchObject({ status: "stopped", stoppedReason: "cap" }), { timeout: 10_000, interval: 50 });

    const failing = new StreamTails({ pollIntervalMs: () => 250 });
    const failed = failing.resume(LOCAL_SCOPE, TABLE, arn.replace(/stream\/.*$/, "stream/2000-01-01T00:00:00.000"));
    await vi.waitFor(() => expect(failing.state(failed)).toMatchObject({ status: "stopped", stoppedReason: "error", error: expect.stringContaining("is gone") as unknown }), { timeout: 10_000, interval: 50 });
    // A stopped tail is replaced by a new one on resume.
    expect(failing.resume(LOCAL_SCOPE, TABLE, arn).id).not.toBe(failed.id);
    failing.stopAll();
  });
});
