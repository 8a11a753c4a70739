import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as tableJobsRoute from "@/app/api/tables/[table]/jobs/route";
import type { JobResponse, SizeAuditJob, SizeAuditResult } from "@/lib/jobs/job-types";
import { balancedItem, deleteJob, finishedJob, getJob, latestJob, postJob, startAudit } from "../support/audit-fixtures";
import { putAll } from "../support/items-fixtures";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { sizedItem } from "../support/sized-items";

// Each test file has its own module graph, so lib/env.ts parses this TABLES value afresh.
vi.stubEnv("TABLES", "it-audit-*");

const SIZES = "it-audit-Sizes";
const LSI = "it-audit-Lsi";
const MANY = "it-audit-Many";
const HIDDEN = "it-hidden-audit";
const fixtures = fixtureClient();
const keyed = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }, { AttributeName: "sk", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }, { AttributeName: "sk", KeyType: "RANGE" as const }], BillingMode: "PAY_PER_REQUEST" as const };
const key = (pk: string, sk = "0") => ({ pk: { S: pk }, sk: { S: sk } });

/** [pk, bytes, whether one attribute dominates]: sizes chosen to land in each bucket, all distinct among the largest. */
const SEEDED: Array<[string, number, boolean]> = [
  ...Array.from({ length: 40 }, (_, i): [string, number, boolean] => [`small-${i}`, 500 + i, true]),
  ...[2_000, 2_001, 2_002, 2_003, 2_004].map((bytes, i): [string, number, boolean] => [`two-k-${i}`, bytes, true]),
  ...[5_000, 5_001, 5_002, 5_003].map((bytes, i): [string, number, boolean] => [`five-k-${i}`, bytes, false]),
  ...[20_000, 20_001, 20_002].map((bytes, i): [string, number, boolean] => [`twenty-k-${i}`, bytes, false]),
  ["seventy-k-0", 70_000, true],
  ["seventy-k-1", 70_001, true],
  ["three-hundred-k-0", 300_000, false],
  ["three-hundred-k-1", 300_001, false],
  ["high-0", 358_400, true],
  ["high-1", 400_000, false],
  ["limit", 409_600, true],
];
const itemOf = ([pk, bytes, dominated]: [string, number, boolean]) => (dominated ? sizedItem(key(pk), bytes) : balancedItem(key(pk), bytes));
const bySize = [...SEEDED].sort((a, b) => b[1] - a[1]);

beforeAll(async () => {
  await createTables(fixtures, [
    { TableName: SIZES, ...keyed },
    { TableName: MANY, ...keyed },
    { TableName: HIDDEN, ...keyed },
    {
      TableName: LSI,
      ...keyed,
      AttributeDefinitions: [...keyed.AttributeDefinitions, { AttributeName: "rank", AttributeType: "N" }],
      LocalSecondaryIndexes: [{ IndexName: "ByRank", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "rank", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }],
    },
  ]);
  // A few at a time: BatchWriteItem takes at most 16 MB, and some of these items are 400 KB.
  for (let start = 0; start < SEEDED.length; start += 5) await putAll(fixtures, SIZES, SEEDED.slice(start, start + 5).map(itemOf));
  await putAll(fixtures, MANY, Array.from({ length: 400 }, (_, i) => sizedItem(key(`many-${i}`), 2_000)));
  const ranked = (pk: string, sk: string, bytes: number): Record<string, AttributeValue> => sizedItem({ ...key(pk, sk), rank: { N: sk } }, bytes);
  await putAll(fixtures, LSI, [
    ranked("a", "1", 1_000), ranked("a", "2", 1_000), ranked("a", "3", 1_000), // 3 × 1,000 bytes, each copied to the ALL LSI: 6,000
    sizedItem(key("b", "1"), 5_000), sizedItem(key("b", "2"), 5_000), // no rank: not in the LSI: 10,000
    ranked("c", "1", 20_000), // 40,000
    ...Array.from({ length: 30 }, (_, i) => sizedItem(key(`d${i}`, "1"), 100 + i)), // 30 small collections, below the top 20
  ]);
});

afterAll(() => fixtures.destroy());

async function audit(table: string, body: Record<string, unknown>): Promise<SizeAuditJob & { result: SizeAuditResult }> {
  const job = await finishedJob(await startAudit(table, body));
  expect(job.error).toBeNull();
  expect(job.result).not.toBeNull();
  return job as SizeAuditJob & { result: SizeAuditResult };
}

const generous = { rcuBudget: 100_000, rcuPerSecond: 10_000 };

