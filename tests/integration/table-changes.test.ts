// The change history against the local CloudTrail, through the real SDK: management calls made through the metering
// proxy and the local Application Auto Scaling are listed by GET /api/tables/:table/changes with their summaries and
// identities (a digest for viewers); a recorded capacity decrease before throttling gives the "changed-before" verdict
// on the page and the overview alike; 50 viewers cost one paged lookup per event source; a long history is paged; and
// a throttled lookup is a partial history, never a 500. This file starts its own services (the local CloudTrail with
// its two-lookups-a-second limit), so it can count lookups alone.
import { ApplicationAutoScalingClient, DeregisterScalableTargetCommand, PutScalingPolicyCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { DescribeTableCommand, DynamoDBClient, UpdateTableCommand, waitUntilTableExists } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as overviewRoute from "@/app/api/diagnosis/overview/route";
import * as changesRoute from "@/app/api/tables/[table]/changes/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import type { ChangesResponse } from "@/lib/changes/change-types";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import { assumedRoleIdentity } from "../../local/aws/cloudtrail/identities";
import { startLocalCloudTrail, type RunningLocalCloudTrail } from "../../local/aws/cloudtrail/start-local-cloudtrail";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { accountIdOf } from "../../local/aws/shared/account-ids";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { dynamoDbManagementCall, simulatedUpdateTable } from "../../local/metering/management-events";
import { startMeteringProxy, type RunningMeteringProxy } from "../../local/metering/metering-proxy";
import { httpMetricsSink } from "../../local/metering/metrics-sink";
import { ENGINEER, VIEWER, callAs } from "../support/auth-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { metricsFixtureClient, putKnownData, type KnownDatum } from "../support/metrics-fixtures";

vi.stubEnv("AUTH_MODE", "proxy");
vi.stubEnv("ENGINEER_GROUPS", "sre");
vi.stubEnv("TABLES", "it-changes-*");

const MIN = 60_000;
const SESSIONS = "it-changes-Sessions";
const SHOP = "it-changes-Shop";
const ORDERS = "it-changes-Orders";
const PAGED = "it-changes-Paged";
const NOW = Date.now();
/** Orders' recorded history: its write capacity lowered at BASE, throttling from BASE + 11 min to BASE + 20 min. */
const BASE = Math.floor(NOW / MIN) * MIN - 40 * MIN;
const TENANT = { accountId: accountIdOf(LOCAL_CREDENTIALS.accessKeyId), region: LOCAL_REGION };
const DEPLOY = assumedRoleIdentity({ accountId: TENANT.accountId, roleName: "deploy", sessionName: "ci-42", sessionStartMs: BASE - 10 * MIN });
const DEPLOY_ARN = `arn:aws:sts::${TENANT.accountId}:assumed-role/deploy/ci-42`;
const LOCAL_USER_ARN = `arn:aws:iam::${TENANT.accountId}:user/local`;

let cloudtrail: RunningLocalCloudTrail;
let cloudwatch: RunningLocalCloudWatch;
let proxy: RunningMeteringProxy;
let autoscaling: RunningLocalAutoScaling;
let sink: ReturnType<typeof httpMetricsSink>;
let viaProxy: DynamoDBClient;
let scaling: ApplicationAutoScalingClient;

const lookups = () => cloudtrail.stats.snapshot().LookupEvents ?? 0;

async function changesAs(who: Record<string, string>, table: string, query = "range=1h"): Promise<ChangesResponse> {
  const { status, text } = await callAs(changesRoute.GET, who, `/api/tables/${table}/changes?${query}`, { table });
  expect(status, text).toBe(200);
  return JSON.parse(text) as ChangesResponse;
}

beforeAll(async () => {
  const fixtures = fixtureClient();
  const keys = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] };
  await createTables(fixtures, [
    { TableName: SESSIONS, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 20 }, ...keys },
    { TableName: SHOP, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 50 }, ...keys },
    { TableName: ORDERS, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 }, ...keys },
    { TableName: PAGED, BillingMode: "PAY_PER_REQUEST", ...keys },
  ]);
  fixtures.destroy();

  cloudtrail = await startLocalCloudTrail();
  cloudwatch = await startLocalCloudWatch();
  sink = httpMetricsSink(cloudwatch.endpoint);
  proxy = await startMeteringProxy({ upstream: inject("dynamodbEndpoint"), sink, flushIntervalMs: 3_600_000, cloudtrail: { recorder: cloudtrail } });
  autoscaling = await startLocalAutoScaling({ cloudwatch, dynamodbEndpoint: proxy.endpoint, cloudtrail: { recorder: cloudtrail } });
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("CLOUDTRAIL_ENDPOINT", cloudtrail.endpoint);
  vi.stubEnv("CLOUDWATCH_ENDPOINT", cloudwatch.endpoint);
  vi.stubEnv("AUTOSCALING_ENDPOINT", autoscaling.endpoint);
  vi.stubEnv("DYNAMODB_ENDPOINT", proxy.endpoint);

  // Through the metering proxy, which records each management call: it learns Sessions' capacity first, so the
  // recorded answer holds the capacity from before the call, as AWS's does.
  viaProxy = new DynamoDBClient({ endpoint: proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  await viaProxy.send(new DescribeTableCommand({ TableName: SESSIONS }));
  await viaProxy.send(new UpdateTableCommand({ TableName: SESSIONS, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } }));
  await viaProxy.send(
    new UpdateTableCommand({
      TableName: SHOP,
      AttributeDefinitions: [{ AttributeName: "status", AttributeType: "S" }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: "ByStatus", KeySchema: [{ AttributeName: "status", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } } }],
    }),
  );
  await waitUntilTableExists({ client: viaProxy, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: SHOP });

  // Through the local Application Auto Scaling, which records its configuration calls.
  scaling = new ApplicationAutoScalingClient({ endpoint: autoscaling.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const target = { ServiceNamespace: "dynamodb" as const, ResourceId: `table/${SHOP}`, ScalableDimension: "dynamodb:table:WriteCapacityUnits" as const };
  await scaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 5, MaxCapacity: 400 }));
  await scaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 100 }));
  await scaling.send(
    new PutScalingPolicyCommand({
      ...target,
      PolicyName: "writes",
      PolicyType: "TargetTrackingScaling",
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBWriteCapacityUtilization" }, ScaleOutCooldown: 60, ScaleInCooldown: 300 },
    }),
  );
  await scaling.send(new DeregisterScalableTargetCommand(target));

  // Orders' history, recorded as the proxy records it (the demo's history does the same): a deploy role lowers its
  // write capacity from 20 to 5; eleven minutes later its writes start being throttled.
  cloudtrail.record(TENANT, simulatedUpdateTable({ tenant: TENANT, identity: DEPLOY, atMs: BASE, table: ORDERS, index: null, before: { read: 10, write: 20 }, after: { read: 10, write: 5 } }));
  const data: KnownDatum[] = Array.from({ length: 39 }, (_, minute) => minute).flatMap((minute) => {
    const atMs = BASE + minute * MIN;
    const throttled = minute >= 11 && minute < 20 ? 40 : 0;
    return [
      { metric: "ConsumedReadCapacityUnits", table: ORDERS, atMs, values: [60] },
      { metric: "ConsumedWriteCapacityUnits", table: ORDERS, atMs, values: [throttled > 0 ? 300 : 60] },
      { metric: "ProvisionedWriteCapacityUnits", table: ORDERS, atMs, values: [minute < 0 ? 20 : 5] },
      { metric: "WriteProvisionedThroughputThrottleEvents", table: ORDERS, atMs, values: [throttled] },
      { metric: "WriteThrottleEvents", table: ORDERS, atMs, values: [throttled] },
      { metric: "ReadThrottleEvents", table: ORDERS, atMs, values: [0] },
    ];
  });
  const metrics = metricsFixtureClient(cloudwatch.endpoint);
  await putKnownData(metrics, data);
  metrics.destroy();

  // A long history for paging: 120 TTL changes on Paged, five hours ago (a window no other test reads).
  for (let i = 0; i < 120; i++) {
    cloudtrail.record(
      TENANT,
      dynamoDbManagementCall({ operation: "UpdateTimeToLive", request: { TableName: PAGED, TimeToLiveSpecification: { Enabled: i % 2 === 0, AttributeName: "expiresAt" } }, status: 200, body: "{}", identity: DEPLOY, atMs: NOW - 5 * 60 * MIN + i * 1_000, tenant: TENANT }),
    );
  }
}, 120_000);

