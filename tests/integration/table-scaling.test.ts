// Auto scaling against the local Application Auto Scaling, through the real SDK: targets and target-tracking policies
// registered for DynamoDB Local tables, load written as CloudWatch datapoints, the local CloudWatch evaluating
// auto scaling's alarms minute by minute and the local service scaling (through the metering proxy) up to its
// maximum. Then the API's targets and activities, the at-maximum and no-auto-scaling verdicts on the page and the
// overview, and the call count under 50 viewers. This file starts its own services, so it can count calls alone.
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { ApplicationAutoScalingClient, PutScalingPolicyCommand, PutScheduledActionCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as overviewRoute from "@/app/api/diagnosis/overview/route";
import * as scalingRoute from "@/app/api/tables/[table]/scaling/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { resolveMetricWindow } from "@/lib/metrics/metric-window";
import type { ScalingResponse } from "@/lib/scaling/scaling-types";
import { tableScaling } from "@/lib/server/scaling/table-scaling";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { putKnownData, type KnownDatum } from "../support/metrics-fixtures";

vi.stubEnv("TABLES", "it-scaling-*");

const MIN = 60_000;
const SHOP = "it-scaling-Shop";
const SESSIONS = "it-scaling-Sessions";
const GSI = "ByStatus";
const GSI_ID = `table/${SHOP}/index/${GSI}`;
/** Frozen "now" (Date only): the local services run in this process and share the clock. */
const NOW = Math.floor(Date.now() / MIN) * MIN + 30_000;
/** The simulated load runs over the half hour from here; it lies within the last hour. */
const BASE = NOW - 40 * MIN - 30_000;
const LOADED = [5, 30] as const;
const loaded = (minute: number) => minute >= LOADED[0] && minute < LOADED[1];

let stack: MeteringStack;
let autoscaling: RunningLocalAutoScaling;
let client: ApplicationAutoScalingClient;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  const fixtures = fixtureClient();
  const keys = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }, { AttributeName: "status", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] };
  await createTables(fixtures, [
    {
      TableName: SHOP,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 50 },
      ...keys,
      GlobalSecondaryIndexes: [{ IndexName: GSI, KeySchema: [{ AttributeName: "status", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" }, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 4 } }],
    },
    { TableName: SESSIONS, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }, AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
  ]);
  fixtures.destroy();

  stack = await startMeteringStack();
  autoscaling = await startLocalAutoScaling({ cloudwatch: stack.cloudwatch, dynamodbEndpoint: stack.proxy.endpoint });
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("CLOUDWATCH_ENDPOINT", stack.cloudwatch.endpoint);
  vi.stubEnv("AUTOSCALING_ENDPOINT", autoscaling.endpoint);
  vi.stubEnv("DYNAMODB_ENDPOINT", stack.proxy.endpoint);

  client = new ApplicationAutoScalingClient({ endpoint: autoscaling.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const tracking = (ResourceId: string, ScalableDimension: "dynamodb:table:ReadCapacityUnits" | "dynamodb:index:WriteCapacityUnits", metric: "DynamoDBReadCapacityUtilization" | "DynamoDBWriteCapacityUtilization") =>
    new PutScalingPolicyCommand({
      ServiceNamespace: "dynamodb",
      ResourceId,
      ScalableDimension,
      PolicyName: `${metric}-tracking`,
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: metric }, ScaleOutCooldown: 60, ScaleInCooldown: 600 },
    });
  await client.send(new RegisterScalableTargetCommand({ ServiceNamespace: "dynamodb", ResourceId: `table/${SHOP}`, ScalableDimension: "dynamodb:table:ReadCapacityUnits", MinCapacity: 50, MaxCapacity: 500 }));
  await client.send(tracking(`table/${SHOP}`, "dynamodb:table:ReadCapacityUnits", "DynamoDBReadCapacityUtilization"));
  await client.send(new PutScheduledActionCommand({ ServiceNamespace: "dynamodb", ResourceId: `table/${SHOP}`, ScalableDimension: "dynamodb:table:ReadCapacityUnits", ScheduledActionName: "mornings", Schedule: "cron(0 7 * * ? *)", ScalableTargetAction: { MinCapacity: 100 } }));
  await client.send(new RegisterScalableTargetCommand({ ServiceNamespace: "dynamodb", ResourceId: GSI_ID, ScalableDimension: "dynamodb:index:WriteCapacityUnits", MinCapacity: 4, MaxCapacity: 12 }));
  await client.send(tracking(GSI_ID, "dynamodb:index:WriteCapacityUnits", "DynamoDBWriteCapacityUtilization"));

  // The GSI's writes want 20 WCU/s from minute 5 to 29 and are throttled at whatever capacity it has; the table's
  // writes are throttled with them (back-pressure). Sessions' writes run at its 5 WCU/s and are throttled too.
  const minutes = Array.from({ length: 35 }, (_, minute) => minute);
  const data: KnownDatum[] = minutes.flatMap((minute) => {
    const atMs = BASE + minute * MIN;
    const throttles = loaded(minute) ? 30 : 0;
    return [
      { metric: "ConsumedReadCapacityUnits", table: SHOP, atMs, values: [600] },
      { metric: "ConsumedWriteCapacityUnits", table: SHOP, atMs, values: [loaded(minute) ? 1_200 : 60] },
      { metric: "ConsumedWriteCapacityUnits", table: SHOP, index: GSI, atMs, values: [loaded(minute) ? 720 : 60] },
      { metric: "WriteProvisionedThroughputThrottleEvents", table: SHOP, index: GSI, atMs, values: [throttles] },
      { metric: "WriteThrottleEvents", table: SHOP, index: GSI, atMs, values: [throttles] },
      { metric: "WriteThrottleEvents", table: SHOP, atMs, values: [throttles] },
      { metric: "ReadThrottleEvents", table: SHOP, atMs, values: [0] },
      { metric: "ConsumedReadCapacityUnits", table: SESSIONS, atMs, values: [60] },
      { metric: "ConsumedWriteCapacityUnits", table: SESSIONS, atMs, values: [loaded(minute) ? 300 : 60] },
      { metric: "WriteProvisionedThroughputThrottleEvents", table: SESSIONS, atMs, values: [throttles] },
      { metric: "WriteThrottleEvents", table: SESSIONS, atMs, values: [throttles] },
      { metric: "ReadThrottleEvents", table: SESSIONS, atMs, values: [0] },
    ];
  });
  await putKnownData(stack.metrics, data);
  // CloudWatch evaluates every minute; so does the local one when asked, and auto scaling acts on its alarms.
  for (const minute of minutes) await stack.cloudwatch.evaluateAlarms(BASE + (minute + 1) * MIN + 10_000);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  client?.destroy();
  await autoscaling?.stop();
  await stack?.stop();
});

const lastHour = () => {
  const resolved = resolveMetricWindow({ range: "1h" }, NOW);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.window;
};

describe("GET /api/tables/:table/scaling", () => {
  it("lists the table's and its GSI's targets with their settings, and the GSI's scale-out to its maximum and the attempts beyond it", async () => {
    const { status, body } = await callRoute(scalingRoute.GET, `/api/tables/${SHOP}/scaling?range=1h`, { table: SHOP });
    expect(status, JSON.stringify(body)).toBe(200);
    const scaling = body as ScalingResponse;
    expect(scaling).toMatchObject({ table: SHOP, billingMode: "PROVISIONED", activitiesComplete: true });
    expect(scaling.targets.map((target) => [target.resourceId, target.kind, target.minCapacity, target.maxCapacity])).toEqual([
      [`table/${SHOP}`, "read", 50, 500],
      [GSI_ID, "write", 4, 12],
    ]);
    const [reads, writes] = scaling.targets;
    expect(reads?.policies).toEqual([expect.objectContaining({ name: "DynamoDBReadCapacityUtilization-tracking", type: "TargetTrackingScaling", targetValue: 70, metric: "DynamoDBReadCapacityUtilization", scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 600, disableScaleIn: false })]);
    expect(reads?.policies[0]?.alarms.some((name) => name.startsWith(`TargetTracking-table/${SHOP}-AlarmHigh-`))).toBe(true);
    expect(reads?.scheduledActions).toEqual([expect.objectContaining({ name: "mornings", schedule: "cron(0 7 * * ? *)", minCapacity: 100, maxCapacity: null })]);
    const scaledOut = writes?.activities.filter((activity) => activity.notScaledReasons.length === 0) ?? [];
    expect(scaledOut.at(-1)).toMatchObject({ status: "Successful", description: "Setting write capacity units to 12.", capacity: 12, direction: "out" });
    // Every scale-out came after the load began, and its alarm needed minutes above the target first.
    for (const activity of scaledOut) expect(activity.start).toBeGreaterThan(BASE + LOADED[0] * MIN);
    expect(writes?.activities.some((activity) => activity.notScaledReasons.includes("AlreadyAtMaxCapacity"))).toBe(true);
    expect(writes?.activities.map((activity) => activity.start)).toEqual([...(writes?.activities.map((activity) => activity.start) ?? [])].sort((a, b) => a - b));
  });

  it("answers 404 for a table that does not exist, and an empty list for one without auto scaling", async () => {
    expect((await callRoute(scalingRoute.GET, "/api/tables/it-scaling-Missing/scaling", { table: "it-scaling-Missing" })).status).toBe(404);
    const sessions = await callRoute(scalingRoute.GET, `/api/tables/${SESSIONS}/scaling`, { table: SESSIONS });
    expect(sessions.status).toBe(200);
    expect((sessions.body as ScalingResponse).targets).toEqual([]);
  });
});

describe("the auto scaling verdicts", () => {
  it("say the GSI's auto scaling is at its maximum, and that Sessions has none, on the page and the overview alike", async () => {
    const shop = (await callRoute(diagnosisRoute.GET, `/api/tables/${SHOP}/diagnosis?range=1h`, { table: SHOP })).body as DiagnosisResponse;
    const atMax = shop.verdicts.find((verdict) => verdict.kind === "scaling-at-maximum");
    expect(atMax, JSON.stringify(shop.verdicts.map((verdict) => verdict.kind))).toMatchObject({ severity: "critical", index: GSI, title: `Auto scaling of the index ${GSI}'s writes is at its maximum (12) while writes are being turned away.` });
    expect(shop.inputs.scaling).toEqual({ ok: true, targets: 2, dailyPeaksError: null });

    const sessions = (await callRoute(diagnosisRoute.GET, `/api/tables/${SESSIONS}/diagnosis?range=1h`, { table: SESSIONS })).body as DiagnosisResponse;
    expect(sessions.verdicts.map((verdict) => verdict.kind)).toEqual(expect.arrayContaining(["under-provisioned-writes", "no-auto-scaling"]));
    expect(sessions.inputs.scaling).toEqual({ ok: true, targets: 0, dailyPeaksError: null });

    const overview = (await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {})).body as DiagnosisOverviewResponse;
    for (const page of [shop, sessions]) {
      const worst = worstVerdict(page.verdicts);
      expect(overview.tables[page.table], page.table).toMatchObject({ kind: worst?.kind, severity: worst?.severity, title: worst?.title, inputs: page.inputs });
    }
  });
});

describe("cost", () => {
  it("50 concurrent viewers of a table's auto scaling cost the Describe calls one viewer does", async () => {
    const calls = async (viewers: number, nowMs: number) => {
      autoscaling.stats.reset();
      const window = { ...lastHour(), startMs: lastHour().startMs + (nowMs - NOW) };
      const responses = await Promise.all(Array.from({ length: viewers }, () => tableScaling(LOCAL_SCOPE, SHOP, window, nowMs)));
      expect(new Set(responses.map((response) => JSON.stringify(response))).size).toBe(1);
      return autoscaling.stats.snapshot();
    };
    // Each round reads in a minute (and for a window) no earlier round cached.
    const one = await calls(1, NOW + 2 * MIN);
    const fifty = await calls(50, NOW + 4 * MIN);
    expect(one).toEqual({ DescribeScalableTargets: 1, DescribeScalingActivities: 1, DescribeScalingPolicies: 1, DescribeScheduledActions: 1 });
    expect(fifty).toEqual(one);
  });
});
