import { ApplicationAutoScalingClient, DescribeScalingActivitiesCommand, PutScalingPolicyCommand, RegisterScalableTargetCommand, type ScalingActivity } from "@aws-sdk/client-application-auto-scaling";
import { DescribeTableCommand, DynamoDBClient, PutItemCommand, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { startMeteringProxy, type RunningMeteringProxy } from "../../local/metering/metering-proxy";
import { httpMetricsSink } from "../../local/metering/metrics-sink";
import { createTables, fixtureClient } from "../support/local-tables";

// End to end on a driven clock: load through the metering proxy, metrics into the local CloudWatch, its alarms
// evaluated minute by minute, the local Application Auto Scaling acting on them and changing the table through the
// proxy. The proxy keeps no burst (burstSeconds 0), so the table admits about its provisioned rate and no more.
const MINUTE = 60_000;
const TABLE = "it-as-Step";
const SHRINKING = "it-as-Shrinking";
const RESOURCE = `table/${TABLE}`;
const DIMENSION = "dynamodb:table:WriteCapacityUnits" as const;

let clock = Math.floor(Date.now() / MINUTE) * MINUTE - 12 * MINUTE;
let cloudwatch: RunningLocalCloudWatch;
let proxy: RunningMeteringProxy;
let autoscaling: RunningLocalAutoScaling;
let sink: ReturnType<typeof httpMetricsSink>;
let viaProxy: DynamoDBClient;
let scaling: ApplicationAutoScalingClient;
let written = 0;

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    { TableName: TABLE, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }, AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
    { TableName: SHRINKING, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 100 }, AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
  ]);
  fixtures.destroy();
  // The driven clock is CloudWatch's too; its own once-a-minute pass stays out of the way.
  cloudwatch = await startLocalCloudWatch({ now: () => clock, evaluationIntervalMs: 3_600_000 });
  sink = httpMetricsSink(cloudwatch.endpoint);
  proxy = await startMeteringProxy({ upstream: inject("dynamodbEndpoint"), sink, enforcer: { burstSeconds: 0 }, flushIntervalMs: 3_600_000, now: () => clock });
  autoscaling = await startLocalAutoScaling({ cloudwatch, dynamodbEndpoint: proxy.endpoint, now: () => clock });
  viaProxy = new DynamoDBClient({ endpoint: proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  scaling = new ApplicationAutoScalingClient({ endpoint: autoscaling.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const target = { ServiceNamespace: "dynamodb" as const, ResourceId: RESOURCE, ScalableDimension: DIMENSION };
  await scaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 5, MaxCapacity: 50 }));
  await scaling.send(
    new PutScalingPolicyCommand({
      ...target,
      PolicyName: "step-writes",
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBWriteCapacityUtilization" } },
    }),
  );
});

afterAll(async () => {
  viaProxy.destroy();
  scaling.destroy();
  await autoscaling.stop();
  await proxy.stop();
  sink.destroy();
  await cloudwatch.stop();
});

/** One driven minute of `perSecond` 1-WCU writes, evenly spread; then the proxy publishes and CloudWatch evaluates. */
async function minuteOfWrites(perSecond: number): Promise<{ throttled: number }> {
  const start = clock;
  let throttled = 0;
  for (let i = 0; i < perSecond * 60; i++) {
    clock = start + Math.floor((i * 1000) / perSecond);
    try {
      await viaProxy.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `k${written++}` }, pad: { S: "x".repeat(700) } } }));
    } catch (error) {
      if (!(error instanceof Error) || error.name !== "ProvisionedThroughputExceededException") throw error;
      throttled++;
    }
  }
  clock = start + MINUTE;
  await proxy.flush();
  await cloudwatch.evaluateAlarms(clock);
  return { throttled };
}

async function activities(): Promise<ScalingActivity[]> {
  const output = await scaling.send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "dynamodb", ResourceId: RESOURCE, ScalableDimension: DIMENSION }));
  return output.ScalingActivities ?? [];
}

async function writeCapacity(): Promise<number | undefined> {
  return (await viaProxy.send(new DescribeTableCommand({ TableName: TABLE }))).Table?.ProvisionedThroughput?.WriteCapacityUnits;
}

describe("auto scaling a table under a step in load", () => {
  it("scales out two minutes after the step, and the proxy then admits the new rate", async () => {
    for (let i = 0; i < 3; i++) expect((await minuteOfWrites(2)).throttled).toBe(0);
    expect(await activities()).toEqual([]);

    // The step: 6 writes a second against 5 WCU. One minute above the target is not enough for AlarmHigh.
    const stepAt = clock;
    expect((await minuteOfWrites(6)).throttled).toBeGreaterThan(0);
    expect(await activities()).toEqual([]);
    expect(await writeCapacity()).toBe(5);

    // The second minute above the target: AlarmHigh goes to ALARM and the policy scales out.
    expect((await minuteOfWrites(6)).throttled).toBeGreaterThan(0);
    const [activity] = await activities();
    const capacity = await writeCapacity();
    expect(capacity).toBeGreaterThan(5);
    expect(activity).toMatchObject({ StatusCode: "Successful", Description: `Setting write capacity units to ${capacity}.` });
    expect(activity?.Cause).toMatch(new RegExp(`^monitor alarm TargetTracking-${RESOURCE}-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy step-writes$`));
    expect(activity?.StartTime?.getTime()).toBe(stepAt + 2 * MINUTE);

    // The same load now fits: the proxy throttles against the new capacity at once. (A second's pause first lets the
    // bucket make up the fraction of a unit the last throttled write left it short.)
    clock += 1_000;
    expect((await minuteOfWrites(6)).throttled).toBe(0);
  });
});

describe("the daily limit on decreases, through the proxy", () => {
  it("answers a fifth decrease within the hour with DynamoDB's LimitExceededException, and allows one an hour later", async () => {
    const decrease = (units: number) => viaProxy.send(new UpdateTableCommand({ TableName: SHRINKING, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: units } }));
    for (const units of [90, 80, 70, 60]) {
      clock += MINUTE;
      await decrease(units);
    }
    clock += MINUTE;
    const refused = await decrease(50).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect(refused instanceof Error ? refused.name : "").toBe("LimitExceededException");
    expect(refused instanceof Error ? refused.message : "").toMatch(/^Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day\..*Number of decreases today: 4\./);
    const current = await viaProxy.send(new DescribeTableCommand({ TableName: SHRINKING }));
    expect(current.Table?.ProvisionedThroughput?.WriteCapacityUnits).toBe(60);
    // Increases are not limited, and an hour after the last decrease one more is allowed.
    await viaProxy.send(new UpdateTableCommand({ TableName: SHRINKING, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 65 } }));
    clock += 60 * MINUTE;
    await decrease(50);
    expect((await viaProxy.send(new DescribeTableCommand({ TableName: SHRINKING }))).Table?.ProvisionedThroughput?.WriteCapacityUnits).toBe(50);
  });
});
