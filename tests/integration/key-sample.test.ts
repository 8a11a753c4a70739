import { PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { gini } from "@/lib/jobs/gini";
import type { JobResponse, KeySampleJob } from "@/lib/jobs/job-types";
import { JobRegistry } from "@/lib/server/jobs/job-registry";
import { startKeySample } from "@/lib/server/jobs/key-sample";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";
import { deleteJob, getJob, latestJob, postJob } from "../support/audit-fixtures";
import { finishedSample, keyText, seed, startSample, topKeys, zipfItems, type ZipfTruth } from "../support/key-sample-fixtures";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { sizedItem } from "../support/sized-items";

// Each test file has its own module graph, so lib/env.ts parses this TABLES value afresh.
vi.stubEnv("TABLES", "it-keys-*");

const ZIPF = "it-keys-Zipf";
const SMALL = "it-keys-Small";
const RECENT = "it-keys-Recent";
// Used for nothing but the 409 test: the metrics cache would otherwise remember an earlier, throttle-free hour.
const OTHER = "it-keys-Other";
const fixtures = fixtureClient();
const generous = { rcuBudget: 100_000, rcuPerSecond: 10_000 };
let truth: ZipfTruth;

beforeAll(async () => {
  const simple = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }], BillingMode: "PAY_PER_REQUEST" as const };
  await createTables(fixtures, [
    {
      TableName: ZIPF,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "tenant", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "region", AttributeType: "S" },
        { AttributeName: "n", AttributeType: "N" },
      ],
      KeySchema: [{ AttributeName: "tenant", KeyType: "HASH" }, { AttributeName: "id", KeyType: "RANGE" }],
      GlobalSecondaryIndexes: [{ IndexName: "ByRegion", KeySchema: [{ AttributeName: "region", KeyType: "HASH" }, { AttributeName: "id", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }],
      LocalSecondaryIndexes: [{ IndexName: "ByN", KeySchema: [{ AttributeName: "tenant", KeyType: "HASH" }, { AttributeName: "n", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } }],
    },
    {
      TableName: SMALL,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    },
    { TableName: RECENT, ...simple },
    { TableName: OTHER, ...simple },
  ]);
  const seeded = zipfItems();
  truth = seeded.truth;
  await seed(fixtures, ZIPF, seeded.items);
  await putAll(fixtures, SMALL, Array.from({ length: 300 }, (_, i) => sizedItem({ pk: { S: `k${i % 30}` }, sk: { N: String(i) } }, 2_000 + i)));
  await putAll(fixtures, RECENT, Array.from({ length: 20 }, (_, i) => sizedItem({ pk: { S: `k${i}` } }, 200)));
});

afterAll(() => fixtures.destroy());

const recall = (found: string[], expected: string[]) => found.filter((key) => expected.includes(key)).length / expected.length;