describe("size audit: full scan", () => {
  it("finds exactly the histogram, largest items, threshold list and dominant attributes", async () => {
    const job = await audit(SIZES, { mode: "full", segments: 4, thresholdBytes: 300_000, ...generous });
    expect(job).toMatchObject({ status: "succeeded", stopReason: "end", throttle: null, table: SIZES, kind: "size-audit" });
    expect(job.params).toEqual({ kind: "size-audit", mode: "full", segments: 4, thresholdBytes: 300_000, ...generous });
    expect(job.progress).toMatchObject({ itemsRead: 59, segmentsDone: 4, segments: 4, fraction: 1, etaMs: null });
    const { result } = job;
    expect(result).toMatchObject({ mode: "full", itemsRead: 59, complete: true });
    expect(result.histogram.map((bucket) => [bucket.label, bucket.count])).toEqual([
      ["< 1 KB", 40], ["1–4 KB", 5], ["4–16 KB", 4], ["16–64 KB", 3], ["64–256 KB", 2], ["256–350 KB", 2], ["≥ 350 KB", 3],
    ]);
    const total = SEEDED.reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(result.stats).toMatchObject({ count: 59, totalBytes: total, meanBytes: total / 59, maxBytes: 409_600, percentilesApproximate: true, percentileRelativeError: 0.01 });
    const median = [...SEEDED].sort((a, b) => a[1] - b[1])[29]?.[1] ?? 0;
    expect(Math.abs((result.stats.p50Bytes ?? 0) - median)).toBeLessThanOrEqual(median * 0.01);
    expect(result.largest.map((item) => [item.key, item.bytes])).toEqual(bySize.slice(0, 20).map(([pk, bytes]) => [key(pk), bytes]));
    // The key takes 10 bytes ("pk" + "limit", "sk" + "0"); the padding attribute holds the rest.
    expect(result.largest[0]?.biggestAttribute).toEqual({ name: "pad", bytes: 409_590, share: 409_590 / 409_600 });
    expect(result.overThreshold).toMatchObject({ thresholdBytes: 300_000, count: 5, truncated: false });
    expect(result.overThreshold.items.map((item) => [item.key, item.bytes])).toEqual(bySize.slice(0, 5).map(([pk, bytes]) => [key(pk), bytes]));
    const dominated = bySize.filter(([, bytes, dominant]) => dominant && bytes >= 1_024);
    expect(result.dominantAttributes).toMatchObject({ count: 9, truncated: false, byAttribute: [{ name: "pad", count: 9 }] });
    expect(result.dominantAttributes.items.map((item) => [item.key, item.bytes, item.attribute])).toEqual(dominated.map(([pk, bytes]) => [key(pk), bytes, "pad"]));
    expect(result.tableEstimate).toMatchObject({ itemCount: 59, approximate: true });
    expect(result.itemCollections).toBeNull();
    expect(result.findings[0]).toEqual({ severity: "high", text: expect.stringContaining("3 items are 350 KB or larger") });
    expect(result.findings.at(-1)).toEqual({ severity: "info", text: "Based on a full scan of 59 items." });
    expect(result.rcuUsed).toBeGreaterThan(0);
  });

  it("sizes item collections with their LSI copies, largest first", async () => {
    const { result } = await audit(LSI, { mode: "full", segments: 3, ...generous });
    expect(result.itemCollections).toMatchObject({ limitBytes: 10 * 1024 ** 3, indexes: ["ByRank"], partial: false });
    const largest = result.itemCollections?.largest ?? [];
    expect(largest).toHaveLength(20);
    expect(largest.slice(0, 4).map(({ partitionKey, bytes, items, partial }) => [partitionKey, bytes, items, partial])).toEqual([
      [{ S: "c" }, 40_000, 1, false],
      [{ S: "b" }, 10_000, 2, false],
      [{ S: "a" }, 6_000, 3, false],
      [{ S: "d29" }, 129, 1, false],
    ]);
    expect(largest[19]?.bytes).toBe(113);
  });

  it("keeps the result readable as the table's latest audit", async () => {
    const job = await audit(MANY, { mode: "full", segments: 2, ...generous });
    const { status, body } = await latestJob(MANY, "size-audit");
    expect(status).toBe(200);
    expect((body as { job: SizeAuditJob }).job).toMatchObject({ id: job.id, status: "succeeded" });
    expect((await latestJob(HIDDEN.replace("hidden", "nothing"), "size-audit")).status).toBe(404);
  });
});

