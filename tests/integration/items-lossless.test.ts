import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fromWireItem, type WireItem } from "@/lib/dynamo/wire-value";
import type { ItemsPage } from "@/lib/items/items-api";
import { dynamoItem } from "../support/dynamodb-arbitraries";
import { getExport, getRoute } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";

const TABLE = "it-items-lossless";
const fixtures = fixtureClient();
const COUNT = 80;

beforeAll(async () => {
  await createTables(fixtures, [
    { TableName: TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }] },
  ]);
  const items = fc.sample(dynamoItem, { numRuns: COUNT, seed: 20261125 });
  for (const [index, item] of items.entries()) {
    await fixtures.send(new PutItemCommand({ TableName: TABLE, Item: fromWireItem({ ...item, pk: { S: "prop" }, sk: { N: String(index) } }) }));
  }
});

afterAll(() => fixtures.destroy());

/** The oracle: DynamoDB Local's own response body, read over raw HTTP, so no code of ours touches the values. */
async function rawQuery(): Promise<WireItem[]> {
  const response = await fetch(inject("dynamodbEndpoint"), {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": "DynamoDB_20120810.Query",
      authorization: "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: JSON.stringify({ TableName: TABLE, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "prop" } } }),
  });
  const body = (await response.json()) as { Items: WireItem[] };
  return body.Items;
}

describe("random items survive DynamoDB → API → export unchanged", () => {
  it("the items API returns exactly what DynamoDB returned, byte for byte", async () => {
    const raw = await rawQuery();
    expect(raw).toHaveLength(COUNT);
    const { body } = await getRoute("items", TABLE, { pk: "prop", limit: "1000" });
    const api = (body as ItemsPage).items;
    expect(api.map((item) => JSON.stringify(item))).toEqual(raw.map((item) => JSON.stringify(item)));
  });

  it("the JSON Lines export is exactly what DynamoDB returned, byte for byte", async () => {
    const raw = await rawQuery();
    const { text } = await getExport(TABLE, { pk: "prop", format: "jsonl" });
    expect(text).toBe(raw.map((item) => `${JSON.stringify(item)}\n`).join(""));
  });
});
