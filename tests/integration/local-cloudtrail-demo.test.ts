import { CloudTrailClient, LookupEventsCommand, type Event } from "@aws-sdk/client-cloudtrail";
import { GetMetricDataCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "../../local/fleet/demo-fleet";
import { fleetCloudWatch, fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { LOCAL_REGION } from "../../local/local-clients";
import { DEMO_BASELINES } from "../../local/stack/demo-baselines";
import { DEMO_DEPLOY, deployChangeAt } from "../../local/stack/demo-deploy";
import { checkDemoTrail, deployChangeIn } from "../../local/stack/demo-trail-signals";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";

// The demo as the e2e setup starts it (30 simulated minutes, no live traffic): the deploy role's change on Sessions
// is in the local CloudTrail at its simulated time, Sessions throttles only after it, auto scaling's own changes are
// its service-linked role's, and the local CloudWatch holds the same window a day and a week earlier.
const HISTORY_MS = 30 * 60_000;
const MINUTE = 60_000;
let stack: LocalStack;
let endMs: number;
let cloudtrail: CloudTrailClient;
let cloudwatch: CloudWatchClient;

beforeAll(async () => {
  const before = Date.now();
  stack = await startLocalStack({ seed: true, historyMs: HISTORY_MS, workload: false, heapMb: 512, cloudtrailRateLimit: false });
  endMs = before;
  cloudtrail = new CloudTrailClient({ endpoint: stack.cloudtrail.endpoint, region: LOCAL_REGION, credentials: DEMO_ACCOUNT.credentials, maxAttempts: 1 });
  cloudwatch = fleetCloudWatch(stack.cloudwatch.endpoint, DEMO_ACCOUNT, LOCAL_REGION);
}, 240_000);

afterAll(async () => {
  cloudtrail?.destroy();
  cloudwatch?.destroy();
  await stack?.stop();
});

async function eventsOn(table: string): Promise<Event[]> {
  const output = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "ResourceName", AttributeValue: table }] }));
  return output.Events ?? [];
}

/** Per-minute sums of one metric in [start, end), in the demo account's home region. */
async function perMinute(metricName: string, dimensions: Record<string, string>, startMs: number, endMsExclusive: number): Promise<number[]> {
  const output = await cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(startMs),
      EndTime: new Date(endMsExclusive),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) }, Period: 60, Stat: "Sum" } }],
    }),
  );
  return output.MetricDataResults?.[0]?.Values ?? [];
}
const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

