// The stream-sample job against DynamoDB Local's stream, read through the metering proxy (AWS's 5 GetRecords a second
// per shard enforced): a known mix of writes at a steady rate, one hot key taking 40% of them, started and read
// through the jobs API as the UI does; and the 409 and 400 a sample can answer before it starts.
import { PutItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as jobsRoute from "@/app/api/tables/[table]/jobs/route";
import type { JobSnapshot } from "@/lib/jobs/job-types";
import { accessFor } from "@/lib/server/auth/access";
import { jobInputs } from "@/lib/server/diagnosis/diagnosis-sources";
import { keyDigest } from "@/lib/server/auth/redact-item";
import type { StreamKeyWrites, StreamSampleParams, StreamSampleResult } from "@/lib/streams/stream-types";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { callAs, ENGINEER, finishedAs, VIEWER } from "../support/auth-fixtures";
import { createTables } from "../support/local-tables";
import { sizedItem } from "../support/sized-items";
import { createStreamTable, startStreamProxy, type StreamProxy } from "../support/stream-proxy";

// A fresh module graph per file: lib/env.ts parses these when the routes first call env(), after beforeAll set the endpoint.
vi.stubEnv("TABLES", "it-stream-sample-*");
vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("ENGINEER_GROUPS", "sre");
vi.stubEnv("STREAM_POLL_INTERVAL_MS", "500");
vi.stubEnv("STREAM_SAMPLE_MAX_SECONDS", "30");

const TABLE = "it-stream-sample-Devices";
const PLAIN = "it-stream-sample-NoStream";
const HOT = "device-017";
const COLD_KEYS = 30;
const HOT_BYTES = 2_500; // 3 WCU: ceil(2,500 / 1,024)
const COLD_BYTES = 500; // 1 WCU
const WRITE_EVERY_MS = 25; // 40 writes a second, 16 of them to the hot key
const DURATION_SECONDS = 10;

type Written = { at: number; pk: string };
type Job = JobSnapshot<StreamSampleParams, StreamSampleResult>;

let stack: StreamProxy;

beforeAll(async () => {
  stack = await startStreamProxy();
  vi.stubEnv("DYNAMODB_STREAMS_ENDPOINT", stack.proxy.endpoint);
  const keys = {
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: [
      { AttributeName: "pk", AttributeType: "S" as const },
      { AttributeName: "sk", AttributeType: "N" as const },
    ],
    KeySchema: [
      { AttributeName: "pk", KeyType: "HASH" as const },
      { AttributeName: "sk", KeyType: "RANGE" as const },
    ],
  };
  await createStreamTable(stack.fixtures, { TableName: TABLE, ...keys, StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" } });
  await createTables(stack.fixtures, [{ TableName: PLAIN, ...keys }]);
});

afterAll(async () => {
  await stack.stop();
});

/** Writes at a steady pace until stopped: 2 of every 5 writes to the hot key (4 items of it), the rest over 30 cold keys. */
function writeSteadily(client: DynamoDBClient): { stop: () => Promise<Written[]> } {
  const written: Written[] = [];
  let stopped = false;
  const run = (async () => {
    const start = Date.now();
    for (let i = 0; !stopped; i++) {
      const hot = i % 5 < 2;
      const pk = hot ? HOT : `device-${100 + (i % COLD_KEYS)}`;
      // Each put changes the item (n): DynamoDB writes no stream record for a write that changes nothing.
      const n = { N: String(i) };
      const item = hot ? sizedItem({ pk: { S: pk }, sk: { N: String(i % 4) }, n }, HOT_BYTES) : sizedItem({ pk: { S: pk }, sk: { N: "0" }, n }, COLD_BYTES);
      await client.send(new PutItemCommand({ TableName: TABLE, Item: item }));
      written.push({ at: Date.now(), pk });
      const wait = start + (i + 1) * WRITE_EVERY_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await run;
      return written;
    },
  };
}

const post = (table: string, body: unknown, who = ENGINEER) => callAs(jobsRoute.POST, who, `/api/tables/${table}/jobs`, { table }, { method: "POST", body: JSON.stringify(body) });
const keyOf = (row: StreamKeyWrites | undefined) => (row && "S" in row.key ? row.key.S : null);

describe("stream-sample job", () => {
  it("finds the hot key as the top writer, at the rate the test wrote it, with write units from the item sizes", async () => {
    const writer = writeSteadily(stack.fixtures);
    // Some writes before the sample starts: LATEST must not count them.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = await post(TABLE, { kind: "stream-sample", durationSeconds: DURATION_SECONDS });
    expect(started.status, started.text).toBe(202);
    const { id } = JSON.parse(started.text) as { id: string };
    const job = (await finishedAs(jobRoute.GET, ENGINEER, id)) as Job;
    const written = await writer.stop();

    expect(job).toMatchObject({ status: "succeeded", stopReason: "end", kind: "stream-sample" });
    expect(job.params).toEqual({ kind: "stream-sample", durationSeconds: DURATION_SECONDS, maxRecords: null, startingPosition: "LATEST", pollIntervalMs: 500 });
    const result = job.result;
    if (!result) throw new Error("no result");
    expect(result).toMatchObject({ traffic: "writes", partitionKey: "pk", sortKey: "sk", startingPosition: "LATEST", stream: { viewType: "NEW_AND_OLD_IMAGES" } });
    expect(result.writeUnitEstimate.method).toBe("images");

    // What the test wrote inside the sample's own window, against what the sample read.
    const inWindow = written.filter((write) => write.at > result.window.start && write.at <= result.window.end);
    const seconds = (result.window.end - result.window.start) / 1_000;
    const hotWritten = inWindow.filter((write) => write.pk === HOT).length;
    const top = result.topPartitions[0];
    expect(keyOf(top)).toBe(HOT);
    expect(Math.abs((top?.writesPerSecond ?? 0) - hotWritten / seconds) / (hotWritten / seconds)).toBeLessThan(0.1);
    expect(Math.abs(result.records - inWindow.length) / inWindow.length).toBeLessThan(0.1);
    expect(top?.share).toBeGreaterThan(0.35);
    expect(top?.share).toBeLessThan(0.45);
    // Every hot write is a 2,500-byte item (a put over one of the same size: the larger of old and new), every cold one 500 bytes.
    expect(top?.writeUnits).toBe(3 * (top?.writes ?? 0));
    for (const row of result.topPartitions.slice(1)) expect(row.writeUnits).toBe(row.writes);
    expect(result.writeUnits).toBe(3 * (top?.writes ?? 0) + result.topPartitions.slice(1).reduce((sum, row) => sum + row.writes, 0));
    expect(top?.peakWriteUnitsPerSecond).toBeGreaterThan(0);
    expect(top?.ofPartitionLimit).toBeCloseTo((top?.peakWriteUnitsPerSecond ?? 0) / 1_000, 10);
    expect(result.distinctPartitions).toEqual({ value: new Set(inWindow.map((write) => write.pk)).size, approximate: false });
    // Every key is listed (fewer than 20), so the table's write units are the rows' sum.
    expect(result.topPartitions).toHaveLength(result.distinctPartitions.value);
    expect(result.events.INSERT + result.events.MODIFY + result.events.REMOVE).toBe(result.records);

    // Per partition + sort key: the hot key's four items, each about a quarter of its writes.
    const hotItems = (result.topItems ?? []).filter((row) => keyOf(row) === HOT);
    expect(hotItems.map((row) => row.sortKey).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([{ N: "0" }, { N: "1" }, { N: "2" }, { N: "3" }]);
    expect(hotItems.reduce((sum, row) => sum + row.writes, 0)).toBe(top?.writes);

    // The heat rows are the top keys, in the sample's window.
    expect(result.heat.keys[0]?.key).toEqual({ S: HOT });
    expect(result.heat.periodSeconds).toBe(1);
    expect(result.reads.getRecordsCalls).toBeGreaterThan(0);
    expect(result.reads.throttledCalls).toBe(0);
    expect(job.progress.itemsRead).toBe(result.records);

    // A viewer gets the same job with every key digested.
    const asViewer = (await finishedAs(jobRoute.GET, VIEWER, id)) as Job;
    expect(asViewer.keysDigested).toBe(true);
    expect(asViewer.result?.topPartitions[0]?.key).toMatchObject({ REDACTED: "S", digest: keyDigest(HOT) });
    expect(JSON.stringify(asViewer.result)).not.toContain("device-");

    // The diagnosis reads it as the latest stream sample, the hot key first.
    const engineer = accessFor({ user: "e", role: "engineer" }, { redactAttributes: [], viewerShowsKeys: false });
    const fed = jobInputs(LOCAL_SCOPE, TABLE, engineer);
    expect(fed.input.streamSample?.topPartitions[0]?.key).toBe(HOT);
    expect(fed.inputs.streamSample?.window).toEqual(result.window);
  });

  it("stops at maxRecords with stopReason sample-size", async () => {
    const writer = writeSteadily(stack.fixtures);
    const started = await post(TABLE, { kind: "stream-sample", durationSeconds: 30, maxRecords: 50 });
    expect(started.status, started.text).toBe(202);
    const job = (await finishedAs(jobRoute.GET, ENGINEER, (JSON.parse(started.text) as { id: string }).id)) as Job;
    await writer.stop();
    expect(job).toMatchObject({ status: "succeeded", stopReason: "sample-size", progress: { fraction: 1 } });
    expect(job.result?.records).toBe(50);
  });

  it("answers 409 naming the command that turns a stream on, for a table without one", async () => {
    const { status, text } = await post(PLAIN, { kind: "stream-sample", durationSeconds: 10 });
    expect(status).toBe(409);
    expect(text).toContain(`aws dynamodb update-table --table-name ${PLAIN} --stream-specification StreamEnabled=true,StreamViewType=KEYS_ONLY`);
    expect(text).toMatch(/KEYS_ONLY is enough to count writes/);
  });

  it("answers 400 for a duration over the server's cap, and for one over the schema's", async () => {
    const over = await post(TABLE, { kind: "stream-sample", durationSeconds: 31 });
    expect(over.status).toBe(400);
    expect(over.text).toContain("STREAM_SAMPLE_MAX_SECONDS");
    expect((await post(TABLE, { kind: "stream-sample", durationSeconds: 3_601 })).status).toBe(400);
  });

  it("is for engineers only", async () => {
    expect((await post(TABLE, { kind: "stream-sample", durationSeconds: 5 }, VIEWER)).status).toBe(403);
  });
});
