import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as jobRoute from "@/app/api/jobs/[id]/route";
import * as itemsRoute from "@/app/api/tables/[table]/items/route";
import * as jobsRoute from "@/app/api/tables/[table]/jobs/route";
import { ENGINEER, SECRET_VALUE, VIEWER, callAs, finishedAs, personItem } from "../support/auth-fixtures";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

// A fresh module graph per file: lib/env.ts parses these values when the routes first call env().
vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("REDACT_ATTRIBUTES", "email,*name*,*Email");
vi.stubEnv("VIEWER_SHOWS_KEYS", "true");
vi.stubEnv("ENGINEER_GROUPS", "sre,dba");
vi.stubEnv("TABLES", "it-authkeys-*");

const TABLE = "it-authkeys-People";
const TENANT = "tenant-visible-to-viewers";
const fixtures = fixtureClient();

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "tenant", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "tenant", KeyType: "HASH" },
        { AttributeName: "id", KeyType: "RANGE" },
      ],
    },
  ]);
  await putAll(fixtures, TABLE, Array.from({ length: 12 }, (_, i) => personItem(TENANT, i)));
});

afterAll(() => fixtures.destroy());

describe("VIEWER_SHOWS_KEYS=true", () => {
  it("shows a viewer the keys in job results, while values stay masked", async () => {
    const started = await callAs(jobsRoute.POST, ENGINEER, `/api/tables/${TABLE}/jobs`, { table: TABLE }, { method: "POST", body: JSON.stringify({ kind: "key-sample", mode: "full", segments: 1, rcuBudget: 10_000, rcuPerSecond: 10_000, acknowledgeRecentThrottling: true }) });
    expect(started.status, started.text).toBe(202);
    const id = (JSON.parse(started.text) as { id: string }).id;
    const job = await finishedAs(jobRoute.GET, VIEWER, id);
    expect(JSON.stringify(job)).toContain(TENANT);
    // Real keys, so the page may link them.
    expect(job).not.toHaveProperty("keysDigested");
    const page = await callAs(itemsRoute.GET, VIEWER, `/api/tables/${TABLE}/items?pk=${TENANT}`, { table: TABLE });
    expect(page.status).toBe(200);
    expect(page.text).toContain(TENANT);
    expect(page.text).not.toMatch(SECRET_VALUE);
  });
});