describe("the demo's change history", () => {
  it("holds the deploy role lowering Sessions from 20 to 5 WCU at its simulated minute, and the real table has 5", async () => {
    expect(stack.dashboardEnv.CLOUDTRAIL_ENDPOINT).toBe(stack.cloudtrail.endpoint);
    const deploys = (await eventsOn(DEMO_DEPLOY.table)).flatMap((event) => {
      const change = deployChangeIn(event);
      return change ? [{ event, change }] : [];
    });
    expect(deploys).toHaveLength(1);
    const [deploy] = deploys;
    expect(deploy?.change).toEqual({ who: expect.stringMatching(new RegExp(`^arn:aws:sts::${DEMO_ACCOUNT.accountId}:assumed-role/deploy/ci-\\d+$`)), from: DEMO_DEPLOY.fromWcu, to: DEMO_DEPLOY.toWcu });
    // 20 minutes into the history, give or take the moment the stack read the clock.
    const at = deploy?.event.EventTime?.getTime() ?? 0;
    expect(at).toBeGreaterThanOrEqual(deployChangeAt(endMs - HISTORY_MS, HISTORY_MS) - 1_000);
    expect(at).toBeLessThanOrEqual(deployChangeAt(endMs - HISTORY_MS, HISTORY_MS) + 60_000);
    expect(at - (endMs - HISTORY_MS)).toBeGreaterThanOrEqual(DEMO_DEPLOY.afterStartMs - 1_000);
    expect(await checkDemoTrail(stack.cloudtrail.endpoint)).toEqual([expect.objectContaining({ ok: true })]);

    const admin = fleetDynamoDb(stack.dynamodb.endpoint, DEMO_ACCOUNT, LOCAL_REGION);
    try {
      const table = await admin.send(new DescribeTableCommand({ TableName: DEMO_DEPLOY.table }));
      expect(table.Table?.ProvisionedThroughput?.WriteCapacityUnits).toBe(DEMO_DEPLOY.toWcu);
    } finally {
      admin.destroy();
    }
  });

  it("throttles Sessions' writes only after the deploy", async () => {
    const deployAt = deployChangeAt(endMs - HISTORY_MS, HISTORY_MS);
    const dimensions = { TableName: DEMO_DEPLOY.table };
    expect(total(await perMinute("WriteThrottleEvents", dimensions, endMs - HISTORY_MS - MINUTE, deployAt - MINUTE))).toBe(0);
    expect(total(await perMinute("WriteThrottleEvents", dimensions, deployAt, endMs + MINUTE))).toBeGreaterThan(0);
  });

  it("records auto scaling's own capacity changes in the history as its service-linked role", async () => {
    const events = await eventsOn("Shop");
    const scaling = events.filter((event) => event.EventName === "UpdateTable" && event.Username === "AutoScaling-UpdateCapacity");
    expect(scaling.length).toBeGreaterThan(0);
    for (const event of scaling) {
      expect(event.EventTime?.getTime() ?? 0).toBeGreaterThanOrEqual(endMs - HISTORY_MS);
      expect(JSON.parse(event.CloudTrailEvent ?? "{}")).toMatchObject({
        userIdentity: { arn: `arn:aws:sts::${DEMO_ACCOUNT.accountId}:assumed-role/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable/AutoScaling-UpdateCapacity` },
        requestParameters: { tableName: "Shop", globalSecondaryIndexUpdates: [{ update: { indexName: "GSI1" } }] },
      });
    }
    // And its configuration, at the start of the history.
    const configuration = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "autoscaling.amazonaws.com" }] }));
    expect((configuration.Events ?? []).map((event) => event.EventName).sort()).toEqual(["PutScalingPolicy", "RegisterScalableTarget"]);
  });
});

describe("the demo's baselines", () => {
  it("publishes the history's window a day and a week earlier, with Sessions throttling last week and Shop's writes lower", async () => {
    const startMs = endMs - HISTORY_MS;
    const window = (offsetMs: number) => [startMs - offsetMs, endMs - offsetMs] as const;
    const [day, week] = DEMO_BASELINES.map((baseline) => window(baseline.offsetMs));
    if (!day || !week) throw new Error("two baselines expected");
    for (const [from, to] of [day, week]) {
      const writes = await perMinute("ConsumedWriteCapacityUnits", { TableName: "Shop" }, from, to);
      expect(writes.length).toBeGreaterThanOrEqual(29);
      expect(await perMinute("ProvisionedWriteCapacityUnits", { TableName: "Sessions" }, from, to)).not.toEqual([]);
    }
    // Last week Sessions had 5 WCU and throttled at this hour; a day ago it had 20 and did not.
    expect(total(await perMinute("WriteThrottleEvents", { TableName: "Sessions" }, ...week))).toBeGreaterThan(0);
    expect(total(await perMinute("WriteThrottleEvents", { TableName: "Sessions" }, ...day))).toBe(0);
    // Today's Shop writes (the bot on one customer's cart) are well above the usual for the hour.
    const today = total(await perMinute("ConsumedWriteCapacityUnits", { TableName: "Shop" }, startMs, endMs));
    expect(today).toBeGreaterThan(1.5 * total(await perMinute("ConsumedWriteCapacityUnits", { TableName: "Shop" }, ...day)));
    expect(today).toBeGreaterThan(1.5 * total(await perMinute("ConsumedWriteCapacityUnits", { TableName: "Shop" }, ...week)));
  });
});