afterAll(async () => {
  viaProxy?.destroy();
  scaling?.destroy();
  await autoscaling?.stop();
  await proxy?.stop();
  sink?.destroy();
  await Promise.all([cloudwatch?.stop(), cloudtrail?.stop()]);
});

describe("GET /api/tables/:table/changes", () => {
  it("lists a capacity change made through the proxy, with the capacity before it and the caller's identity", async () => {
    const history = await changesAs(ENGINEER, SESSIONS);
    expect(history).toMatchObject({ table: SESSIONS, complete: true, incompleteReason: null });
    expect(history.changes.map((change) => [change.eventName, change.eventSource, change.kind, change.summary, change.who, change.whoDigested, change.error])).toEqual([
      ["UpdateTable", "dynamodb.amazonaws.com", "capacity", ["write capacity 20 → 5"], LOCAL_USER_ARN, false, null],
    ]);
    expect(history.changes[0]?.at).toBeGreaterThanOrEqual(NOW - 1_000);
  });

  it("lists a GSI created and the auto scaling configuration calls in order, each summarized", async () => {
    const history = await changesAs(ENGINEER, SHOP);
    const made = history.changes.filter((change) => change.automatic !== true);
    expect(made.map((change) => [change.eventName, change.index, change.summary])).toEqual([
      ["UpdateTable", "ByStatus", ["GSI ByStatus created"]],
      ["RegisterScalableTarget", null, ["minimum set to 5", "maximum set to 400"]],
      ["RegisterScalableTarget", null, ["minimum 5 → 1", "maximum 400 → 100"]],
      ["PutScalingPolicy", null, ["policy writes: target 70%", "cooldowns: scale-out 60 s, scale-in 300 s"]],
      ["DeregisterScalableTarget", null, ["auto scaling turned off for the table's writes"]],
    ]);
    expect(made.slice(1).every((change) => change.eventSource === "autoscaling.amazonaws.com" && change.who === LOCAL_USER_ARN)).toBe(true);
    // Whatever auto scaling itself changed (its service-linked role's UpdateTable) is marked as automatic.
    for (const change of history.changes.filter((entry) => entry.automatic === true)) expect(change.who).toContain("AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
  });

  it("gives viewers a digest of each identity, never the ARN", async () => {
    const { status, text } = await callAs(changesRoute.GET, VIEWER, `/api/tables/${SESSIONS}/changes?range=1h`, { table: SESSIONS });
    expect(status, text).toBe(200);
    expect(text).not.toContain(LOCAL_USER_ARN);
    const history = JSON.parse(text) as ChangesResponse;
    const [change] = history.changes;
    expect(change).toMatchObject({ whoDigested: true, summary: ["write capacity 20 → 5"] });
    expect(change?.who).toMatch(/^#[0-9a-f]{10}$/);
    // The same identity always gets the same digest, so a viewer can still tell one person from another.
    expect((await changesAs(VIEWER, SESSIONS)).changes[0]?.who).toBe(change?.who);
  });

  it("answers 404 for a table that is not exposed, and 405 for other methods", async () => {
    expect((await callAs(changesRoute.GET, ENGINEER, "/api/tables/not-exposed/changes", { table: "not-exposed" })).status).toBe(404);
    expect((await callAs(changesRoute.POST, ENGINEER, `/api/tables/${SESSIONS}/changes`, { table: SESSIONS }, { method: "POST" })).status).toBe(405);
  });
});

describe("the changed-before verdict", () => {
  it("names the deploy role's capacity decrease before Orders' throttling, on the page and the overview alike", async () => {
    const { status, text } = await callAs(diagnosisRoute.GET, ENGINEER, `/api/tables/${ORDERS}/diagnosis?range=1h`, { table: ORDERS });
    expect(status, text).toBe(200);
    const page = JSON.parse(text) as DiagnosisResponse;
    expect(page.inputs.changes).toEqual({ ok: true, changes: 1, complete: true });
    const verdict = page.verdicts.find((entry) => entry.kind === "changed-before");
    expect(verdict).toMatchObject({ severity: "critical", title: "Write capacity was lowered from 20 to 5 eleven minutes before throttling of writes began." });
    expect(verdict?.evidence[0]?.label).toContain(`UpdateTable by ${DEPLOY_ARN}: write capacity 20 → 5`);
    expect(worstVerdict(page.verdicts)?.kind).toBe("changed-before");

    const overview = await callAs(overviewRoute.GET, ENGINEER, "/api/diagnosis/overview", {});
    expect(overview.status, overview.text).toBe(200);
    const line = (JSON.parse(overview.text) as DiagnosisOverviewResponse).tables[ORDERS];
    expect(line).toMatchObject({ kind: "changed-before", check: "full", title: verdict?.title });

    // A viewer's verdict names the deploy role by its digest only.
    const asViewer = await callAs(diagnosisRoute.GET, VIEWER, `/api/tables/${ORDERS}/diagnosis?range=1h`, { table: ORDERS });
    expect(asViewer.status).toBe(200);
    expect(asViewer.text).not.toContain(DEPLOY_ARN);
    expect(asViewer.text).toContain("changed-before");
  });
});

describe("cost and limits", () => {
  it("serves 50 concurrent viewers and the diagnosis of a window with one lookup per event source", async () => {
    const start = NOW - 3 * 60 * MIN;
    const query = `start=${start}&end=${start + 60 * MIN}`;
    const before = lookups();
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => changesAs(i % 2 === 0 ? ENGINEER : VIEWER, SESSIONS, query)));
    await callAs(diagnosisRoute.GET, ENGINEER, `/api/tables/${SESSIONS}/diagnosis?${query}`, { table: SESSIONS });
    // Nothing happened three hours ago: one page per event source, and every viewer got the same (empty, complete) answer.
    expect(lookups() - before).toBe(2);
    expect(new Set(responses.map((response) => JSON.stringify({ ...response.changes, complete: response.complete }))).size).toBe(1);
  });

  it("follows NextToken through a long history, 50 events a page", async () => {
    const start = NOW - 5 * 60 * MIN - 10 * MIN;
    const before = lookups();
    const history = await changesAs(ENGINEER, PAGED, `start=${start}&end=${start + 30 * MIN}`);
    expect(history.complete).toBe(true);
    expect(history.changes).toHaveLength(120);
    expect(history.changes.slice(0, 2).map((change) => change.summary)).toEqual([["TTL turned on (attribute expiresAt)"], ["TTL turned off (attribute expiresAt)"]]);
    // Three pages of DynamoDB's events, one of auto scaling's.
    expect(lookups() - before).toBe(4);
  });

  it("answers a lookup CloudTrail throttles with a partial history, never a 500", async () => {
    // Another reader of the same account and region takes every lookup CloudTrail allows (two a second).
    const hog = new CloudTrailClient({ endpoint: cloudtrail.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    let hogging = true;
    const hogLoop = (async () => {
      while (hogging) await hog.send(new LookupEventsCommand({ MaxResults: 1 })).catch(() => undefined);
    })();
    try {
      const start = NOW - 7 * 60 * MIN;
      const query = `start=${start}&end=${start + 60 * MIN}`;
      const history = await changesAs(ENGINEER, SESSIONS, query);
      expect(history.complete).toBe(false);
      expect(history.incompleteReason).toContain("CloudTrail throttled");
      const { status, text } = await callAs(diagnosisRoute.GET, ENGINEER, `/api/tables/${SESSIONS}/diagnosis?${query}`, { table: SESSIONS });
      expect(status, text).toBe(200);
      expect((JSON.parse(text) as DiagnosisResponse).inputs.changes).toMatchObject({ ok: true, complete: false });
    } finally {
      hogging = false;
      await hogLoop;
      hog.destroy();
    }
  });
});
