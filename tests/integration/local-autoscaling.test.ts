import {
  ApplicationAutoScalingClient,
  DeleteScalingPolicyCommand,
  type DescribeScheduledActionsCommandOutput,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingActivitiesCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
  type PutScalingPolicyCommandInput,
} from "@aws-sdk/client-application-auto-scaling";
import { DescribeAlarmsCommand, type CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import { ANALYTICS_ACCOUNT, DEMO_ACCOUNT, type FleetAccount } from "../../local/fleet/demo-fleet";
import { fleetCloudWatch, fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { createTables } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";

// The local Application Auto Scaling through the real @aws-sdk/client-application-auto-scaling: every operation,
// AWS's validation errors, MaxResults/NextToken paging, and tenants (account from the access key, region from the
// signature) kept apart. Its alarms land in the local CloudWatch, its capacity reads go through the metering proxy.
const TABLE = "it-as-Orders";
const ON_DEMAND = "it-as-OnDemand";
const TABLE_ID = `table/${TABLE}`;
const INDEX_ID = `table/${TABLE}/index/ByStatus`;
const TABLE_WRITES = "dynamodb:table:WriteCapacityUnits" as const;
const INDEX_READS = "dynamodb:index:ReadCapacityUnits" as const;
const REGION = "us-east-1";

let stack: MeteringStack;
let autoscaling: RunningLocalAutoScaling;
const clients: Array<{ destroy: () => void }> = [];

function scalingClient(account: FleetAccount = DEMO_ACCOUNT, region = REGION): ApplicationAutoScalingClient {
  const client = new ApplicationAutoScalingClient({ endpoint: autoscaling.endpoint, region, credentials: account.credentials, maxAttempts: 1 });
  clients.push(client);
  return client;
}

function alarmsClient(account: FleetAccount = DEMO_ACCOUNT): CloudWatchClient {
  const client = fleetCloudWatch(stack.cloudwatch.endpoint, account, REGION);
  clients.push(client);
  return client;
}

const ordersTable = (name: string) => ({
  TableName: name,
  BillingMode: "PROVISIONED" as const,
  ProvisionedThroughput: { ReadCapacityUnits: 20, WriteCapacityUnits: 10 },
  AttributeDefinitions: [
    { AttributeName: "pk", AttributeType: "S" as const },
    { AttributeName: "status", AttributeType: "S" as const },
  ],
  KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }],
  GlobalSecondaryIndexes: [{ IndexName: "ByStatus", KeySchema: [{ AttributeName: "status", KeyType: "HASH" as const }], Projection: { ProjectionType: "ALL" as const }, ProvisionedThroughput: { ReadCapacityUnits: 8, WriteCapacityUnits: 4 } }],
});

beforeAll(async () => {
  for (const account of [DEMO_ACCOUNT, ANALYTICS_ACCOUNT]) {
    const fixtures = fleetDynamoDb(inject("dynamodbEndpoint"), account, REGION, { maxAttempts: 5 });
    const tables = account === DEMO_ACCOUNT ? [ordersTable(TABLE), { TableName: ON_DEMAND, BillingMode: "PAY_PER_REQUEST" as const, AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] }] : [ordersTable(TABLE)];
    await createTables(fixtures, tables);
    fixtures.destroy();
  }
  stack = await startMeteringStack();
  autoscaling = await startLocalAutoScaling({ cloudwatch: stack.cloudwatch, dynamodbEndpoint: stack.proxy.endpoint });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await autoscaling.stop();
  await stack.stop();
});

const target = (ResourceId: string, ScalableDimension: string) => ({ ServiceNamespace: "dynamodb" as const, ResourceId, ScalableDimension: ScalableDimension as typeof TABLE_WRITES });

async function errorOf(send: () => Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await send();
  } catch (error) {
    if (error instanceof Error) return { name: error.name, message: error.message };
    throw error;
  }
  throw new Error("expected the call to fail");
}

