// The partitions route's short-lived cache: viewers of the same listing share one Scan, counted by this file's
// metering proxy (the dashboard's DynamoDB endpoint here), while every request still passes its own role check.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as partitionsRoute from "@/app/api/tables/[table]/partitions/route";
import type { PartitionsPage } from "@/lib/items/items-api";
import { ENGINEER, SECRET_VALUE, VIEWER, callAs, personItem } from "../support/auth-fixtures";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";

// A fresh module graph per file: lib/env.ts parses these values when the route first calls env().
vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("ENGINEER_GROUPS", "sre");
vi.stubEnv("REDACT_ATTRIBUTES", "email, *NAME*, *Email");
vi.stubEnv("TABLES", "it-partcache-*");

const TABLE = "it-partcache-People";
const TENANTS = ["tenant-a", "tenant-b", "tenant-c"];
let stack: MeteringStack;

const partitions = (who: Record<string, string>, query = "") => callAs(partitionsRoute.GET, who, `/api/tables/${TABLE}/partitions?${query}`, { table: TABLE });
const scans = () => stack.proxy.requestCounts().Scan ?? 0;
const page = (text: string) => JSON.parse(text) as PartitionsPage;

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "tenant", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "N" },
        { AttributeName: "email", AttributeType: "S" },
        { AttributeName: "plan", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "tenant", KeyType: "HASH" },
        { AttributeName: "id", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        // Keyed on a masked attribute: viewers may not read it.
        { IndexName: "ByEmail", KeySchema: [{ AttributeName: "email", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } },
        { IndexName: "ByPlan", KeySchema: [{ AttributeName: "plan", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } },
      ],
    },
  ]);
  // Seeded directly, not through the proxy, so seeding costs no counted request.
  await putAll(fixtures, TABLE, Array.from({ length: 30 }, (_, i) => personItem(TENANTS[i % TENANTS.length] ?? "tenant-a", i)));
  fixtures.destroy();
  stack = await startMeteringStack();
  // The dashboard reads DynamoDB through this file's proxy, so its Scans are counted; lib/env.ts reads this on first use.
  vi.stubEnv("DYNAMODB_ENDPOINT", stack.proxy.endpoint);
  vi.stubEnv("CLOUDWATCH_ENDPOINT", stack.cloudwatch.endpoint);
});

afterAll(async () => {
  await stack.stop();
});

describe("GET /api/tables/:table/partitions caching", () => {
  it("answers 20 concurrent viewers and engineers with one Scan, and a later caller from the cache", async () => {
    const before = scans();
    const callers = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? VIEWER : ENGINEER));
    const responses = await Promise.all(callers.map((who) => partitions(who)));
    for (const response of responses) expect(response.status, response.text).toBe(200);
    expect(scans() - before).toBe(1);

    const bodies = responses.map((response) => page(response.text));
    expect(bodies.filter((body) => body.cache === "miss")).toHaveLength(1);
    expect(bodies.filter((body) => body.cache === "coalesced")).toHaveLength(19);
    const [first] = bodies;
    expect(first).toMatchObject({ scannedItems: 30, nextCursor: null, requests: 1, fetchedAt: expect.any(Number) });
    expect(first?.partitions.map((partition) => partition.key).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(TENANTS.map((S) => ({ S })));
    // Viewers and engineers get the same listing: nothing in it is masked per role.
    for (const body of bodies) expect({ ...body, cache: null }).toEqual({ ...first, cache: null });
    for (const response of responses) expect(response.text).not.toMatch(SECRET_VALUE);

    const later = await partitions(VIEWER);
    expect(page(later.text)).toMatchObject({ cache: "hit", fetchedAt: first?.fetchedAt, consumedCapacity: first?.consumedCapacity });
    expect(scans() - before).toBe(1);
  });

  it("keys the cache on index, limit and cursor", async () => {
    const before = scans();
    const firstPage = await partitions(ENGINEER, "limit=7");
    expect(page(firstPage.text)).toMatchObject({ cache: "miss", scannedItems: 7 });
    const cursor = page(firstPage.text).nextCursor ?? "";
    expect(cursor).not.toBe("");
    const nextPage = await partitions(ENGINEER, `limit=7&cursor=${encodeURIComponent(cursor)}`);
    expect(page(nextPage.text)).toMatchObject({ cache: "miss", scannedItems: 7 });
    const byPlan = await partitions(VIEWER, "index=ByPlan");
    expect(page(byPlan.text)).toMatchObject({ cache: "miss", partitions: [{ key: { S: "gold" }, items: 30 }] });
    expect(scans() - before).toBe(3);

    // Each of them again: all from the cache.
    expect(page((await partitions(VIEWER, "limit=7")).text).cache).toBe("hit");
    expect(page((await partitions(VIEWER, `limit=7&cursor=${encodeURIComponent(cursor)}`)).text).cache).toBe("hit");
    expect(page((await partitions(ENGINEER, "index=ByPlan")).text).cache).toBe("hit");
    expect(scans() - before).toBe(3);
  });

  it("checks the caller's role on every request, before the cache, even when the listing is cached", async () => {
    // Never listed by anyone: refused before any Scan is started on the viewer's behalf.
    const first = scans();
    const uncached = await partitions(VIEWER, "index=ByEmail&limit=3");
    expect(uncached.status).toBe(403);
    expect(scans() - first).toBe(0);

    const engineer = await partitions(ENGINEER, "index=ByEmail");
    expect(engineer.status, engineer.text).toBe(200);
    expect(engineer.text).toMatch(/secret-mail-/);
    const before = scans();

    const viewer = await partitions(VIEWER, "index=ByEmail");
    expect(viewer.status).toBe(403);
    expect(JSON.parse(viewer.text)).toEqual({ error: { code: "FORBIDDEN", message: expect.stringMatching(/hidden from viewers/) } });
    expect(viewer.text).not.toMatch(SECRET_VALUE);
    // Refused while a load is in flight too: concurrent viewers never join an engineer's Scan of a masked index.
    const [again, ...refused] = await Promise.all([partitions(ENGINEER, "index=ByEmail&limit=5"), partitions(VIEWER, "index=ByEmail&limit=5"), partitions(VIEWER, "index=ByEmail&limit=5")]);
    expect(again?.status).toBe(200);
    for (const response of refused) {
      expect(response.status).toBe(403);
      expect(response.text).not.toMatch(SECRET_VALUE);
    }
    expect(scans() - before).toBe(1);
  });

  it("refuses a tampered cursor before the cache and DynamoDB", async () => {
    const cursor = page((await partitions(ENGINEER, "limit=7")).text).nextCursor ?? "";
    const before = scans();
    const tampered = await partitions(ENGINEER, `limit=7&cursor=${encodeURIComponent(`${cursor.slice(0, -2)}xx`)}`);
    expect(tampered.status).toBe(400);
    expect(JSON.parse(tampered.text)).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/^cursor: /) } });
    // A cursor for another index is refused too, though it is a valid cursor of a listing in the cache.
    expect((await partitions(ENGINEER, `index=ByPlan&limit=7&cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
    expect(scans() - before).toBe(0);
  });
});
