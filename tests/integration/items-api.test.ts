import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CountResult, ItemsPage, PartitionsPage } from "@/lib/items/items-api";
import { getRoute, getExport, putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

const S_TABLE = "it-items-S";
const N_TABLE = "it-items-N";
const B_TABLE = "it-items-B";
const fixtures = fixtureClient();
const b64 = (...bytes: number[]) => Buffer.from(bytes).toString("base64");

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: S_TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        { AttributeName: "g", AttributeType: "S" },
        { AttributeName: "rank", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [{ IndexName: "ByG", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }, { AttributeName: "rank", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } }],
      LocalSecondaryIndexes: [{ IndexName: "ByRank", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "rank", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } }],
    },
    { TableName: N_TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "N" }, { AttributeName: "sk", AttributeType: "N" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }] },
    { TableName: B_TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "B" }, { AttributeName: "sk", AttributeType: "B" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }] },
  ]);
  // S: partition "p" has sk a0..a9 and b0..b4; "q" has one item. Every item has a GSI and LSI key.
  await putAll(fixtures, S_TABLE, [
    ...Array.from({ length: 10 }, (_, i) => ({ pk: { S: "p" }, sk: { S: `a${i}` }, g: { S: i % 2 === 0 ? "even" : "odd" }, rank: { N: String(100 - i) }, colour: { S: i < 3 ? "red" : "blue" } })),
    ...Array.from({ length: 5 }, (_, i) => ({ pk: { S: "p" }, sk: { S: `b${i}` }, g: { S: "b" }, rank: { N: String(200 + i) } })),
    { pk: { S: "q" }, sk: { S: "only" }, g: { S: "even" }, rank: { N: "1" } },
  ]);
  await putAll(fixtures, N_TABLE, Array.from({ length: 10 }, (_, i) => ({ pk: { N: "12345678901234567890123456789012345678" }, sk: { N: String(i - 5) }, v: { N: `-0.${i}01` } })));
  await putAll(fixtures, B_TABLE, Array.from({ length: 6 }, (_, i) => ({ pk: { B: Uint8Array.from([0, 255]) }, sk: { B: Uint8Array.from([i, i]) } })));
});

afterAll(() => fixtures.destroy());

const sks = (page: ItemsPage, attribute = "sk") => page.items.map((item) => {
  const value = item[attribute];
  return value && ("S" in value ? value.S : "N" in value ? value.N : "B" in value ? value.B : "?");
});

async function items(table: string, params: Record<string, string>): Promise<ItemsPage> {
  const { status, body } = await getRoute("items", table, params);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as ItemsPage;
}