describe("size audit: sampling, budget and cancel", () => {
  it("reads the sample size, spread over the segments", async () => {
    const job = await audit(MANY, { mode: "sample", sampleSize: 100, segments: 4, ...generous });
    expect(job).toMatchObject({ status: "succeeded", stopReason: "sample-size" });
    expect(job.result.itemsRead).toBe(100);
    expect(job.result.stats.count).toBe(100);
    expect(job.result.complete).toBe(false);
    expect(job.result.findings.at(-1)?.text).toMatch(/^Based on a sample of 100 items\./);
  });

  it("stops at the RCU budget, overshooting by at most one page", async () => {
    const job = await audit(MANY, { mode: "full", segments: 4, rcuBudget: 5, rcuPerSecond: 10_000 });
    expect(job).toMatchObject({ status: "succeeded", stopReason: "budget" });
    const { rcuUsed, maxPageRcu, itemsRead } = job.result;
    expect(rcuUsed).toBeLessThanOrEqual(5 + maxPageRcu);
    expect(rcuUsed).toBeGreaterThanOrEqual(4.5);
    expect(maxPageRcu).toBeLessThanOrEqual(5);
    expect(itemsRead).toBeGreaterThan(0);
    expect(itemsRead).toBeLessThan(400);
    expect(job.progress.rcuUsed).toBe(rcuUsed);
    expect(job.result.findings.at(-1)?.text).toContain("because it reached its RCU budget");
  });

  it("cancels a running audit with DELETE, keeping a partial result", async () => {
    // 1 RCU/s against ~0.5 RCU pages: slow enough to catch it running.
    const id = await startAudit(MANY, { mode: "full", segments: 2, rcuBudget: 1_000, rcuPerSecond: 1 });
    await vi.waitFor(async () => expect(((await getJob(id)).body as JobResponse).job.progress.itemsRead).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    const { status, body } = await deleteJob(id);
    expect(status).toBe(200);
    const job = (body as { job: SizeAuditJob }).job;
    expect(job).toMatchObject({ status: "cancelled", stopReason: "cancelled", error: null });
    expect(job.result?.itemsRead).toBeGreaterThan(0);
    expect(job.result?.itemsRead).toBeLessThan(400);
    expect(job.result?.stats.count).toBe(job.result?.itemsRead);
    // Idempotent once finished.
    expect((await deleteJob(id)).body).toEqual(body);
  });

  it("answers 429 past MAX_CONCURRENT_JOBS (2), and 409 for a second audit of a busy table", async () => {
    const slow = { mode: "full", segments: 1, rcuBudget: 1_000, rcuPerSecond: 1 };
    const ids = [await startAudit(MANY, slow), await startAudit(SIZES, slow)];
    const conflict = await postJob(MANY, { kind: "size-audit", ...slow });
    const refused = await postJob(LSI, { kind: "size-audit", ...slow });
    for (const id of ids) expect(((await deleteJob(id)).body as JobResponse).job.status).toBe("cancelled");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(refused.body).toEqual({ error: { code: "THROTTLED", message: expect.stringContaining("MAX_CONCURRENT_JOBS") } });
    // With the registry full, the limit answers first.
    expect(conflict.status).toBe(429);
    const again = await startAudit(LSI, slow);
    const twin = await postJob(LSI, { kind: "size-audit", ...slow });
    await deleteJob(again);
    expect(twin.status).toBe(409);
  });
});

describe("jobs API: validation and errors", () => {
  const body = { kind: "size-audit", mode: "full", rcuBudget: 10, rcuPerSecond: 10, segments: 1 };

  it.each([
    ["not JSON", "{", "The request body is not valid JSON."],
    ["an unknown kind", { ...body, kind: "vacuum" }, "kind: must be one of size-audit, key-sample, stream-sample, entities"],
    // The kind picks the schema: a size-audit field on a key sample is an unknown key.
    ["a key sample with a size-audit field", { ...body, kind: "key-sample", thresholdBytes: 1_024 }, expect.stringContaining("thresholdBytes")],
    ["an unknown key", { ...body, force: true }, expect.stringContaining("force")],
    ["too many segments", { ...body, segments: 17 }, "segments: must be at most 16"],
    ["a budget of 0", { ...body, rcuBudget: 0 }, "rcuBudget: must be at least 1"],
    ["a threshold over 400 KB", { ...body, thresholdBytes: 409_601 }, "thresholdBytes: must be at most 409,600"],
    ["a sample without a size", { ...body, mode: "sample" }, "sampleSize: is required in sample mode"],
    ["an array", [body], expect.any(String)],
  ])("answers 400 for %s", async (_name, payload, message) => {
    const { status, body: response } = await postJob(MANY, payload);
    expect(status).toBe(400);
    expect(response).toEqual({ error: { code: "BAD_REQUEST", message } });
  });

  it("answers 404 for a hidden or missing table, exactly alike", async () => {
    const hidden = await postJob(HIDDEN, body);
    const missing = await postJob("it-audit-missing", body);
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((hidden.body as { error: { message: string } }).error.message).toBe(`Table "${HIDDEN}" was not found in us-east-1 (account default).`);
    expect((missing.body as { error: { message: string } }).error.message).toBe(`Table "it-audit-missing" was not found in us-east-1 (account default).`);
    expect((await latestJob(HIDDEN, "size-audit")).status).toBe(404);
  });

  it("answers 404 for an unknown job id and 400 for a malformed one", async () => {
    const unknown = crypto.randomUUID();
    expect((await getJob(unknown)).status).toBe(404);
    expect((await deleteJob(unknown)).status).toBe(404);
    expect(await getJob("not-a-job")).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: "id: is not a job id" } } });
  });

  it("validates the kind on GET and answers 405 for other methods", async () => {
    expect((await latestJob(MANY)).status).toBe(400);
    expect((await latestJob(MANY, "vacuum")).status).toBe(400);
    expect((await latestJob(SIZES, "key-sample")).body).toEqual({ job: null });
    const put = await callRoute(tableJobsRoute.PUT, `/api/tables/${MANY}/jobs`, { table: MANY }, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    const post = await callRoute(jobRoute.POST, `/api/jobs/${crypto.randomUUID()}`, {}, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, DELETE");
  });
});