describe("key sample: full scan", () => {
  it("finds the top 10 keys by items and by bytes exactly, with exact concentration, labelled as storage skew", async () => {
    const job = await finishedSample(await startSample(ZIPF, { mode: "full", segments: 4, ...generous }));
    expect(job).toMatchObject({ status: "succeeded", stopReason: "end", kind: "key-sample", throttle: null });
    expect(job.params).toEqual({ kind: "key-sample", mode: "full", segments: 4, index: null, acknowledgeRecentThrottling: false, ...generous });
    const { result } = job;
    expect(result).toMatchObject({ skew: "storage", sampling: "full-scan", partitionKey: "tenant", index: null, complete: true, itemsRead: truth.total, sampleSize: truth.total });
    expect(result.rateLimit).toEqual({ rcuPerSecond: 10_000, source: "request" });
    const byItems = topKeys(truth.byTenant, "items", 10);
    const byBytes = topKeys(truth.byTenant, "bytes", 11);
    // No tie at the 10th place, so "exactly" has one meaning.
    expect(byBytes[9]?.[1]).toBeGreaterThan(byBytes[10]?.[1] ?? 0);
    expect(result.topByItems.slice(0, 10).map((entry) => [keyText(entry), entry.items])).toEqual(byItems);
    expect(result.topByBytes.slice(0, 10).map((entry) => [keyText(entry), entry.bytes])).toEqual(byBytes.slice(0, 10));
    expect(result.topByItems).toHaveLength(20);
    expect(result.topByItems.every((entry) => entry.maxOverestimate === 0)).toBe(true);
    expect(result.distinctKeys).toEqual({ value: 2_000, approximate: false, relativeError: null });
    expect(result.counting.mode).toBe("exact");
    const items = [...truth.byTenant.values()].map((tally) => tally.items);
    expect(result.concentration.items.top1Share).toBeCloseTo(2_400 / truth.total, 10);
    expect(result.concentration.items.top10Share).toBeCloseTo(byItems.reduce((sum, [, count]) => sum + count, 0) / truth.total, 10);
    expect(result.concentration.items.gini).toBeCloseTo(gini(items) ?? -1, 10);
    expect(result.concentration.approximate).toBe(false);
    // DynamoDB Local updates ItemCount at once; AWS refreshes it about every six hours, hence "approximate".
    expect(result.coverage).toEqual({ itemsScanned: truth.total, itemCount: truth.total, fraction: 1, of: "table", approximate: true });
    expect(result.notes[0]).toMatch(/^Storage skew/);
    expect(result.notes[1]).toBe(`Based on a full scan of ${truth.total.toLocaleString("en-US")} items.`);
    expect(result.warnings).toEqual([]);
    expect(job.progress).toMatchObject({ itemsRead: truth.total, fraction: 1, segmentsDone: 4 });
  });

  it("reads a GSI itself in full mode and ranks its partition keys exactly", async () => {
    const { result } = await finishedSample(await startSample(ZIPF, { mode: "full", segments: 2, index: "ByRegion", ...generous }));
    expect(result).toMatchObject({ sampling: "full-scan", index: "ByRegion", partitionKey: "region", complete: true, sampleSize: truth.total });
    const byItems = topKeys(truth.byRegion, "items", 11);
    expect(byItems[9]?.[1]).toBeGreaterThan(byItems[10]?.[1] ?? 0);
    expect(result.topByItems.slice(0, 10).map((entry) => [keyText(entry), entry.items])).toEqual(byItems.slice(0, 10));
    // ALL projection: the index entry is the whole item, so bytes match the table's.
    expect(result.topByBytes.slice(0, 5).map((entry) => [keyText(entry), entry.bytes])).toEqual(topKeys(truth.byRegion, "bytes", 5));
    expect(result.coverage.of).toBe("index");
  });

  it("stays within bounded memory on a real Scan: past the exact cap it summarises and still finds the top keys", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const request = { kind: "key-sample", mode: "full", segments: 4, ...generous } as const;
    const started = await startKeySample(LOCAL_SCOPE, ZIPF, request, { registry, aggregator: { exactKeyCap: 300, summaryCounters: 200, tailSampleKeys: 300 } });
    const job = (await registry.whenFinished(LOCAL_SCOPE, started.id)) as KeySampleJob;
    const result = job.result;
    expect(result?.counting).toEqual({ mode: "summary", exactKeyCap: 300, summaryCounters: 200 });
    // Space-Saving ranks keys by counts that may overstate by up to maxOverestimate, and the four segments interleave
    // differently on every run, so keys with near-equal counts may swap near the cut. What it guarantees: each
    // reported count bounds the truth from above within its stated error, and no key far outside the top is reported.
    const top = result?.topByItems.slice(0, 10) ?? [];
    expect(top.map(keyText).slice(0, 5)).toEqual(topKeys(truth.byTenant, "items", 5).map(([key]) => key));
    const nearTop = new Set(topKeys(truth.byTenant, "items", 13).map(([key]) => key));
    for (const entry of top) {
      const trueCount = truth.byTenant.get(keyText(entry))?.items ?? 0;
      expect(nearTop.has(keyText(entry)), keyText(entry)).toBe(true);
      expect(trueCount).toBeLessThanOrEqual(entry.items);
      expect(trueCount).toBeGreaterThanOrEqual(entry.items - entry.maxOverestimate);
    }
    expect(result?.distinctKeys.approximate).toBe(true);
    expect(Math.abs((result?.distinctKeys.value ?? 0) - 2_000) / 2_000).toBeLessThan(0.03);
    expect(result?.concentration.approximate).toBe(true);
    expect(Math.abs((result?.concentration.items.gini ?? 0) - (gini([...truth.byTenant.values()].map((tally) => tally.items)) ?? 0))).toBeLessThan(0.05);
    expect(result?.notes.some((note) => note.startsWith("More than 300 distinct keys"))).toBe(true);
  });
});