const policyInput = (name: string, targetValue = 70): PutScalingPolicyCommandInput => ({
  ...target(TABLE_ID, TABLE_WRITES),
  PolicyName: name,
  PolicyType: "TargetTrackingScaling",
  TargetTrackingScalingPolicyConfiguration: { TargetValue: targetValue, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBWriteCapacityUtilization" }, ScaleInCooldown: 60 },
});

describe("scalable targets", () => {
  it("registers, describes and updates a target, keeping its ARN and creation time", async () => {
    const client = scalingClient();
    const registered = await client.send(new RegisterScalableTargetCommand({ ...target(TABLE_ID, TABLE_WRITES), MinCapacity: 5, MaxCapacity: 40 }));
    expect(registered.ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:111111111111:scalable-target\/[0-9a-f]{36}$/);
    const first = (await client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb", ResourceIds: [TABLE_ID] }))).ScalableTargets ?? [];
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ ResourceId: TABLE_ID, ScalableDimension: TABLE_WRITES, MinCapacity: 5, MaxCapacity: 40, ScalableTargetARN: registered.ScalableTargetARN });
    expect(first[0]?.CreationTime).toBeInstanceOf(Date);

    await client.send(new RegisterScalableTargetCommand({ ...target(TABLE_ID, TABLE_WRITES), MaxCapacity: 60 }));
    const updated = (await client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb", ResourceIds: [TABLE_ID], ScalableDimension: TABLE_WRITES }))).ScalableTargets?.[0];
    expect(updated).toMatchObject({ MinCapacity: 5, MaxCapacity: 60, ScalableTargetARN: registered.ScalableTargetARN });
    expect(updated?.CreationTime?.getTime()).toBe(first[0]?.CreationTime?.getTime());
  });

  it("refuses what AWS refuses, with ValidationException", async () => {
    const client = scalingClient();
    const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
      ["another namespace", () => client.send(new RegisterScalableTargetCommand({ ServiceNamespace: "ecs", ResourceId: "service/default/web", ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 1, MaxCapacity: 2 })), /dynamodb namespace only/],
      ["a malformed resource id", () => client.send(new RegisterScalableTargetCommand({ ...target(`tables/${TABLE}`, TABLE_WRITES), MinCapacity: 1, MaxCapacity: 2 })), /Unsupported service namespace, resource type or scalable dimension/],
      ["an index dimension on a table", () => client.send(new RegisterScalableTargetCommand({ ...target(TABLE_ID, INDEX_READS), MinCapacity: 1, MaxCapacity: 2 })), /Unsupported/],
      ["a new target without bounds", () => client.send(new RegisterScalableTargetCommand(target(INDEX_ID, INDEX_READS))), /MinCapacity and MaxCapacity are required/],
      ["a maximum below the minimum", () => client.send(new RegisterScalableTargetCommand({ ...target(INDEX_ID, INDEX_READS), MinCapacity: 9, MaxCapacity: 3 })), /cannot be less than minimum/],
      ["a table that does not exist", () => client.send(new RegisterScalableTargetCommand({ ...target("table/it-as-Missing", TABLE_WRITES), MinCapacity: 1, MaxCapacity: 2 })), /not a provisioned DynamoDB table/],
      ["an on-demand table", () => client.send(new RegisterScalableTargetCommand({ ...target(`table/${ON_DEMAND}`, TABLE_WRITES), MinCapacity: 1, MaxCapacity: 2 })), /not a provisioned DynamoDB table/],
      ["a dimension filter without resource ids", () => client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb", ScalableDimension: TABLE_WRITES })), /must also specify a resource ID/],
    ];
    for (const [label, send, message] of cases) {
      const error = await errorOf(send);
      expect({ label, name: error.name }).toEqual({ label, name: "ValidationException" });
      expect(error.message).toMatch(message);
    }
  });

  it("deregisters a target with its policies, their alarms and its scheduled actions", async () => {
    const client = scalingClient();
    const ref = target(INDEX_ID, INDEX_READS);
    await client.send(new RegisterScalableTargetCommand({ ...ref, MinCapacity: 2, MaxCapacity: 16 }));
    const policy = await client.send(
      new PutScalingPolicyCommand({ ...ref, PolicyName: "reads", PolicyType: "TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBReadCapacityUtilization" } } }),
    );
    await client.send(new PutScheduledActionCommand({ ...ref, ScheduledActionName: "nightly", Schedule: "cron(0 2 * * ? *)", ScalableTargetAction: { MinCapacity: 1 } }));
    await client.send(new DeregisterScalableTargetCommand(ref));
    expect((await client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", ResourceId: INDEX_ID }))).ScalingPolicies).toEqual([]);
    expect((await client.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "dynamodb", ResourceId: INDEX_ID }))).ScheduledActions).toEqual([]);
    const names = (policy.Alarms ?? []).flatMap((alarm) => (alarm.AlarmName ? [alarm.AlarmName] : []));
    expect(names).toHaveLength(4);
    expect((await alarmsClient().send(new DescribeAlarmsCommand({ AlarmNames: names }))).MetricAlarms).toEqual([]);
    expect((await errorOf(() => client.send(new DeregisterScalableTargetCommand(ref)))).name).toBe("ObjectNotFoundException");
  });
});

