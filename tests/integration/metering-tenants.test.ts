import { GetMetricDataCommand, ListMetricsCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import {
  DynamoDBServiceException,
  ListContributorInsightsCommand,
  ListTablesCommand,
  PutItemCommand,
  UpdateContributorInsightsCommand,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { ANALYTICS_ACCOUNT, DEMO_ACCOUNT, type FleetAccount } from "../../local/fleet/demo-fleet";
import { fleetCloudWatch, fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { overrideAuthorization } from "../support/authorization-override";
import { createTables } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";

// The proxy meters each access key in each region on its own, as AWS meters each account's tables per region: the
// same table name in us-east-1, eu-west-1 and another account is three tables, with their own capacity and metrics.
const TABLE = "it-tenants-Twin";
const startedAt = new Date(Date.now() - 120_000);
const tenants = [
  { account: DEMO_ACCOUNT, region: "us-east-1", writeCapacity: 1 },
  { account: DEMO_ACCOUNT, region: "eu-west-1", writeCapacity: 1_000 },
  { account: ANALYTICS_ACCOUNT, region: "eu-west-1", writeCapacity: 40 },
] as const;

let stack: MeteringStack;
const made: Array<{ destroy: () => void }> = [];

function viaProxy(account: FleetAccount, region: string): DynamoDBClient {
  const client = fleetDynamoDb(stack.proxy.endpoint, account, region, { maxAttempts: 1 });
  made.push(client);
  return client;
}

function metricsOf(account: FleetAccount, region: string): CloudWatchClient {
  const client = fleetCloudWatch(stack.cloudwatch.endpoint, account, region);
  made.push(client);
  return client;
}

async function metricSum(account: FleetAccount, region: string, metricName: string, stat = "Sum"): Promise<number | null> {
  const output = await metricsOf(account, region).send(
    new GetMetricDataCommand({
      StartTime: startedAt,
      EndTime: new Date(Date.now() + 120_000),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: [{ Name: "TableName", Value: TABLE }] }, Period: 60, Stat: stat } }],
    }),
  );
  const values = output.MetricDataResults?.[0]?.Values ?? [];
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0);
}

/** Sends `count` one-unit puts back to back (each is charged before the next is admitted) and counts the throttled ones. */
async function burst(client: DynamoDBClient, count: number): Promise<number> {
  let throttled = 0;
  for (let index = 0; index < count; index++) {
    try {
      await client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `k${index}` } } }));
    } catch (error) {
      if (!(error instanceof Error) || error.name !== "ProvisionedThroughputExceededException") throw error;
      throttled++;
    }
  }
  return throttled;
}

beforeAll(async () => {
  for (const tenant of tenants) {
    const fixtures = fleetDynamoDb(inject("dynamodbEndpoint"), tenant.account, tenant.region);
    await createTables(fixtures, [
      {
        TableName: TABLE,
        BillingMode: "PROVISIONED",
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: tenant.writeCapacity },
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      },
    ]);
    fixtures.destroy();
  }
  stack = await startMeteringStack();
});

afterAll(async () => {
  for (const client of made) client.destroy();
  await stack.stop();
});

