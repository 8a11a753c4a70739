import { GetMetricDataCommand, type Dimension } from "@aws-sdk/client-cloudwatch";
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  type ConsumedCapacity,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";

const TABLE = "it-meter-Orders";
let stack: MeteringStack;
const startedAt = new Date(Date.now() - 120_000);

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 10_000, WriteCapacityUnits: 10_000 },
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        { AttributeName: "g", AttributeType: "S" },
        { AttributeName: "l", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        { IndexName: "ByG", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" }, ProvisionedThroughput: { ReadCapacityUnits: 10_000, WriteCapacityUnits: 10_000 } },
      ],
      LocalSecondaryIndexes: [
        { IndexName: "ByL", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "l", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } },
      ],
    },
  ]);
  fixtures.destroy();
  stack = await startMeteringStack();
});

afterAll(() => stack.stop());

/** What the client saw, split the way DynamoDB's metrics split it: the table (with its LSIs) and each GSI. */
function tally(seen: Map<string, number>, consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): void {
  for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    const lsi = Object.values(entry.LocalSecondaryIndexes ?? {}).reduce((sum, index) => sum + (index.CapacityUnits ?? 0), 0);
    seen.set("table", (seen.get("table") ?? 0) + (entry.Table?.CapacityUnits ?? 0) + lsi);
    for (const [name, index] of Object.entries(entry.GlobalSecondaryIndexes ?? {})) seen.set(name, (seen.get(name) ?? 0) + (index.CapacityUnits ?? 0));
  }
}

async function metricSum(metricName: string, dimensions: Dimension[]): Promise<number | null> {
  const result = await stack.metrics.send(
    new GetMetricDataCommand({
      StartTime: startedAt,
      EndTime: new Date(Date.now() + 120_000),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: dimensions }, Period: 60, Stat: "Sum" } }],
    }),
  );
  const values = result.MetricDataResults?.[0]?.Values ?? [];
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
}

describe("metering through the proxy", () => {
  it("publishes consumed capacity that equals what the client was told, per table and per GSI", async () => {
    const reads = new Map<string, number>();
    const writes = new Map<string, number>();
    const { viaProxy } = stack;
    for (let i = 0; i < 30; i++) {
      const item = { pk: { S: `p${i % 5}` }, sk: { S: `s${i}` }, g: { S: `g${i % 3}` }, l: { N: String(i) }, pad: { S: "x".repeat(i * 150) } };
      tally(writes, (await viaProxy.send(new PutItemCommand({ TableName: TABLE, Item: item, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    }
    tally(writes, (await viaProxy.send(new UpdateItemCommand({ TableName: TABLE, Key: { pk: { S: "p1" }, sk: { S: "s1" } }, UpdateExpression: "SET g = :g", ExpressionAttributeValues: { ":g": { S: "moved" } }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(writes, (await viaProxy.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: { S: "b" }, sk: { S: "1" }, g: { S: "gb" } } } }, { DeleteRequest: { Key: { pk: { S: "p0" }, sk: { S: "s0" } } } }] }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(reads, (await viaProxy.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: "p2" }, sk: { S: "s2" } }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(reads, (await viaProxy.send(new QueryCommand({ TableName: TABLE, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: { ":p": { S: "p3" } }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(reads, (await viaProxy.send(new QueryCommand({ TableName: TABLE, IndexName: "ByG", KeyConditionExpression: "g = :g", ExpressionAttributeValues: { ":g": { S: "g1" } }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(reads, (await viaProxy.send(new QueryCommand({ TableName: TABLE, IndexName: "ByL", KeyConditionExpression: "pk = :p AND l > :l", ExpressionAttributeValues: { ":p": { S: "p4" }, ":l": { N: "3" } }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(reads, (await viaProxy.send(new ScanCommand({ TableName: TABLE, Limit: 100, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    tally(reads, (await viaProxy.send(new BatchGetItemCommand({ RequestItems: { [TABLE]: { Keys: [{ pk: { S: "p2" }, sk: { S: "s7" } }, { pk: { S: "p3" }, sk: { S: "s8" } }] } }, ReturnConsumedCapacity: "INDEXES" }))).ConsumedCapacity);
    await stack.proxy.flush();

    const table = [{ Name: "TableName", Value: TABLE }];
    const gsi = [...table, { Name: "GlobalSecondaryIndexName", Value: "ByG" }];
    expect(writes.get("table")).toBeGreaterThan(30);
    expect(await metricSum("ConsumedWriteCapacityUnits", table)).toBeCloseTo(writes.get("table") ?? -1, 6);
    expect(await metricSum("ConsumedWriteCapacityUnits", gsi)).toBeCloseTo(writes.get("ByG") ?? -1, 6);
    expect(await metricSum("ConsumedReadCapacityUnits", table)).toBeCloseTo(reads.get("table") ?? -1, 6);
    expect(await metricSum("ConsumedReadCapacityUnits", gsi)).toBeCloseTo(reads.get("ByG") ?? -1, 6);
    // Request counts per operation come from SuccessfulRequestLatency's SampleCount, as on AWS.
    const latency = await stack.metrics.send(
      new GetMetricDataCommand({
        StartTime: startedAt,
        EndTime: new Date(Date.now() + 120_000),
        MetricDataQueries: [{ Id: "n", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "SuccessfulRequestLatency", Dimensions: [...table, { Name: "Operation", Value: "PutItem" }] }, Period: 60, Stat: "SampleCount" } }],
      }),
    );
    expect(latency.MetricDataResults?.[0]?.Values?.reduce((sum, value) => sum + value, 0)).toBe(30);
    expect(await metricSum("ReturnedItemCount", [...table, { Name: "Operation", Value: "Scan" }])).toBeGreaterThan(0);
  });

  it("hands the client only the ConsumedCapacity detail it asked for", async () => {
    const none = await stack.viaProxy.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: "p2" }, sk: { S: "s2" } } }));
    expect(none.ConsumedCapacity).toBeUndefined();
    expect(none.Item?.pk?.S).toBe("p2");
    const total = await stack.viaProxy.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: "t" }, sk: { S: "1" }, g: { S: "x" } }, ReturnConsumedCapacity: "TOTAL" }));
    expect(total.ConsumedCapacity).toEqual({ TableName: TABLE, CapacityUnits: 2 });
  });
});