describe("GET /api/tables/:table/items", () => {
  it.each([
    [{ skOp: "=", sk: "a3" }, ["a3"]],
    [{ skOp: "<", sk: "a2" }, ["a0", "a1"]],
    [{ skOp: "<=", sk: "a2" }, ["a0", "a1", "a2"]],
    [{ skOp: ">", sk: "b2" }, ["b3", "b4"]],
    [{ skOp: ">=", sk: "b3" }, ["b3", "b4"]],
    [{ skOp: "between", sk: "a8", sk2: "b1" }, ["a8", "a9", "b0", "b1"]],
    [{ skOp: "begins_with", sk: "b" }, ["b0", "b1", "b2", "b3", "b4"]],
  ])("on S sort keys: %j", async (condition, expected) => {
    expect(sks(await items(S_TABLE, { pk: "p", ...condition }))).toEqual(expected);
  });

  it.each([
    [{ skOp: "=", sk: "-5" }, ["-5"]],
    [{ skOp: "<", sk: "-3" }, ["-5", "-4"]],
    [{ skOp: "<=", sk: "-4" }, ["-5", "-4"]],
    [{ skOp: ">", sk: "3" }, ["4"]],
    [{ skOp: ">=", sk: "3.0" }, ["3", "4"]],
    [{ skOp: "between", sk: "-1", sk2: "1" }, ["-1", "0", "1"]],
  ])("on N keys, with a 38-digit partition key: %j", async (condition, expected) => {
    expect(sks(await items(N_TABLE, { pk: "12345678901234567890123456789012345678", ...condition }))).toEqual(expected);
  });

  it.each([
    [{ skOp: "=", sk: b64(2, 2) }, [b64(2, 2)]],
    [{ skOp: "<", sk: b64(1, 1) }, [b64(0, 0)]],
    [{ skOp: "<=", sk: b64(1, 1) }, [b64(0, 0), b64(1, 1)]],
    [{ skOp: ">", sk: b64(4, 4) }, [b64(5, 5)]],
    [{ skOp: ">=", sk: b64(4, 4) }, [b64(4, 4), b64(5, 5)]],
    [{ skOp: "between", sk: b64(1), sk2: b64(2, 9) }, [b64(1, 1), b64(2, 2)]],
    [{ skOp: "begins_with", sk: b64(3) }, [b64(3, 3)]],
  ])("on B keys given as base64: %j", async (condition, expected) => {
    expect(sks(await items(B_TABLE, { pk: b64(0, 255), ...condition }))).toEqual(expected);
  });

  it("orders descending and reports cost: one request for a page, with RCU and counts", async () => {
    const page = await items(S_TABLE, { pk: "p", order: "desc", limit: "3" });
    expect(sks(page)).toEqual(["b4", "b3", "b2"]);
    expect(page).toMatchObject({ count: 3, scannedCount: 3, requests: 1 });
    expect(page.consumedCapacity).toBeGreaterThan(0);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("pages with cursors to the end, in order, without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ItemsPage = await items(S_TABLE, { pk: "p", limit: "4", ...(cursor ? { cursor } : {}) });
      seen.push(...(sks(page) as string[]));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...Array.from({ length: 10 }, (_, i) => `a${i}`), ...Array.from({ length: 5 }, (_, i) => `b${i}`)]);
  });

  it("browses a GSI (keys only) and an LSI, with cursors that carry the index keys", async () => {
    const gsi = await items(S_TABLE, { index: "ByG", pk: "even", limit: "2" });
    expect(gsi.items.map((item) => item.rank)).toEqual([{ N: "1" }, { N: "92" }]);
    expect(Object.keys(gsi.items[0] ?? {}).sort()).toEqual(["g", "pk", "rank", "sk"]);
    const next = await items(S_TABLE, { index: "ByG", pk: "even", limit: "2", cursor: gsi.nextCursor ?? "" });
    expect(next.items.map((item) => item.rank)).toEqual([{ N: "94" }, { N: "96" }]);
    const lsi = await items(S_TABLE, { index: "ByRank", pk: "p", skOp: "between", sk: "95", sk2: "100" });
    expect(sks(lsi, "rank")).toEqual(["95", "96", "97", "98", "99", "100"]);
  });

  it("keeps reading through a filter until the page is full, and says what it examined", async () => {
    const page = await items(S_TABLE, { pk: "p", filterAttr: "colour", filterOp: "=", filterValue: "red", limit: "3" });
    expect(sks(page)).toEqual(["a0", "a1", "a2"]);
    expect(page.scannedCount).toBeGreaterThanOrEqual(3);
    const none = await items(S_TABLE, { pk: "p", filterAttr: "colour", filterOp: "=", filterValue: "green" });
    expect(none.items).toEqual([]);
    expect(none.scannedCount).toBe(15);
    expect(none.nextCursor).toBeNull();
  });
});

describe("bad input gets a 400 envelope and reads nothing", () => {
  const expect400 = async (route: "items" | "scan" | "partitions", table: string, params: Record<string, string>, message: RegExp) => {
    const { status, body } = await getRoute(route, table, params);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringMatching(message) } });
  };

  it("refuses cursors from another table, another index, another partition, or edited by hand", async () => {
    const page = await items(S_TABLE, { pk: "p", limit: "2" });
    const cursor = page.nextCursor ?? "";
    await expect400("items", N_TABLE, { pk: "1", cursor }, /cursor/);
    await expect400("items", S_TABLE, { index: "ByRank", pk: "p", cursor }, /cursor/);
    await expect400("items", S_TABLE, { pk: "q", cursor }, /cursor/);
    await expect400("scan", S_TABLE, { cursor }, /cursor/);
    const [body = "", signature = ""] = cursor.split(".");
    const edited = Buffer.from(Buffer.from(body, "base64url").toString("utf8").replace("a1", "a7")).toString("base64url");
    await expect400("items", S_TABLE, { pk: "p", cursor: `${edited}.${signature}` }, /integrity/);
  });

  it("refuses a key of the wrong type, an unknown index, begins_with on a number, a bad limit", async () => {
    await expect400("items", N_TABLE, { pk: "not-a-number" }, /pk/);
    await expect400("items", B_TABLE, { pk: "!!!" }, /pk/);
    await expect400("items", S_TABLE, { index: "NoSuchIndex", pk: "p" }, /no index named/);
    await expect400("items", N_TABLE, { pk: "1", skOp: "begins_with", sk: "1" }, /begins_with/);
    await expect400("items", S_TABLE, { pk: "p", limit: "0" }, /limit/);
    await expect400("items", S_TABLE, { pk: "p", limit: "1001" }, /limit/);
    await expect400("items", S_TABLE, { pk: "p", limit: "ten" }, /limit/);
    await expect400("items", S_TABLE, {}, /pk/);
    await expect400("items", S_TABLE, { pk: "p", skOp: "between", sk: "a" }, /sk2/);
    await expect400("partitions", S_TABLE, { limit: "99999" }, /limit/);
  });
});

