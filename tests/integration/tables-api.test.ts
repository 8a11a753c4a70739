import { GetItemCommand, PutItemCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tableRoute from "@/app/api/tables/[table]/route";
import * as tablesRoute from "@/app/api/tables/route";
import { dynamodb } from "@/lib/server/aws/clients";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import type { TableResponse, TablesResponse } from "@/lib/tables/table-detail";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";

const ORDERS = "it-api-Orders";
const LOGS = "it-api-Logs";
const fixtures = fixtureClient();

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: ORDERS,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "N" },
        { AttributeName: "g", AttributeType: "B" },
        { AttributeName: "alt", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: "ByG",
          KeySchema: [{ AttributeName: "g", KeyType: "HASH" }],
          Projection: { ProjectionType: "KEYS_ONLY" },
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: "ByAlt",
          KeySchema: [
            { AttributeName: "pk", KeyType: "HASH" },
            { AttributeName: "alt", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["x"] },
        },
      ],
    },
    {
      TableName: LOGS,
      BillingMode: "PAY_PER_REQUEST",
      OnDemandThroughput: { MaxReadRequestUnits: 300, MaxWriteRequestUnits: 100 },
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "KEYS_ONLY" },
      DeletionProtectionEnabled: true,
    },
  ]);
  await fixtures.send(new UpdateTimeToLiveCommand({ TableName: LOGS, TimeToLiveSpecification: { Enabled: true, AttributeName: "expires" } }));
  await fixtures.send(new PutItemCommand({ TableName: LOGS, Item: { id: { S: "a" } } }));
});

afterAll(() => fixtures.destroy());

describe("GET /api/tables", () => {
  it("lists every table with its description", async () => {
    const { status, headers, body } = await callRoute(tablesRoute.GET, "/api/tables", {});
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    const { tables, account, region } = body as TablesResponse;
    expect(account).toBe("default");
    expect(region).toBe("us-east-1");
    const orders = tables.find((entry) => entry.name === ORDERS);
    const logs = tables.find((entry) => entry.name === LOGS);
    expect(orders?.detail).toMatchObject({ billingMode: "PROVISIONED", provisioned: { read: 7, write: 3 }, status: "ACTIVE" });
    expect(logs?.detail).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      onDemandMax: { read: 300, write: 100 },
      ttl: { status: "ENABLED", attribute: "expires" },
      stream: { enabled: true, viewType: "KEYS_ONLY", arn: expect.stringMatching(new RegExp(`:table/${LOGS}/stream/`)) as unknown, label: expect.any(String) as unknown },
      deletionProtection: true,
      itemCount: 1,
    });
  });
});

describe("GET /api/tables/:table", () => {
  it("describes keys, a GSI and an LSI with their types and projections", async () => {
    const { status, body } = await callRoute(tableRoute.GET, `/api/tables/${ORDERS}`, { table: ORDERS });
    expect(status).toBe(200);
    const { table } = body as TableResponse;
    expect(table.keys).toEqual({ partitionKey: { name: "pk", type: "S" }, sortKey: { name: "sk", type: "N" } });
    expect(table.gsis).toEqual([
      expect.objectContaining({ name: "ByG", kind: "GSI", keys: { partitionKey: { name: "g", type: "B" }, sortKey: null }, provisioned: { read: 2, write: 1 } }),
    ]);
    expect(table.lsis).toEqual([
      expect.objectContaining({ name: "ByAlt", kind: "LSI", projection: { type: "INCLUDE", nonKeyAttributes: ["x"] } }),
    ]);
    expect(table.ttl).toEqual({ status: "DISABLED", attribute: null });
  });

  it("answers 404 in the envelope for a table that does not exist", async () => {
    const { status, body } = await callRoute(tableRoute.GET, "/api/tables/it-api-Missing", { table: "it-api-Missing" });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "NOT_FOUND", message: expect.stringContaining("it-api-Missing") } });
  });

  it.each(["ab", "bad name", "x".repeat(256), "semi;colon"])("answers 400 for the invalid name %j", async (name) => {
    const { status, body } = await callRoute(tableRoute.GET, `/api/tables/${encodeURIComponent(name)}`, { table: name });
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/Table names/) } });
  });

  it("answers 405 with Allow for methods that could change anything", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await tableRoute[method](new Request("http://localhost/api/tables/x", { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET");
      expect(await response.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: expect.any(String) } });
    }
  });
});

describe("the product's DynamoDB client against a real DynamoDB", () => {
  it("refuses a write before it reaches the database", async () => {
    await expect(dynamodb(LOCAL_SCOPE).send(new PutItemCommand({ TableName: LOGS, Item: { id: { S: "written-by-dashboard" } } }))).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    const read = await fixtures.send(new GetItemCommand({ TableName: LOGS, Key: { id: { S: "written-by-dashboard" } } }));
    expect(read.Item).toBeUndefined();
  });
});
