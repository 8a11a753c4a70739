import { DescribeTableCommand, DescribeTimeToLiveCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { dynamodb } from "@/lib/server/aws/clients";
import { tablesOverview } from "./tables-overview";

// DynamoDB Local grants everything, so a per-table AccessDenied can only be simulated.
const mock = mockClient(dynamodb(LOCAL_SCOPE));
afterEach(() => mock.reset());

const description = (name: string) => ({
  Table: {
    TableName: name,
    TableStatus: "ACTIVE" as const,
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }],
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }],
    BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" as const },
  },
});

describe("tablesOverview", () => {
  it("reports an unreadable table in its own row and still lists the rest", async () => {
    mock.on(ListTablesCommand).resolves({ TableNames: ["alpha", "denied"] });
    mock.on(DescribeTableCommand, { TableName: "alpha" }).resolves(description("alpha"));
    mock.on(DescribeTableCommand, { TableName: "denied" }).rejects(Object.assign(new Error("not authorized"), { name: "AccessDeniedException" }));
    mock.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: { TimeToLiveStatus: "DISABLED" } });

    const overview = await tablesOverview(LOCAL_SCOPE);
    expect(overview.tables).toHaveLength(2);
    expect(overview.tables[0]).toMatchObject({ name: "alpha", error: null, detail: { name: "alpha", billingMode: "PAY_PER_REQUEST" } });
    expect(overview.tables[1]).toMatchObject({ name: "denied", detail: null, error: { code: "FORBIDDEN" } });
  });

  it("pages through ListTables", async () => {
    mock.on(ListTablesCommand, { ExclusiveStartTableName: undefined }).resolves({ TableNames: ["p1"], LastEvaluatedTableName: "p1" });
    mock.on(ListTablesCommand, { ExclusiveStartTableName: "p1" }).resolves({ TableNames: ["p2"] });
    mock.on(DescribeTableCommand, { TableName: "p1" }).resolves(description("p1"));
    mock.on(DescribeTableCommand, { TableName: "p2" }).resolves(description("p2"));
    mock.on(DescribeTimeToLiveCommand).rejects(Object.assign(new Error("no ttl permission"), { name: "AccessDeniedException" }));
    // A fresh module graph gets a fresh list cache; the client is cached on globalThis, so the mock still applies.
    vi.resetModules();
    const fresh = await import("./tables-overview");
    const overview = await fresh.tablesOverview(LOCAL_SCOPE);
    expect(overview.tables.map((entry) => entry.name)).toEqual(["p1", "p2"]);
    // A policy without DescribeTimeToLive shows TTL as unknown instead of failing the table.
    expect(overview.tables[0]?.detail?.ttl).toBeNull();
  });
});