describe("partitions, scan, count and item", () => {
  it("lists partition keys with items and bytes seen, continuing with a cursor", async () => {
    const first = await getRoute("partitions", S_TABLE, { limit: "10" });
    expect(first.status).toBe(200);
    const page = first.body as PartitionsPage;
    expect(page.scannedItems).toBe(10);
    expect(page.nextCursor).toEqual(expect.any(String));
    const rest = (await getRoute("partitions", S_TABLE, { limit: "100", cursor: page.nextCursor ?? "" })).body as PartitionsPage;
    const totals = new Map<string, number>();
    for (const partition of [...page.partitions, ...rest.partitions]) totals.set(JSON.stringify(partition.key), (totals.get(JSON.stringify(partition.key)) ?? 0) + partition.items);
    expect(Object.fromEntries(totals)).toEqual({ '{"S":"p"}': 15, '{"S":"q"}': 1 });
    expect(page.partitions.every((partition) => partition.bytes > 0)).toBe(true);
  });

  it("scans in storage order with each partition's items together", async () => {
    const { body } = await getRoute("scan", S_TABLE, { limit: "1000" });
    const keys = (body as ItemsPage).items.map((item) => JSON.stringify(item.pk));
    const runs = keys.filter((key, index) => key !== keys[index - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(keys).toHaveLength(16);
  });

  it("counts a partition exactly, reporting the RCU it cost", async () => {
    const { body } = await getRoute("count", S_TABLE, { pk: "p", skOp: "begins_with", sk: "a" });
    expect(body as CountResult).toMatchObject({ count: 10, complete: true, requests: 1 });
    expect((body as CountResult).consumedCapacity).toBeGreaterThan(0);
  });

  it("reads one item by its key, and 404s an absent one", async () => {
    const ok = await getRoute("item", N_TABLE, { key: JSON.stringify({ pk: { N: "12345678901234567890123456789012345678" }, sk: { N: "0" } }) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ item: { v: { N: "-0.501" } } });
    expect((await getRoute("item", N_TABLE, { key: JSON.stringify({ pk: { N: "1" }, sk: { N: "0" } }) })).status).toBe(404);
    expect((await getRoute("item", N_TABLE, { key: JSON.stringify({ pk: { S: "1" }, sk: { N: "0" } }) })).status).toBe(400);
    expect((await getRoute("item", N_TABLE, { key: "{not json" })).status).toBe(400);
    expect((await getRoute("item", N_TABLE, { key: JSON.stringify({ pk: { N: "1" } }) })).status).toBe(400);
  });
});

describe("export", () => {
  it("streams a partition as JSON Lines of DynamoDB JSON, within the item cap", async () => {
    const { status, headers, text } = await getExport(S_TABLE, { pk: "p", source: "query", format: "jsonl", maxItems: "12" });
    expect(status).toBe(200);
    expect(headers.get("content-disposition")).toBe('attachment; filename="it-items-S-p.jsonl"');
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(12);
    expect(JSON.parse(lines[0] ?? "")).toEqual({ pk: { S: "p" }, sk: { S: "a0" }, g: { S: "even" }, rank: { N: "100" }, colour: { S: "red" } });
  });

  it("streams CSV with key columns first", async () => {
    const { text } = await getExport(N_TABLE, { pk: "12345678901234567890123456789012345678", format: "csv" });
    const [header, first] = text.split("\r\n");
    expect(header).toBe("pk,sk,v,(other attributes)");
    expect(first).toBe("12345678901234567890123456789012345678,-5,-0.001,");
  });

  it("answers bad export input with a 400 before streaming", async () => {
    expect((await getExport(S_TABLE, { pk: "p", format: "xml" })).status).toBe(400);
    expect((await getExport(S_TABLE, { source: "query" })).status).toBe(400);
  });
});
