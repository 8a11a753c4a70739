import { beforeAll, describe, expect, it, vi } from "vitest";
import type { TablesResponse } from "@/lib/tables/table-detail";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";

// Each test file has its own module graph, so lib/env.ts parses this TABLES value afresh.
vi.stubEnv("TABLES", "it-filter-keep*, it-filter-exact");

const keys = { AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }], BillingMode: "PAY_PER_REQUEST" as const };

beforeAll(async () => {
  await createTables(fixtureClient(), [
    { TableName: "it-filter-keep-1", ...keys },
    { TableName: "it-filter-exact", ...keys },
    { TableName: "it-filter-hidden", ...keys },
  ]);
});

describe("the TABLES allow pattern", () => {
  it("lists only matching tables", async () => {
    const { GET } = await import("@/app/api/tables/route");
    const { body } = await callRoute(GET, "/api/tables", {});
    const names = (body as TablesResponse).tables.map((entry) => entry.name);
    expect(names).toContain("it-filter-keep-1");
    expect(names).toContain("it-filter-exact");
    expect(names).not.toContain("it-filter-hidden");
    expect(names.every((name) => name.startsWith("it-filter-keep") || name === "it-filter-exact")).toBe(true);
  });

  it("answers a hidden table exactly like a missing one", async () => {
    const { GET } = await import("@/app/api/tables/[table]/route");
    const hidden = await callRoute(GET, "/api/tables/it-filter-hidden", { table: "it-filter-hidden" });
    const missing = await callRoute(GET, "/api/tables/it-filter-nothing", { table: "it-filter-nothing" });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((hidden.body as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