describe("target-tracking policies", () => {
  it("creates AWS's four alarms in the tenant's CloudWatch, acting on the policy", async () => {
    const client = scalingClient();
    const put = await client.send(new PutScalingPolicyCommand(policyInput("writes")));
    expect(put.PolicyARN).toMatch(new RegExp(`^arn:aws:autoscaling:us-east-1:111111111111:scalingPolicy:[0-9a-f-]{36}:resource/dynamodb/${TABLE_ID}:policyName/writes:createdBy/[0-9a-f-]{36}$`));
    const names = (put.Alarms ?? []).map((alarm) => alarm.AlarmName ?? "");
    expect(names.map((name) => name.replace(/-[0-9a-f-]{36}$/, ""))).toEqual(["AlarmHigh", "AlarmLow", "ProvisionedCapacityHigh", "ProvisionedCapacityLow"].map((kind) => `TargetTracking-${TABLE_ID}-${kind}`));
    expect(put.Alarms?.[0]?.AlarmARN).toBe(`arn:aws:cloudwatch:us-east-1:111111111111:alarm:${names[0] ?? ""}`);

    const alarms = (await alarmsClient().send(new DescribeAlarmsCommand({ AlarmNamePrefix: `TargetTracking-${TABLE_ID}-` }))).MetricAlarms ?? [];
    const high = alarms.find((alarm) => alarm.AlarmName === names[0]);
    const low = alarms.find((alarm) => alarm.AlarmName === names[1]);
    // 10 WCU at 70%: AlarmHigh above 0.7 × 10 × 60 for 2 minutes, AlarmLow below 0.5 × 10 × 60 for 15.
    expect(high).toMatchObject({ MetricName: "ConsumedWriteCapacityUnits", Statistic: "Sum", Period: 60, EvaluationPeriods: 2, Threshold: 420, ComparisonOperator: "GreaterThanThreshold", AlarmActions: [put.PolicyARN] });
    expect(low).toMatchObject({ EvaluationPeriods: 15, Threshold: 300, ComparisonOperator: "LessThanThreshold", AlarmActions: [put.PolicyARN] });

    const described = (await client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", ResourceId: TABLE_ID, ScalableDimension: TABLE_WRITES, PolicyNames: ["writes"] }))).ScalingPolicies ?? [];
    expect(described).toHaveLength(1);
    expect(described[0]).toMatchObject({
      PolicyARN: put.PolicyARN,
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBWriteCapacityUtilization" }, ScaleInCooldown: 60, ScaleOutCooldown: 0, DisableScaleIn: false },
    });

    // Putting it again updates it in place: same ARN and alarm names, new thresholds.
    const again = await client.send(new PutScalingPolicyCommand(policyInput("writes", 50)));
    expect(again.PolicyARN).toBe(put.PolicyARN);
    expect((again.Alarms ?? []).map((alarm) => alarm.AlarmName)).toEqual(names);
    const moved = (await alarmsClient().send(new DescribeAlarmsCommand({ AlarmNames: [names[0] ?? ""] }))).MetricAlarms?.[0];
    expect(moved?.Threshold).toBe(300);
  });

  it("refuses policies DynamoDB cannot have, and policies without a target", async () => {
    const client = scalingClient();
    const step = await errorOf(() => client.send(new PutScalingPolicyCommand({ ...policyInput("step"), PolicyType: "StepScaling", TargetTrackingScalingPolicyConfiguration: undefined })));
    expect(step.name).toBe("ValidationException");
    const wrongMetric = await errorOf(() =>
      client.send(new PutScalingPolicyCommand({ ...policyInput("reads"), TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBReadCapacityUtilization" } } })),
    );
    expect(wrongMetric).toMatchObject({ name: "ValidationException" });
    expect((await errorOf(() => client.send(new PutScalingPolicyCommand(policyInput("too-high", 95))))).name).toBe("ValidationException");
    const orphan = await errorOf(() => client.send(new PutScalingPolicyCommand({ ...policyInput("orphan"), ...target(INDEX_ID, "dynamodb:index:WriteCapacityUnits") })));
    expect(orphan.name).toBe("ObjectNotFoundException");
  });

  it("deletes a policy with its alarms", async () => {
    const client = scalingClient();
    const put = await client.send(new PutScalingPolicyCommand(policyInput("short-lived")));
    await client.send(new DeleteScalingPolicyCommand({ ...target(TABLE_ID, TABLE_WRITES), PolicyName: "short-lived" }));
    const names = (put.Alarms ?? []).flatMap((alarm) => (alarm.AlarmName ? [alarm.AlarmName] : []));
    expect((await alarmsClient().send(new DescribeAlarmsCommand({ AlarmNames: names }))).MetricAlarms).toEqual([]);
    expect((await errorOf(() => client.send(new DeleteScalingPolicyCommand({ ...target(TABLE_ID, TABLE_WRITES), PolicyName: "short-lived" })))).name).toBe("ObjectNotFoundException");
  });
});

describe("scheduled actions and activities", () => {
  it("stores, describes and deletes scheduled actions", async () => {
    const client = scalingClient();
    await client.send(
      new PutScheduledActionCommand({ ...target(TABLE_ID, TABLE_WRITES), ScheduledActionName: "morning", Schedule: "cron(0 7 * * ? *)", Timezone: "Europe/Paris", ScalableTargetAction: { MinCapacity: 20, MaxCapacity: 60 } }),
    );
    const listed = (await client.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "dynamodb", ResourceId: TABLE_ID, ScheduledActionNames: ["morning"] }))).ScheduledActions ?? [];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ ScheduledActionName: "morning", Schedule: "cron(0 7 * * ? *)", Timezone: "Europe/Paris", ScalableTargetAction: { MinCapacity: 20, MaxCapacity: 60 }, ResourceId: TABLE_ID });
    expect(listed[0]?.ScheduledActionARN).toMatch(/^arn:aws:autoscaling:us-east-1:111111111111:scheduledAction:[0-9a-f-]{36}:resource\/dynamodb\/table\/it-as-Orders:scheduledActionName\/morning$/);
    expect((await errorOf(() => client.send(new PutScheduledActionCommand({ ...target(TABLE_ID, TABLE_WRITES), ScheduledActionName: "bad", Schedule: "every day" })))).name).toBe("ValidationException");
    await client.send(new DeleteScheduledActionCommand({ ...target(TABLE_ID, TABLE_WRITES), ScheduledActionName: "morning" }));
    expect((await errorOf(() => client.send(new DeleteScheduledActionCommand({ ...target(TABLE_ID, TABLE_WRITES), ScheduledActionName: "morning" })))).name).toBe("ObjectNotFoundException");
  });

  it("lists no activities for a target that has not scaled", async () => {
    const output = await scalingClient().send(new DescribeScalingActivitiesCommand({ ServiceNamespace: "dynamodb", ResourceId: TABLE_ID, ScalableDimension: TABLE_WRITES, IncludeNotScaledActivities: true }));
    expect(output.ScalingActivities).toEqual([]);
  });
});

