import { GetMetricDataCommand, ListMetricsCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { DEMO_ACCOUNT } from "../../local/fleet/demo-fleet";
import { fleetCloudWatch, fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { startMeteringProxy, type RunningMeteringProxy } from "../../local/metering/metering-proxy";
import { httpMetricsSink } from "../../local/metering/metrics-sink";
import { createTables } from "../support/local-tables";

// A global table played by the proxy over two ordinary DynamoDB Local tables. The proxy runs on a clock the test moves,
// so "not replicated yet" and "replicated after exactly the lag" are certain, not timed.
const TABLE = "it-global-Profiles";
const OTHER = "it-global-Local";
const LAG_MS = 60_000;
const US = "us-east-1";
const EU = "eu-west-1";

let clock = Date.now();
let cloudwatch: RunningLocalCloudWatch;
let proxy: RunningMeteringProxy;
let sink: ReturnType<typeof httpMetricsSink>;
const made: Array<{ destroy: () => void }> = [];

function dynamo(region: string): DynamoDBClient {
  const client = fleetDynamoDb(proxy.endpoint, DEMO_ACCOUNT, region, { maxAttempts: 1 });
  made.push(client);
  return client;
}

function metrics(region: string): CloudWatchClient {
  const client = fleetCloudWatch(cloudwatch.endpoint, DEMO_ACCOUNT, region);
  made.push(client);
  return client;
}

const user = (id: string): Record<string, AttributeValue> => ({ userId: { S: id } });

async function itemIn(region: string, id: string): Promise<Record<string, AttributeValue> | undefined> {
  return (await dynamo(region).send(new GetItemCommand({ TableName: TABLE, Key: user(id), ConsistentRead: true }))).Item;
}

/** Waits (in real time) until the proxy's replication loop has applied everything due on the test's clock. */
async function settled(): Promise<void> {
  for (let attempt = 0; attempt < 100 && proxy.replicationPending() > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(proxy.replicationPending()).toBe(0);
}

async function statistic(region: string, metricName: string, receivingRegion: string, stat: string): Promise<number[]> {
  const output = await metrics(region).send(
    new GetMetricDataCommand({
      StartTime: new Date(clock - 3_600_000),
      EndTime: new Date(clock + 3_600_000),
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: [{ Name: "TableName", Value: TABLE }, { Name: "ReceivingRegion", Value: receivingRegion }] }, Period: 3_600, Stat: stat },
        },
      ],
    }),
  );
  return output.MetricDataResults?.[0]?.Values ?? [];
}

beforeAll(async () => {
  for (const region of [US, EU]) {
    const fixtures = fleetDynamoDb(inject("dynamodbEndpoint"), DEMO_ACCOUNT, region);
    const definition = (name: string) => ({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST" as const,
      AttributeDefinitions: [{ AttributeName: "userId", AttributeType: "S" as const }],
      KeySchema: [{ AttributeName: "userId", KeyType: "HASH" as const }],
    });
    await createTables(fixtures, [definition(TABLE), definition(OTHER)]);
    fixtures.destroy();
  }
  cloudwatch = await startLocalCloudWatch();
  sink = httpMetricsSink(cloudwatch.endpoint);
  proxy = await startMeteringProxy({
    upstream: inject("dynamodbEndpoint"),
    sink,
    now: () => clock,
    flushIntervalMs: 3_600_000,
    globalTables: [{ accessKeyId: DEMO_ACCOUNT.credentials.accessKeyId, tableName: TABLE, regions: [US, EU], lag: () => () => LAG_MS, publishPendingReplicationCount: true }],
  });
});

afterAll(async () => {
  for (const client of made) client.destroy();
  await proxy.stop();
  sink.destroy();
  await cloudwatch.stop();
});

describe("DescribeTable of a global table", () => {
  it("names the other region's replica and the version, in both regions, as AWS shapes them", async () => {
    const home = (await dynamo(US).send(new DescribeTableCommand({ TableName: TABLE }))).Table;
    expect(home?.GlobalTableVersion).toBe("2019.11.21");
    expect(home?.Replicas).toEqual([{ RegionName: EU, ReplicaStatus: "ACTIVE" }]);
    const replica = (await dynamo(EU).send(new DescribeTableCommand({ TableName: TABLE }))).Table;
    expect(replica?.GlobalTableVersion).toBe("2019.11.21");
    expect(replica?.Replicas).toEqual([{ RegionName: US, ReplicaStatus: "ACTIVE" }]);
    // Everything else DynamoDB Local said is kept.
    expect(replica?.KeySchema).toEqual([{ AttributeName: "userId", KeyType: "HASH" }]);
  });

  it("leaves other tables as DynamoDB Local describes them", async () => {
    const other = (await dynamo(US).send(new DescribeTableCommand({ TableName: OTHER }))).Table;
    expect(other?.TableName).toBe(OTHER);
    expect(other?.Replicas).toBeUndefined();
    expect(other?.GlobalTableVersion).toBeUndefined();
  });
});

