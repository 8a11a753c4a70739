import { DescribeInsightRulesCommand, GetInsightRuleReportCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  DescribeContributorInsightsCommand,
  GetItemCommand,
  ListContributorInsightsCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  ThrottlingException,
} from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";

const HOT = "it-throttle-Hot";
const SMALL = "it-throttle-Small";
const GSI_LOW = "it-throttle-GsiLow";
const CAPPED = "it-throttle-Capped";
const ARN = (table: string) => `arn:aws:dynamodb:ddblocal:000000000000:table/${table}`;
const simpleKey = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] };
const startedAt = new Date(Date.now() - 120_000);
let stack: MeteringStack;

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    { TableName: HOT, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 10_000, WriteCapacityUnits: 10_000 }, ...simpleKey },
    { TableName: SMALL, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }, ...simpleKey },
    {
      TableName: GSI_LOW,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 1_000, WriteCapacityUnits: 1_000 },
      AttributeDefinitions: [...simpleKey.AttributeDefinitions, { AttributeName: "g", AttributeType: "S" }],
      KeySchema: simpleKey.KeySchema,
      GlobalSecondaryIndexes: [{ IndexName: "ByG", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }],
    },
    { TableName: CAPPED, BillingMode: "PAY_PER_REQUEST", OnDemandThroughput: { MaxReadRequestUnits: 1, MaxWriteRequestUnits: 1 }, ...simpleKey },
  ]);
  fixtures.destroy();
  // Scale 0.001: one partition key may take 3 RCU and 1 WCU per second.
  stack = await startMeteringStack({ enforcer: { capacityScale: 0.001 }, contributorInsights: { [HOT]: "ACCESSED_AND_THROTTLED_KEYS" } });
});

afterAll(() => stack.stop());

async function throttleOf(send: () => Promise<unknown>, attempts = 10): Promise<unknown> {
  for (let i = 0; i < attempts; i++) {
    try {
      await send();
    } catch (error) {
      return error;
    }
  }
  return null;
}

async function sum(metricName: string, dimensions: Array<{ Name: string; Value: string }>): Promise<number> {
  const result = await stack.metrics.send(
    new GetMetricDataCommand({
      StartTime: startedAt,
      EndTime: new Date(Date.now() + 120_000),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: dimensions }, Period: 60, Stat: "Sum" } }],
    }),
  );
  return (result.MetricDataResults?.[0]?.Values ?? []).reduce((total, value) => total + value, 0);
}

describe("throttling through the proxy", () => {
  it("throttles a hot key with a key-range reason while other keys pass, and publishes KeyRange events", async () => {
    const error = await throttleOf(() => stack.viaProxy.send(new PutItemCommand({ TableName: HOT, Item: { pk: { S: "HOT-KEY" }, v: { S: "x".repeat(1500) } } })));
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect((error as ProvisionedThroughputExceededException).ThrottlingReasons).toEqual([{ reason: "TableWriteKeyRangeThroughputExceeded", resource: ARN(HOT) }]);
    expect((error as ProvisionedThroughputExceededException).$metadata.httpStatusCode).toBe(400);
    await stack.viaProxy.send(new PutItemCommand({ TableName: HOT, Item: { pk: { S: "cold-key" } } }));
    // Reads: the hot key is read more than anyone else, so Contributor Insights ranks it first.
    for (let i = 0; i < 6; i++) {
      await stack.viaProxy.send(new GetItemCommand({ TableName: HOT, Key: { pk: { S: i % 3 === 0 ? "cold-key" : "HOT-KEY" } } })).catch(() => undefined);
    }
    await stack.proxy.flush();
    expect(await sum("WriteKeyRangeThroughputThrottleEvents", [{ Name: "TableName", Value: HOT }])).toBeGreaterThanOrEqual(1);
    expect(await sum("WriteThrottleEvents", [{ Name: "TableName", Value: HOT }])).toBeGreaterThanOrEqual(1);
    expect(await sum("ThrottledRequests", [{ Name: "TableName", Value: HOT }, { Name: "Operation", Value: "PutItem" }])).toBeGreaterThanOrEqual(1);
    expect(await sum("WriteProvisionedThroughputThrottleEvents", [{ Name: "TableName", Value: HOT }])).toBe(0);
  });

  it("throttles a table past its provisioned capacity with the Provisioned reason", async () => {
    let i = 0;
    const error = await throttleOf(() => stack.viaProxy.send(new PutItemCommand({ TableName: SMALL, Item: { pk: { S: `k${i++}` }, v: { S: "x".repeat(2500) } } })));
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect((error as ProvisionedThroughputExceededException).ThrottlingReasons).toEqual([{ reason: "TableWriteProvisionedThroughputExceeded", resource: ARN(SMALL) }]);
    await stack.proxy.flush();
    expect(await sum("WriteProvisionedThroughputThrottleEvents", [{ Name: "TableName", Value: SMALL }])).toBeGreaterThanOrEqual(1);
  });

  it("holds back base-table writes when a GSI is out of write capacity, naming the index", async () => {
    let i = 0;
    const error = await throttleOf(() => stack.viaProxy.send(new PutItemCommand({ TableName: GSI_LOW, Item: { pk: { S: `k${i++}` }, g: { S: `g${i}` }, v: { S: "x".repeat(2500) } } })));
    expect(error).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect((error as ProvisionedThroughputExceededException).ThrottlingReasons).toEqual([{ reason: "IndexWriteProvisionedThroughputExceeded", resource: `${ARN(GSI_LOW)}/index/ByG` }]);
    // An item without the index key does not touch the GSI and goes through.
    await stack.viaProxy.send(new PutItemCommand({ TableName: GSI_LOW, Item: { pk: { S: "no-index-key" } } }));
    await stack.proxy.flush();
    expect(await sum("WriteProvisionedThroughputThrottleEvents", [{ Name: "TableName", Value: GSI_LOW }, { Name: "GlobalSecondaryIndexName", Value: "ByG" }])).toBeGreaterThanOrEqual(1);
  });

  it("answers the on-demand maximum with ThrottlingException and its reasons", async () => {
    let i = 0;
    const error = await throttleOf(() => stack.viaProxy.send(new PutItemCommand({ TableName: CAPPED, Item: { pk: { S: `k${i++}` }, v: { S: "x".repeat(2500) } } })));
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).throttlingReasons).toEqual([{ reason: "TableWriteMaxOnDemandThroughputExceeded", resource: ARN(CAPPED) }]);
    await stack.proxy.flush();
    expect(await sum("WriteMaxOnDemandThroughputThrottleEvents", [{ Name: "TableName", Value: CAPPED }])).toBeGreaterThanOrEqual(1);
  });
});