describe("paging", () => {
  it("pages policies by MaxResults (1–10) and scheduled actions (1–50), refusing foreign tokens", async () => {
    const client = scalingClient();
    for (let i = 0; i < 12; i++) await client.send(new PutScalingPolicyCommand(policyInput(`page-${String(i).padStart(2, "0")}`)));
    const names: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", ResourceId: TABLE_ID, MaxResults: 5, NextToken }));
      expect((page.ScalingPolicies ?? []).length).toBeLessThanOrEqual(5);
      names.push(...(page.ScalingPolicies ?? []).map((policy) => policy.PolicyName ?? ""));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    const expected = Array.from({ length: 12 }, (_, i) => `page-${String(i).padStart(2, "0")}`);
    expect(names.filter((name) => name.startsWith("page-"))).toEqual(expected);
    expect(pages).toBe(Math.ceil(names.length / 5));

    const first = await client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", ResourceId: TABLE_ID, MaxResults: 5 }));
    const foreign = await errorOf(() => client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", ResourceId: INDEX_ID, MaxResults: 5, NextToken: first.NextToken })));
    expect(foreign.name).toBe("InvalidNextTokenException");
    expect((await errorOf(() => client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", NextToken: "not-a-token" })))).name).toBe("InvalidNextTokenException");
    expect((await errorOf(() => client.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", MaxResults: 11 })))).name).toBe("ValidationException");
    expect((await errorOf(() => client.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb", MaxResults: 51 })))).name).toBe("ValidationException");

    for (let i = 0; i < 7; i++) await client.send(new PutScheduledActionCommand({ ...target(TABLE_ID, TABLE_WRITES), ScheduledActionName: `s${i}`, Schedule: "rate(1 day)", ScalableTargetAction: { MinCapacity: i + 1 } }));
    const actions: string[] = [];
    NextToken = undefined;
    do {
      const page: DescribeScheduledActionsCommandOutput = await client.send(new DescribeScheduledActionsCommand({ ServiceNamespace: "dynamodb", ResourceId: TABLE_ID, MaxResults: 3, NextToken }));
      actions.push(...(page.ScheduledActions ?? []).map((action) => action.ScheduledActionName ?? ""));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(actions).toEqual(["s0", "s1", "s2", "s3", "s4", "s5", "s6"]);
  });
});

describe("tenants", () => {
  it("keeps each account's and each region's targets, policies and alarms apart", async () => {
    const demo = scalingClient(DEMO_ACCOUNT);
    const analytics = scalingClient(ANALYTICS_ACCOUNT);
    const elsewhere = scalingClient(DEMO_ACCOUNT, "eu-west-1");
    await demo.send(new RegisterScalableTargetCommand({ ...target(TABLE_ID, TABLE_WRITES), MinCapacity: 5, MaxCapacity: 40 }));
    expect((await analytics.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb" }))).ScalableTargets).toEqual([]);
    expect((await elsewhere.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb" }))).ScalableTargets).toEqual([]);

    // The analytics account has a table of the same name: its target and policy are its own.
    const registered = await analytics.send(new RegisterScalableTargetCommand({ ...target(TABLE_ID, TABLE_WRITES), MinCapacity: 1, MaxCapacity: 3 }));
    expect(registered.ScalableTargetARN).toContain(":222222222222:");
    const policy = await analytics.send(new PutScalingPolicyCommand(policyInput("analytics-writes")));
    expect(policy.PolicyARN).toContain(":222222222222:");
    const demoTarget = (await demo.send(new DescribeScalableTargetsCommand({ ServiceNamespace: "dynamodb", ResourceIds: [TABLE_ID] }))).ScalableTargets?.[0];
    expect(demoTarget).toMatchObject({ MinCapacity: 5, MaxCapacity: 40 });
    const demoPolicies = (await demo.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: "dynamodb", PolicyNames: ["analytics-writes"] }))).ScalingPolicies;
    expect(demoPolicies).toEqual([]);
    // Its alarms are in the analytics account's CloudWatch, not the demo account's.
    const prefix = { AlarmNamePrefix: `TargetTracking-${TABLE_ID}-` };
    const theirs = (await alarmsClient(ANALYTICS_ACCOUNT).send(new DescribeAlarmsCommand(prefix))).MetricAlarms ?? [];
    expect(theirs.map((alarm) => alarm.AlarmActions?.[0])).toEqual([policy.PolicyARN, policy.PolicyARN, policy.PolicyARN, policy.PolicyARN]);
    const ours = (await alarmsClient(DEMO_ACCOUNT).send(new DescribeAlarmsCommand(prefix))).MetricAlarms ?? [];
    expect(ours.some((alarm) => alarm.AlarmActions?.includes(policy.PolicyARN ?? ""))).toBe(false);
  });
});
