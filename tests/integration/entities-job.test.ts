// The entity job (issue #17) through the real routes against DynamoDB Local: a full job's type counts equal a plain
// Scan counted by hand, a sample's estimates fall within their bounds, and the job behaves like the other scanning jobs.
import { ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as entitiesRoute from "@/app/api/tables/[table]/entities/route";
import * as jobsRoute from "@/app/api/tables/[table]/jobs/route";
import { itemSize } from "@/lib/dynamo/item-size";
import { toWireItem } from "@/lib/dynamo/wire-value";
import { entityTypeOf } from "@/lib/entities/classify-item";
import type { EntitiesJob, EntitiesResponse } from "@/lib/entities/entities-job-types";
import type { EntityModel } from "@/lib/entities/entity-types";
import type { JobResponse } from "@/lib/jobs/job-types";
import { ENGINEER, VIEWER, callAs, finishedAs } from "../support/auth-fixtures";
import { DRIFTING_PRODUCTS, shopModelItems, shopTable, typeByHand } from "../support/entities-fixtures";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

// A fresh module graph per file: lib/env.ts parses these values when the routes first call env().
vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("ENGINEER_GROUPS", "sre,dba");
vi.stubEnv("TABLES", "it-entities-*");

const SHOP = "it-entities-Shop";
const fixtures = fixtureClient();
const generous = { rcuBudget: 100_000, rcuPerSecond: 10_000 };
/** Every item of the table, read with a plain Scan: the oracle's input. */
const scanned: Array<Record<string, AttributeValue>> = [];

beforeAll(async () => {
  await createTables(fixtures, [shopTable(SHOP)]);
  await putAll(fixtures, SHOP, shopModelItems());
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await fixtures.send(new ScanCommand({ TableName: SHOP, ExclusiveStartKey: start }));
    scanned.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
});

afterAll(() => fixtures.destroy());

const post = (body: unknown, who = ENGINEER, table = SHOP) => callAs(jobsRoute.POST, who, `/api/tables/${table}/jobs`, { table }, { method: "POST", body: JSON.stringify(body) });
const entities = (who = ENGINEER, table = SHOP) => callAs(entitiesRoute.GET, who, `/api/tables/${table}/entities`, { table });
const cancel = (id: string) => callAs(jobRoute.DELETE, ENGINEER, `/api/jobs/${id}`, { id }, { method: "DELETE" });

async function start(body: Record<string, unknown>): Promise<string> {
  const { status, text } = await post({ kind: "entities", ...body });
  expect(status, text).toBe(202);
  return (JSON.parse(text) as { id: string }).id;
}

async function run(body: Record<string, unknown>): Promise<EntitiesJob & { result: EntityModel }> {
  const job = (await finishedAs(jobRoute.GET, ENGINEER, await start(body))) as EntitiesJob;
  expect(job.error).toBeNull();
  expect(job.result).not.toBeNull();
  return job as EntitiesJob & { result: EntityModel };
}

function countByHand(): Map<string, { items: number; bytes: number }> {
  const counts = new Map<string, { items: number; bytes: number }>();
  for (const item of scanned) {
    const tally = counts.get(typeByHand(item)) ?? { items: 0, bytes: 0 };
    tally.items++;
    tally.bytes += itemSize(item);
    counts.set(typeByHand(item), tally);
  }
  return counts;
}

describe("entity job: a full scan", () => {
  it("counts every type exactly as a plain Scan counted by hand", async () => {
    const job = await run({ mode: "full", segments: 4, ...generous });
    expect(job).toMatchObject({ kind: "entities", status: "succeeded", stopReason: "end", table: SHOP });
    expect(job.params).toEqual({ kind: "entities", mode: "full", segments: 4, ...generous, rateSource: "request", entityAttribute: null });
    const model = job.result;
    expect(model).toMatchObject({ found: true, complete: true, itemsRead: scanned.length, estimate: { kind: "exact" } });
    const byHand = countByHand();
    const counted = Object.fromEntries(model.types.map((type) => [type.name, { items: type.items.value, bytes: type.bytes.value }]));
    expect(counted).toEqual(Object.fromEntries(byHand));
    for (const type of model.types) expect(type.items).toMatchObject({ low: type.items.value, high: type.items.value, exact: true });
    expect(model.unpatterned).toBeNull();
    // The classifier the UI will use agrees, item by item, with the rules written by hand.
    const mismatched = scanned.filter((item) => entityTypeOf(model, toWireItem(item))?.name !== typeByHand(item));
    expect(mismatched).toEqual([]);
  });

  it("maps the overloaded GSI, the sparse index, the collections and the drifting price", async () => {
    const { result: model } = await latestFull();
    const idOf = (name: string) => model.types.find((type) => type.name === name)?.id;
    const gsi1 = model.indexes.find((index) => index.name === "GSI1");
    expect(gsi1).toMatchObject({ kind: "GSI", overloaded: true, sparse: true });
    const patterns = Object.fromEntries((gsi1?.types ?? []).map((type) => [type.typeId, type.keyPatterns.find((key) => key.attribute === "GSI1PK")?.patterns.map((pattern) => pattern.text)]));
    expect(patterns).toEqual({ [idOf("order in customer") ?? "?"]: ["STATUS#{value}"], [idOf("product") ?? "?"]: ["CATEGORY#{value}"] });
    const inGsi1 = scanned.filter((item) => item.GSI1PK !== undefined).length;
    expect(gsi1?.items.value).toBe(inGsi1);
    expect(gsi1?.share.value).toBeCloseTo(inGsi1 / scanned.length, 10);

    const byEmail = model.indexes.find((index) => index.name === "ByEmail");
    const withEmail = scanned.filter((item) => item.email !== undefined).length;
    const profiles = scanned.filter((item) => typeByHand(item) === "profile of customer").length;
    expect(byEmail).toMatchObject({ sparse: true, overloaded: false, items: { value: withEmail, exact: true } });
    expect(byEmail?.share.value).toBeCloseTo(withEmail / scanned.length, 10);
    expect(byEmail?.types.map((type) => [type.typeId, type.items.value, type.shareOfType])).toEqual([[idOf("profile of customer"), withEmail, withEmail / profiles]]);

    const product = model.types.find((type) => type.name === "product");
    const price = product?.attributes.find((attribute) => attribute.name === "price");
    const products = scanned.filter((item) => typeByHand(item) === "product").length;
    expect(price).toMatchObject({ drift: true, types: [{ type: "N", count: products - DRIFTING_PRODUCTS }, { type: "S", count: DRIFTING_PRODUCTS }] });
    expect(model.types.flatMap((type) => type.attributes.filter((attribute) => attribute.drift).map((attribute) => `${type.name}.${attribute.name}`))).toEqual(["product.price"]);

    const customers = model.collections.patterns.find((pattern) => pattern.partitionPattern === "CUSTOMER#{id}");
    expect(customers?.members.map((member) => member.typeId).sort()).toEqual([idOf("address in customer"), idOf("order in customer"), idOf("profile of customer")].sort());
    const perCustomer = new Map<string, number>();
    for (const item of scanned) if (item.PK?.S?.startsWith("CUSTOMER#")) perCustomer.set(item.PK.S, (perCustomer.get(item.PK.S) ?? 0) + 1);
    expect(customers?.partitions.value).toBe(perCustomer.size);
    expect(model.collections.largestByItems[0]?.items).toBe(Math.max(...perCustomer.values()));
    expect(model.collections.limitBytes).toBeNull();
  });
});

/** The latest finished full job (the previous test's), through GET /entities. */
async function latestFull(): Promise<EntitiesJob & { result: EntityModel }> {
  const { status, text } = await entities();
  expect(status, text).toBe(200);
  const body = JSON.parse(text) as EntitiesResponse;
  expect(body).toMatchObject({ table: SHOP, keysDigested: false, job: { status: "succeeded", params: { mode: "full" } } });
  return body.job as EntitiesJob & { result: EntityModel };
}

describe("entity job: a sample", () => {
  // One segment: a Scan in DynamoDB Local's storage (hash) order, so each sample is the same on every run; the order
  // has nothing to do with the types, and a sample reads whole collections, the case the between-partition bounds are for.
  it.each([600, 1_000, 1_800])("estimates every type within its stated bounds from a sample of %i items", async (sampleSize) => {
    const job = await run({ mode: "sample", sampleSize, segments: 1, ...generous });
    expect(job).toMatchObject({ status: "succeeded", stopReason: "sample-size" });
    const model = job.result;
    expect(model.complete).toBe(false);
    expect(model.estimate).toMatchObject({ kind: "scaled", tableItemCount: scanned.length });
    expect(model.itemsRead).toBeGreaterThanOrEqual(sampleSize);
    expect(model.itemsRead).toBeLessThan(scanned.length);
    const byHand = countByHand();
    expect(model.types.map((type) => type.name).sort()).toEqual([...byHand.keys()].sort());
    const estimates = model.types.map((type) => ({ name: type.name, low: type.items.low, value: type.items.value, high: type.items.high, exact: type.items.exact, truth: byHand.get(type.name)?.items }));
    for (const estimate of estimates) {
      expect(estimate.exact).toBe(false);
      expect(estimate.truth, JSON.stringify(estimate)).toBeGreaterThanOrEqual(estimate.low);
      expect(estimate.truth, JSON.stringify(estimate)).toBeLessThanOrEqual(estimate.high ?? -1);
    }
  });
});

describe("entity job: cancel, conflicts and validation", () => {
  it("keeps a partial result when cancelled mid-run", async () => {
    // 1 RCU/s against ~0.5 RCU pages: slow enough to catch it running.
    const id = await start({ mode: "full", segments: 2, rcuBudget: 1_000, rcuPerSecond: 1 });
    await vi.waitFor(async () => expect(((await finishedOrRunning(id)).progress.itemsRead)).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
    const { status, text } = await cancel(id);
    expect(status, text).toBe(200);
    const job = (JSON.parse(text) as JobResponse<EntitiesJob["params"], EntityModel>).job;
    expect(job).toMatchObject({ status: "cancelled", stopReason: "cancelled", error: null });
    expect(job.result?.complete).toBe(false);
    expect(job.result?.itemsRead).toBeGreaterThan(0);
    expect(job.result?.itemsRead).toBeLessThan(scanned.length);
    expect(job.result?.estimate.kind).toBe("scaled");
  });

  it("stops at the RCU budget with a partial, scaled model, and passes a configured entity attribute on", async () => {
    const job = await run({ mode: "full", segments: 2, rcuBudget: 3, rcuPerSecond: 10_000, entityAttribute: "kind" });
    expect(job).toMatchObject({ status: "succeeded", stopReason: "budget", params: { entityAttribute: "kind" } });
    expect(job.progress.rcuUsed).toBeGreaterThan(2);
    expect(job.result).toMatchObject({ complete: false, estimate: { kind: "scaled" } });
    expect(job.result.itemsRead).toBeGreaterThan(0);
    expect(job.result.itemsRead).toBeLessThan(scanned.length);
    // No item carries `kind`, so the model names its types from the keys alone.
    expect(job.result.entityAttribute).toBeNull();
    expect(job.result.types.every((type) => type.source === "keys")).toBe(true);
  });

  it("answers 409 while one runs on the table, and defaults the rate like the key sample", async () => {
    const id = await start({ mode: "full", segments: 1, rcuBudget: 1_000 });
    const running = await finishedOrRunning(id);
    // An on-demand table: the key sample's fixed default rate.
    expect(running.params).toMatchObject({ rcuPerSecond: 25, rateSource: "on-demand-default" });
    const twin = await post({ kind: "entities", mode: "full", segments: 1, rcuBudget: 10 });
    expect(twin.status, twin.text).toBe(409);
    expect(JSON.parse(twin.text)).toEqual({ error: { code: "CONFLICT", message: expect.stringContaining("entities job") } });
    expect(((JSON.parse((await cancel(id)).text) as JobResponse).job.status)).toBe("cancelled");
  });

  it.each([
    ["a sample without a size", { mode: "sample" }, "sampleSize: is required in sample mode"],
    ["a full scan with a size", { mode: "full", sampleSize: 10 }, "sampleSize: applies only to sample mode"],
    ["an empty entity attribute", { mode: "full", entityAttribute: "" }, "entityAttribute: must not be empty"],
    ["too many segments", { mode: "full", segments: 17 }, "segments: must be at most 16"],
    ["an unknown key", { mode: "full", index: "GSI1" }, expect.stringContaining("index")],
  ])("answers 400 for %s", async (_name, change, message) => {
    const { status, text } = await post({ kind: "entities", segments: 2, rcuBudget: 10, ...change });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ error: { code: "BAD_REQUEST", message } });
  });

  it("answers 404 for a missing table on POST and GET, and 405 for other methods on /entities", async () => {
    expect((await post({ kind: "entities", mode: "full", segments: 1, rcuBudget: 10 }, ENGINEER, "it-entities-missing")).status).toBe(404);
    expect((await entities(ENGINEER, "it-entities-missing")).status).toBe(404);
    expect((await entities(ENGINEER, "not-exposed")).status).toBe(404);
    const put = await callAs(entitiesRoute.POST, ENGINEER, `/api/tables/${SHOP}/entities`, { table: SHOP }, { method: "POST", body: "{}" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET");
  });
});

describe("entity job: a viewer", () => {
  it("is refused a start with 403, and gets the latest result with example keys digested", async () => {
    const refused = await post({ kind: "entities", mode: "full", segments: 1, rcuBudget: 10 }, VIEWER);
    expect(refused.status).toBe(403);
    await run({ mode: "full", segments: 2, ...generous });
    const engineer = await entities(ENGINEER);
    expect(engineer.text).toMatch(/CUSTOMER#C\d{4}/);
    const { status, text } = await entities(VIEWER);
    expect(status, text).toBe(200);
    const body = JSON.parse(text) as EntitiesResponse;
    expect(body.keysDigested).toBe(true);
    expect(body.job?.keysDigested).toBe(true);
    // No key value anywhere: example keys and largest collections are digests; patterns keep only literals.
    expect(text).not.toMatch(/(CUSTOMER|PRODUCT|ORDER|REVIEW|ADDRESS)#[A-Z]?\d/);
    const example = body.job?.result?.types[0]?.exampleKeys[0];
    expect(example?.PK).toMatchObject({ REDACTED: "S", digest: expect.stringMatching(/^#[0-9a-f]{10}$/) });
    expect(body.job?.result?.collections.largestByItems[0]?.partitionKey).toMatchObject({ REDACTED: "S", digest: expect.any(String) });
    expect(body.job?.result?.types.map((type) => type.name).sort()).toEqual([...countByHand().keys()].sort());
    // The jobs API's other ways to the same result digest it too.
    const id = body.job?.id ?? "";
    const byId = await callAs(jobRoute.GET, VIEWER, `/api/jobs/${id}`, { id });
    const latest = await callAs(jobsRoute.GET, VIEWER, `/api/tables/${SHOP}/jobs?kind=entities`, { table: SHOP });
    for (const response of [byId, latest]) {
      expect(response.status).toBe(200);
      expect(response.text).not.toMatch(/(CUSTOMER|PRODUCT|ORDER|REVIEW|ADDRESS)#[A-Z]?\d/);
      expect(JSON.parse(response.text)).toMatchObject({ job: { kind: "entities", keysDigested: true } });
    }
  });
});

async function finishedOrRunning(id: string): Promise<EntitiesJob> {
  const { status, text } = await callAs(jobRoute.GET, ENGINEER, `/api/jobs/${id}`, { id });
  expect(status, text).toBe(200);
  return (JSON.parse(text) as JobResponse).job as EntitiesJob;
}