describe("replication", () => {
  it("applies a write in the replica region only once its lag has passed, byte for byte", async () => {
    const item = { ...user("u1"), big: { N: "12345678901234567890123456789012345678" }, blob: { B: Uint8Array.from([0, 255, 7]) }, tags: { SS: ["a", "b"] } };
    await dynamo(US).send(new PutItemCommand({ TableName: TABLE, Item: item }));
    await dynamo(US).send(new PutItemCommand({ TableName: OTHER, Item: user("not-global") }));
    expect(proxy.replicationPending()).toBe(1);
    // Give the replication loop a few real ticks: nothing is due on the test's clock yet.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await itemIn(EU, "u1")).toBeUndefined();

    await proxy.flush();
    expect(await statistic(US, "PendingReplicationCount", EU, "Maximum")).toEqual([1]);
    expect(await statistic(US, "ReplicationLatency", EU, "SampleCount")).toEqual([]);

    clock += LAG_MS;
    await settled();
    expect(await itemIn(EU, "u1")).toEqual(item);
    const others = await fleetDynamoDb(inject("dynamodbEndpoint"), DEMO_ACCOUNT, EU).send(new GetItemCommand({ TableName: OTHER, Key: user("not-global") }));
    expect(others.Item).toBeUndefined();
  });

  it("replicates updates, deletes, batch writes and transactions: the replica converges on the source", async () => {
    await dynamo(US).send(new PutItemCommand({ TableName: TABLE, Item: { ...user("u2"), tier: { S: "free" } } }));
    await dynamo(US).send(new UpdateItemCommand({ TableName: TABLE, Key: user("u2"), UpdateExpression: "SET tier = :t", ExpressionAttributeValues: { ":t": { S: "pro" } } }));
    await dynamo(US).send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: [{ PutRequest: { Item: user("u3") } }, { PutRequest: { Item: user("u4") } }] } }));
    await dynamo(US).send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: TABLE, Item: user("u5") } }, { Delete: { TableName: TABLE, Key: user("u1") } }] }));
    await dynamo(US).send(new DeleteItemCommand({ TableName: TABLE, Key: user("u4") }));
    clock += LAG_MS;
    await settled();
    expect(await itemIn(EU, "u2")).toEqual({ ...user("u2"), tier: { S: "pro" } });
    expect(await itemIn(EU, "u3")).toEqual(user("u3"));
    expect(await itemIn(EU, "u4")).toBeUndefined();
    expect(await itemIn(EU, "u5")).toEqual(user("u5"));
    expect(await itemIn(EU, "u1")).toBeUndefined();
  });

  it("replicates writes made in the replica region back (every 2019.11.21 replica is writable)", async () => {
    await dynamo(EU).send(new PutItemCommand({ TableName: TABLE, Item: { ...user("from-eu"), note: { S: "written in Dublin" } } }));
    clock += LAG_MS;
    await settled();
    expect(await itemIn(US, "from-eu")).toEqual({ ...user("from-eu"), note: { S: "written in Dublin" } });
  });

  it("publishes ReplicationLatency and PendingReplicationCount in the sending region, with the receiving region as a dimension", async () => {
    await proxy.flush();
    // Every write took exactly the lag on the test's clock.
    expect(await statistic(US, "ReplicationLatency", EU, "Maximum")).toEqual([LAG_MS]);
    expect(await statistic(US, "ReplicationLatency", EU, "Average")).toEqual([LAG_MS]);
    // One per item written in us-east-1: u1, u2 (twice), u3 and u4 (batch), u5 and u1 (transaction), u4 again.
    expect(await statistic(US, "ReplicationLatency", EU, "SampleCount")).toEqual([8]);
    expect(await statistic(US, "PendingReplicationCount", EU, "Minimum")).toEqual([0]);
    expect(await statistic(EU, "ReplicationLatency", US, "SampleCount")).toEqual([1]);
    // The receiving region publishes no latency for writes it received.
    expect(await statistic(EU, "ReplicationLatency", EU, "SampleCount")).toEqual([]);
    const euLatency = await metrics(EU).send(new ListMetricsCommand({ MetricName: "ReplicationLatency" }));
    expect(euLatency.Metrics?.map((metric) => metric.Dimensions)).toEqual([[{ Name: "ReceivingRegion", Value: US }, { Name: "TableName", Value: TABLE }]]);
  });

  it("charges replicated writes to the replica's write capacity, where they land", async () => {
    const consumed = await metrics(EU).send(
      new GetMetricDataCommand({
        StartTime: new Date(clock - 3_600_000),
        EndTime: new Date(clock + 3_600_000),
        MetricDataQueries: [{ Id: "w", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ConsumedWriteCapacityUnits", Dimensions: [{ Name: "TableName", Value: TABLE }] }, Period: 3_600, Stat: "SampleCount" } }],
      }),
    );
    // The eight writes that arrived from us-east-1, plus the one put made in eu-west-1 itself.
    expect(consumed.MetricDataResults?.[0]?.Values).toEqual([9]);
  });
});