describe("Contributor Insights through the proxy", () => {
  it("describes the enabled table with AWS's rule names, and lists it", async () => {
    const described = await stack.viaProxy.send(new DescribeContributorInsightsCommand({ TableName: HOT }));
    expect(described.ContributorInsightsStatus).toBe("ENABLED");
    expect(described.ContributorInsightsMode).toBe("ACCESSED_AND_THROTTLED_KEYS");
    expect(described.ContributorInsightsRuleList).toEqual([
      expect.stringMatching(new RegExp(`^DynamoDBContributorInsights-PKC-${HOT}-\\d{13}$`)),
      expect.stringMatching(new RegExp(`^DynamoDBContributorInsights-PKT-${HOT}-\\d{13}$`)),
    ]);
    expect((await stack.viaProxy.send(new DescribeContributorInsightsCommand({ TableName: SMALL }))).ContributorInsightsStatus).toBe("DISABLED");
    const listed = await stack.viaProxy.send(new ListContributorInsightsCommand({}));
    expect(listed.ContributorInsightsSummaries).toEqual([{ TableName: HOT, ContributorInsightsStatus: "ENABLED", ContributorInsightsMode: "ACCESSED_AND_THROTTLED_KEYS" }]);
  });

  it("ranks the hot key first in the PKC rule report, and counts its throttles in PKT", async () => {
    const rules = await stack.metrics.send(new DescribeInsightRulesCommand({}));
    const pkc = rules.InsightRules?.find((rule) => rule.Name?.startsWith(`DynamoDBContributorInsights-PKC-${HOT}-`))?.Name;
    const pkt = rules.InsightRules?.find((rule) => rule.Name?.startsWith(`DynamoDBContributorInsights-PKT-${HOT}-`))?.Name;
    expect(pkc).toBeDefined();
    const window = { StartTime: startedAt, EndTime: new Date(Date.now() + 120_000), Period: 60, MaxContributorCount: 10, Metrics: ["MaxContributorValue"], OrderBy: "Sum" };
    const accessed = await stack.metrics.send(new GetInsightRuleReportCommand({ RuleName: pkc, ...window }));
    expect(accessed.Contributors?.[0]?.Keys).toEqual(["HOT-KEY"]);
    expect(accessed.Contributors?.map((contributor) => contributor.Keys?.[0])).toContain("cold-key");
    const throttled = await stack.metrics.send(new GetInsightRuleReportCommand({ RuleName: pkt, ...window }));
    expect(throttled.Contributors?.[0]?.Keys).toEqual(["HOT-KEY"]);
    expect(throttled.Contributors?.[0]?.ApproximateAggregateValue).toBeGreaterThanOrEqual(1);
  });
});
