// The partition list spread over the key space (issue #21) on the research data shape: 100,000 items over 2,000
// Zipf-skewed keys, and 500 keys of 200 items each, in DynamoDB Local (seeded at about 5k items/s, ~40 s in all).
import { DeleteTableCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PartitionsPage, PartitionSummary } from "@/lib/items/items-api";
import { MAX_CURSOR_LENGTH } from "@/lib/server/items/cursor-codec";
import { getRoute } from "../support/items-fixtures";
import { seed } from "../support/key-sample-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { itemsFor, researchTable, zipfCounts, type PartitionTruth } from "../support/research-shape";

const ZIPF = "it-spread-Zipf";
const EVEN = "it-spread-Even";
const SMALL = "it-spread-Small";
const fixtures = fixtureClient();
const truths = new Map<string, PartitionTruth>();

beforeAll(async () => {
  await createTables(fixtures, [researchTable(ZIPF), researchTable(EVEN), researchTable(SMALL)]);
  const shapes: Array<[string, number[]]> = [
    [ZIPF, zipfCounts()],
    [EVEN, Array.from({ length: 500 }, () => 200)],
    // Small enough to read to the end through the API: 3,000 items over 300 keys, still too many for one 1,000-item page.
    [SMALL, Array.from({ length: 300 }, (_, rank) => 1 + ((rank * 7) % 19))],
  ];
  for (const [table, counts] of shapes) {
    const { items, truth } = itemsFor(counts);
    truths.set(table, truth);
    await seed(fixtures, table, items);
  }
}, 240_000);

afterAll(async () => {
  // The two 100,000-item tables hold about 110 MB of DynamoDB Local's heap, which the other files share.
  for (const table of [ZIPF, EVEN, SMALL]) await fixtures.send(new DeleteTableCommand({ TableName: table }));
  fixtures.destroy();
});

async function partitions(table: string, params: Record<string, string>): Promise<PartitionsPage> {
  const { status, body } = await getRoute("partitions", table, params);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as PartitionsPage;
}

const keyOf = (partition: PartitionSummary) => ("S" in partition.key ? partition.key.S : JSON.stringify(partition.key));

/** What the listing did before spreading: one Scan of `limit` items, through an unguarded client. */
async function oneSegment(table: string, limit: number): Promise<{ keys: number; rcu: number }> {
  const page = await fixtures.send(new ScanCommand({ TableName: table, Limit: limit, ReturnConsumedCapacity: "TOTAL" }));
  return { keys: new Set(page.Items?.map((item) => item.PK?.S)).size, rcu: page.ConsumedCapacity?.CapacityUnits ?? 0 };
}

function expectSeenSoFar(table: string, seen: readonly PartitionSummary[]): void {
  const truth = truths.get(table);
  for (const partition of seen) {
    const whole = truth?.get(keyOf(partition));
    expect(whole, keyOf(partition)).toBeDefined();
    expect(partition.items).toBeLessThanOrEqual(whole?.items ?? 0);
    expect(partition.bytes).toBeLessThanOrEqual(whole?.bytes ?? 0);
  }
}

describe("partition list spread over segments", () => {
  it("on 100,000 items over 2,000 Zipf keys, a 1,000-item page shows at least 150 keys for at most 1.2× one segment's RCU", async () => {
    const before = await oneSegment(ZIPF, 1_000);
    const page = await partitions(ZIPF, { limit: "1000" });
    expect(before.keys).toBeLessThan(10);
    expect(page.partitions.length).toBeGreaterThanOrEqual(150);
    expect(page.consumedCapacity).toBeLessThanOrEqual(1.2 * before.rcu);
    expect(page.scannedItems).toBeLessThanOrEqual(1_000);
    expect(page.segments).toMatchObject({ total: page.segments.read, plan: "spread", dropped: 0 });
    expect(page.segments.total * page.segments.perSegment).toBeLessThanOrEqual(1_000);
    expect(page.requests).toBe(page.segments.total);
    expect(new Set(page.partitions.map(keyOf)).size).toBe(page.partitions.length);
    expectSeenSoFar(ZIPF, page.partitions);
    expect(page.nextCursor?.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
  });

  it("on 500 keys of 200 items each, the first page shows at least 100 keys", async () => {
    const page = await partitions(EVEN, { limit: "1000" });
    expect(page.partitions.length).toBeGreaterThanOrEqual(100);
    expectSeenSoFar(EVEN, page.partitions);
  });

  it("scan more continues every open segment from where it stopped, counting each item once", async () => {
    const first = await partitions(ZIPF, { limit: "1000" });
    const second = await partitions(ZIPF, { limit: "1000", cursor: first.nextCursor ?? "" });
    expect(second.segments).toMatchObject({ total: first.segments.total, read: first.segments.open, plan: "continue" });
    // Segments start at partition boundaries and continue where they stopped, so a key's items from the two pages add up to at most its total.
    const merged = new Map<string, number>();
    for (const partition of [...first.partitions, ...second.partitions]) merged.set(keyOf(partition), (merged.get(keyOf(partition)) ?? 0) + partition.items);
    for (const [key, items] of merged) expect(items, key).toBeLessThanOrEqual(truths.get(ZIPF)?.get(key)?.items ?? 0);
    expect(merged.size).toBeGreaterThanOrEqual(first.partitions.length);
  });

  it("reads a table to its end through the cursor, with other page sizes on the way, and finds every item exactly once", async () => {
    const totals = new Map<string, { items: number; bytes: number }>();
    let cursor: string | null = null;
    let pages = 0;
    let last: PartitionsPage | null = null;
    do {
      // The first page spreads over many segments; later, smaller pages continue only some of them at a time, in turn.
      const page: PartitionsPage = await partitions(SMALL, { limit: pages === 0 ? "1000" : "200", ...(cursor ? { cursor } : {}) });
      for (const partition of page.partitions) {
        const total = totals.get(keyOf(partition)) ?? { items: 0, bytes: 0 };
        totals.set(keyOf(partition), { items: total.items + partition.items, bytes: total.bytes + partition.bytes });
      }
      if (pages > 0) expect(page.segments.read).toBeLessThanOrEqual(page.segments.total);
      cursor = page.nextCursor;
      last = page;
      pages++;
    } while (cursor && pages < 200);
    expect(cursor).toBeNull();
    expect(last?.segments).toMatchObject({ open: 0, dropped: 0, done: last?.segments.total });
    expect(last?.segments.total).toBeGreaterThan(1);
    expect(totals).toEqual(truths.get(SMALL));
  });

  it("refuses a spread cursor that was edited, or that belongs to another table or index, before reading", async () => {
    const cursor = (await partitions(ZIPF, { limit: "1000" })).nextCursor ?? "";
    const [body = "", signature = ""] = cursor.split(".");
    for (const [table, params] of [
      [ZIPF, { cursor: `${body.slice(0, 10)}A${body.slice(11)}.${signature}` }],
      [EVEN, { cursor }],
      [ZIPF, { cursor: `${body}.${signature}x` }],
    ] as const) {
      const { status, body: error } = await getRoute("partitions", table, { limit: "1000", ...params });
      expect(status).toBe(400);
      expect(error).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/^cursor: /) } });
    }
  });
});