describe("one proxy, many accounts and regions", () => {
  it("forwards each request to its own database: the signing key and region pick it, as in AWS", async () => {
    const names = async (account: FleetAccount, region: string) => (await viaProxy(account, region).send(new ListTablesCommand({}))).TableNames ?? [];
    for (const tenant of tenants) expect(await names(tenant.account, tenant.region)).toContain(TABLE);
    expect(await names(ANALYTICS_ACCOUNT, "us-east-1")).not.toContain(TABLE);
  });

  it("throttles, meters and publishes each tenant's table on its own, to its own account and region", async () => {
    // us-east-1's copy has 1 WCU (one second of it to start with), the others plenty: only us-east-1 throttles.
    const throttled = { us: await burst(viaProxy(DEMO_ACCOUNT, "us-east-1"), 6), eu: await burst(viaProxy(DEMO_ACCOUNT, "eu-west-1"), 6), analytics: await burst(viaProxy(ANALYTICS_ACCOUNT, "eu-west-1"), 3) };
    expect(throttled.us).toBeGreaterThan(0);
    expect(throttled.eu).toBe(0);
    expect(throttled.analytics).toBe(0);
    await stack.proxy.flush();

    expect(await metricSum(DEMO_ACCOUNT, "us-east-1", "ConsumedWriteCapacityUnits")).toBe(6 - throttled.us);
    expect(await metricSum(DEMO_ACCOUNT, "us-east-1", "WriteThrottleEvents")).toBe(throttled.us);
    expect(await metricSum(DEMO_ACCOUNT, "us-east-1", "ProvisionedWriteCapacityUnits", "Maximum")).toBe(1);
    expect(await metricSum(DEMO_ACCOUNT, "eu-west-1", "ConsumedWriteCapacityUnits")).toBe(6);
    expect(await metricSum(DEMO_ACCOUNT, "eu-west-1", "WriteThrottleEvents")).toBeNull();
    expect(await metricSum(DEMO_ACCOUNT, "eu-west-1", "ProvisionedWriteCapacityUnits", "Maximum")).toBe(1_000);
    expect(await metricSum(ANALYTICS_ACCOUNT, "eu-west-1", "ConsumedWriteCapacityUnits")).toBe(3);
    expect(await metricSum(ANALYTICS_ACCOUNT, "eu-west-1", "ProvisionedWriteCapacityUnits", "Maximum")).toBe(40);
    // The analytics account has no such table in us-east-1, so nothing of it shows there.
    const analyticsHome = await metricsOf(ANALYTICS_ACCOUNT, "us-east-1").send(new ListMetricsCommand({ Dimensions: [{ Name: "TableName", Value: TABLE }] }));
    expect(analyticsHome.Metrics ?? []).toEqual([]);
  });

  it("keeps Contributor Insights per tenant", async () => {
    await viaProxy(DEMO_ACCOUNT, "eu-west-1").send(new UpdateContributorInsightsCommand({ TableName: TABLE, ContributorInsightsAction: "ENABLE" }));
    const listed = async (account: FleetAccount, region: string) =>
      ((await viaProxy(account, region).send(new ListContributorInsightsCommand({ TableName: TABLE }))).ContributorInsightsSummaries ?? []).map((summary) => summary.ContributorInsightsStatus);
    expect(await listed(DEMO_ACCOUNT, "eu-west-1")).toEqual(["ENABLED"]);
    expect(await listed(DEMO_ACCOUNT, "us-east-1")).toEqual([]);
    expect(await listed(ANALYTICS_ACCOUNT, "eu-west-1")).toEqual([]);
  });
});

describe("requests without a usable signature", () => {
  const refusal = async (authorization: string | undefined) => {
    const client = viaProxy(DEMO_ACCOUNT, "us-east-1");
    overrideAuthorization(client, authorization);
    return client.send(new ListTablesCommand({})).then(
      () => expect.fail("the proxy must refuse the request"),
      (caught: unknown) => caught,
    );
  };

  it("answers an unsigned request with MissingAuthenticationTokenException, as DynamoDB does", async () => {
    const error = await refusal(undefined);
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error).toMatchObject({ name: "MissingAuthenticationTokenException", message: "Request is missing Authentication Token", $metadata: { httpStatusCode: 400 } });
  });

  it("answers a header that is not a complete SigV4 one with IncompleteSignatureException, instead of forwarding it", async () => {
    for (const header of ["garbage", "AWS4-HMAC-SHA256 Credential=local/20260101/dynamodb/aws4_request, SignedHeaders=host, Signature=0"]) {
      expect(await refusal(header)).toMatchObject({ name: "IncompleteSignatureException", $metadata: { httpStatusCode: 400 } });
    }
  });
});