describe("key sample: sampling and budget", () => {
  it("with a 10% sample of the base table, recalls at least 8 of a GSI key's true top 10 by items and by bytes", async () => {
    const sampleSize = Math.round(truth.total / 10);
    const { result } = await finishedSample(await startSample(ZIPF, { mode: "sample", sampleSize, segments: 4, index: "ByRegion", ...generous }));
    expect(result).toMatchObject({ sampling: "spread", partitionKey: "region", complete: false, itemsRead: sampleSize, sampleSize });
    expect(result.coverage).toMatchObject({ itemsScanned: sampleSize, of: "table" });
    expect(result.coverage.fraction).toBeCloseTo(sampleSize / truth.total, 10);
    const items = recall(result.topByItems.slice(0, 10).map(keyText), topKeys(truth.byRegion, "items", 10).map(([key]) => key));
    const bytes = recall(result.topByBytes.slice(0, 10).map(keyText), topKeys(truth.byRegion, "bytes", 10).map(([key]) => key));
    expect(items).toBeGreaterThanOrEqual(0.8);
    expect(bytes).toBeGreaterThanOrEqual(0.8);
    expect(result.notes[1]).toMatch(/^Based on a sample of 1,9\d\d table items, counted by the index key/);
  });

  it("labels a sample of the table's own key as whole keys: every count it reports is a lower bound of the truth", async () => {
    const sampleSize = Math.round(truth.total / 10);
    const { result } = await finishedSample(await startSample(ZIPF, { mode: "sample", sampleSize, segments: 4, ...generous }));
    expect(result).toMatchObject({ sampling: "whole-keys", partitionKey: "tenant", itemsRead: sampleSize, complete: false });
    for (const entry of result.topByItems) expect(entry.items).toBeLessThanOrEqual(truth.byTenant.get(keyText(entry))?.items ?? 0);
    expect(result.notes[1]).toMatch(/the table's largest keys may not be among them\. A full scan finds them\.$/);
  });

  it("never overshoots the RCU budget by more than one page", async () => {
    const job = await finishedSample(await startSample(ZIPF, { mode: "full", segments: 4, rcuBudget: 20, rcuPerSecond: 10_000 }));
    expect(job).toMatchObject({ status: "succeeded", stopReason: "budget" });
    const { rcuUsed, maxPageRcu, itemsRead, complete } = job.result;
    expect(rcuUsed).toBeLessThanOrEqual(20 + maxPageRcu);
    expect(rcuUsed).toBeGreaterThanOrEqual(19.5);
    expect(itemsRead).toBeGreaterThan(0);
    expect(itemsRead).toBeLessThan(truth.total);
    expect(complete).toBe(false);
    expect(job.result.notes).toContain("The read stopped early because it reached its RCU budget.");
  });

  it("defaults the rate to 25 RCU/s on an on-demand table", async () => {
    const job = await finishedSample(await startSample(SMALL, { mode: "full", segments: 2, rcuBudget: 1_000 }));
    expect(job.params.rcuPerSecond).toBe(25);
    expect(job.result.rateLimit).toEqual({ rcuPerSecond: 25, source: "on-demand-default" });
    expect(job.result).toMatchObject({ complete: true, sampleSize: 300, distinctKeys: { value: 30 } });
  });
});

describe("key sample: jobs API", () => {
  it("keeps the result readable as the table's latest key sample", async () => {
    const job = await finishedSample(await startSample(SMALL, { mode: "full", segments: 1, ...generous }));
    const { status, body } = await latestJob(SMALL, "key-sample");
    expect(status).toBe(200);
    expect((body as JobResponse).job).toMatchObject({ id: job.id, kind: "key-sample", status: "succeeded" });
    expect((await latestJob(OTHER, "key-sample")).body).toEqual({ job: null });
  });

  it("cancels with DELETE, keeping a partial result; answers 409 for a second sample of a busy table and 429 past the limit", async () => {
    const slow = { mode: "full", segments: 1, rcuBudget: 1_000, rcuPerSecond: 1 };
    const id = await startSample(SMALL, slow);
    await vi.waitFor(async () => expect(((await getJob(id)).body as JobResponse).job.progress.itemsRead).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    const twin = await postJob(SMALL, { kind: "key-sample", ...slow });
    const other = await startSample(ZIPF, slow);
    const refused = await postJob(OTHER, { kind: "key-sample", ...slow });
    const cancelled = (await deleteJob(id)).body as { job: KeySampleJob };
    await deleteJob(other);
    expect(twin.status).toBe(409);
    expect(twin.body).toEqual({ error: { code: "CONFLICT", message: expect.stringContaining("A key-sample job of table it-keys-Small is already running") } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(cancelled.job).toMatchObject({ status: "cancelled", stopReason: "cancelled", error: null });
    expect(cancelled.job.result?.itemsRead).toBeGreaterThan(0);
    expect(cancelled.job.result?.itemsRead).toBeLessThan(300);
    expect(cancelled.job.result?.sampleSize).toBe(cancelled.job.result?.itemsRead);
    expect(cancelled.job.result?.notes).toContain("The read stopped early because it was cancelled.");
  });

  it.each([
    ["an LSI", { index: "ByN" }, "index: ByN is a local secondary index; it shares the table's partition key, so sample the table instead."],
    ["an unknown index", { index: "Nope" }, 'index: table "it-keys-Zipf" has no global secondary index "Nope".'],
    ["a size-audit field", { thresholdBytes: 10 }, expect.stringContaining("thresholdBytes")],
    ["a sample without a size", { mode: "sample" }, "sampleSize: is required in sample mode"],
    ["a non-boolean acknowledgement", { acknowledgeRecentThrottling: "yes" }, "acknowledgeRecentThrottling: must be true or false"],
  ])("answers 400 for %s", async (_name, change, message) => {
    const { status, body } = await postJob(ZIPF, { kind: "key-sample", mode: "full", segments: 1, rcuBudget: 10, ...change });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "BAD_REQUEST", message } });
  });

  it("answers 404 for a hidden table", async () => {
    expect((await postJob("it-hidden-keys", { kind: "key-sample", mode: "full", segments: 1, rcuBudget: 10 })).status).toBe(404);
  });
});

describe("key sample: recent throttling", () => {
  it("answers 409 when the table throttled in the last hour, and starts once that is acknowledged", async () => {
    const cloudwatch = localCloudWatchClient(inject("cloudwatchEndpoint"));
    const at = new Date(Date.now() - 10 * 60_000);
    await cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: "AWS/DynamoDB",
        MetricData: [
          { MetricName: "ReadThrottleEvents", Dimensions: [{ Name: "TableName", Value: RECENT }], Timestamp: at, Value: 5, Unit: "Count" },
          { MetricName: "WriteThrottleEvents", Dimensions: [{ Name: "TableName", Value: RECENT }], Timestamp: at, Value: 2, Unit: "Count" },
        ],
      }),
    );
    cloudwatch.destroy();
    const body = { kind: "key-sample", mode: "full", segments: 1, ...generous };
    const refused = await postJob(RECENT, body);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: "CONFLICT",
        message: `Table ${RECENT} throttled 7 times in the last hour (read and write throttle events of the table and its GSIs); sampling adds read load. Resend with "acknowledgeRecentThrottling": true to proceed.`,
      },
    });
    const job = await finishedSample(await startSample(RECENT, { ...body, acknowledgeRecentThrottling: true }));
    expect(job.params.acknowledgeRecentThrottling).toBe(true);
    expect(job.result.warnings).toEqual([`Table ${RECENT} throttled 7 times in the last hour; the sample was started anyway (acknowledgeRecentThrottling).`]);
  });

  it("proceeds with a warning when CloudWatch cannot be read", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const reason = "CloudWatch failed: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9";
    const started = await startKeySample(LOCAL_SCOPE, SMALL, { kind: "key-sample", mode: "full", segments: 1, ...generous }, { registry, checkRecentThrottling: async () => ({ checked: false, reason }) });
    const job = (await registry.whenFinished(LOCAL_SCOPE, started.id)) as KeySampleJob;
    expect(job.status).toBe("succeeded");
    expect(job.result?.warnings).toEqual([`Recent throttling could not be checked, so the sample started without that check: ${reason}`]);
  });
});
