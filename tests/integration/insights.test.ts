import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as insightsRoute from "@/app/api/tables/[table]/insights/route";
import { partitionCapShare } from "@/lib/insights/insight-rules";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import { resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import { createCloudWatchClient, createDynamoDbClient } from "@/lib/server/aws/clients";
import { contributorReport } from "@/lib/server/insights/contributor-report";
import { contributorInsightsStatus } from "@/lib/server/insights/insights-status";
import { freePort } from "../../local/free-port";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";

// Each test file has its own module graph, so lib/env.ts parses this TABLES value afresh.
vi.stubEnv("TABLES", "it-insights-*");

const HOT = "it-insights-Hot";
const COLD = "it-insights-Cold";
const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
let stack: MeteringStack;
/** The product's guarded clients, pointed at the metering proxy (Contributor Insights) and its CloudWatch. */
let clients: { dynamodb: ReturnType<typeof createDynamoDbClient>; cloudwatch: ReturnType<typeof createCloudWatchClient> };
let window: MetricWindow;

function lastHour(): MetricWindow {
  const resolved = resolveMetricWindow({ range: "1h" }, Date.now());
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.window;
}

beforeAll(async () => {
  const fixtures = fixtureClient();
  const keys = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }, { AttributeName: "g", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] };
  const throughput = { ReadCapacityUnits: 10_000, WriteCapacityUnits: 10_000 };
  await createTables(fixtures, [
    {
      TableName: HOT,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: throughput,
      ...keys,
      GlobalSecondaryIndexes: [{ IndexName: "ByG", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" }, ProvisionedThroughput: throughput }],
    },
    { TableName: COLD, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [keys.AttributeDefinitions[0] ?? { AttributeName: "pk", AttributeType: "S" }], KeySchema: keys.KeySchema },
  ]);
  fixtures.destroy();
  // Scale 0.001: one partition key may take 3 RCU and 1 WCU per second, so the hot key throttles.
  stack = await startMeteringStack({ enforcer: { capacityScale: 0.001 }, contributorInsights: { [HOT]: "ACCESSED_AND_THROTTLED_KEYS" } });
  clients = {
    dynamodb: createDynamoDbClient({ endpoint: stack.proxy.endpoint, ...local }),
    cloudwatch: createCloudWatchClient({ endpoint: stack.cloudwatch.endpoint, ...local }),
  };
  // Traffic with one hot key: 2 WCU writes to it until it throttles, a few to cold keys, and reads.
  for (let i = 0; i < 6; i++) {
    await stack.viaProxy.send(new PutItemCommand({ TableName: HOT, Item: { pk: { S: "HOT-KEY" }, v: { S: "x".repeat(1_500) } } })).catch(() => undefined);
    await stack.viaProxy.send(new GetItemCommand({ TableName: HOT, Key: { pk: { S: "HOT-KEY" } } })).catch(() => undefined);
  }
  for (const key of ["cold-1", "cold-2"]) await stack.viaProxy.send(new PutItemCommand({ TableName: HOT, Item: { pk: { S: key } } }));
  await stack.proxy.flush();
  window = lastHour();
});

afterAll(async () => {
  clients.dynamodb.destroy();
  clients.cloudwatch.destroy();
  await stack.stop();
});

describe("Contributor Insights status", () => {
  it("reads the table's status and rules, and tells how to enable it on a GSI without it", async () => {
    const { statuses } = await contributorInsightsStatus(LOCAL_SCOPE, HOT, clients);
    expect(statuses).toEqual([
      {
        table: HOT,
        index: null,
        status: "ENABLED",
        mode: "ACCESSED_AND_THROTTLED_KEYS",
        rules: [expect.stringMatching(new RegExp(`^DynamoDBContributorInsights-PKC-${HOT}-\\d{13}$`)), expect.stringMatching(new RegExp(`^DynamoDBContributorInsights-PKT-${HOT}-\\d{13}$`))],
        lastUpdated: expect.any(Number),
        reason: null,
        howToEnable: null,
      },
      expect.objectContaining({ index: "ByG", status: "DISABLED", rules: [], howToEnable: expect.objectContaining({ cli: `aws dynamodb update-contributor-insights --table-name ${HOT} --index-name ByG --contributor-insights-action ENABLE` }) }),
    ]);
  });

  it("says DISABLED, with the CLI command and cost note, for a table without it", async () => {
    const { statuses } = await contributorInsightsStatus(LOCAL_SCOPE, COLD, clients);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ status: "DISABLED", mode: null, reason: null });
    expect(statuses[0]?.howToEnable).toEqual({
      wouldShow: expect.stringContaining(`table ${COLD}`),
      cli: `aws dynamodb update-contributor-insights --table-name ${COLD} --contributor-insights-action ENABLE`,
      costNote: expect.stringContaining("CloudWatch bills it"),
    });
    expect(await contributorReport(LOCAL_SCOPE, COLD, window, clients)).toBeNull();
  });

  it("is UNAVAILABLE, not an error, against DynamoDB Local itself (UnknownOperationException)", async () => {
    const { statuses } = await contributorInsightsStatus(LOCAL_SCOPE, HOT);
    expect(statuses.map((status) => [status.index, status.status])).toEqual([
      [null, "UNAVAILABLE"],
      ["ByG", "UNAVAILABLE"],
    ]);
    expect(statuses[0]?.reason).toMatch(/UnknownOperationException/);
    expect(await contributorReport(LOCAL_SCOPE, HOT, window)).toBeNull();
  });
});

describe("Contributor Insights report", () => {
  it("names the hot key first, with its per-minute peak, the share of the partition cap it reached and its throttles", async () => {
    const report = await contributorReport(LOCAL_SCOPE, HOT, window, clients);
    expect(report).toMatchObject({ start: window.startMs, end: window.endMs, period: 60, cache: "miss" });
    expect(report?.resources).toHaveLength(1);
    const resource = report?.resources[0];
    expect(resource).toMatchObject({ table: HOT, index: null, mode: "ACCESSED_AND_THROTTLED_KEYS", keySchema: { partitionKey: { name: "pk", type: "S" }, sortKey: null } });
    const accessed = resource?.rules.PKC;
    expect(accessed).toMatchObject({ kind: "PKC", measures: "consumed-throughput-units", uniqueContributors: 3 });
    const hot = accessed?.contributors[0];
    expect(hot?.keys).toEqual(["HOT-KEY"]);
    expect(accessed?.contributors.map((contributor) => contributor.keys[0])).toEqual(expect.arrayContaining(["cold-1", "cold-2"]));
    // All traffic fell in a minute or two; the peak minute is the largest datapoint, in units per minute.
    const peak = Math.max(...(hot?.datapoints.map((point) => point.v) ?? []));
    expect(hot?.peakPerMinute).toBe(peak);
    expect(hot?.peakAt).toBe(hot?.datapoints.find((point) => point.v === peak)?.t);
    expect(hot?.total).toBeGreaterThanOrEqual(peak);
    expect(hot?.partitionCap).toEqual(partitionCapShare(peak));
    expect(hot?.partitionCap?.readCapPercent).toBeCloseTo((peak / 60 / 3_000) * 100, 10);
    expect(hot?.partitionCap?.writeCapPercent).toBeCloseTo((peak / 60 / 3_000) * 100, 10);
    expect(hot?.throttled).toBeGreaterThanOrEqual(1);
    expect(accessed?.contributors.find((contributor) => contributor.keys[0] === "cold-1")?.throttled).toBe(0);
    const throttled = resource?.rules.PKT;
    expect(throttled).toMatchObject({ kind: "PKT", measures: "throttled-requests" });
    expect(throttled?.contributors[0]).toMatchObject({ keys: ["HOT-KEY"], partitionCap: null, throttled: null });
    expect(resource?.rules.SKC).toBeUndefined();
  });

  it("serves a second viewer from the cache", async () => {
    expect((await contributorReport(LOCAL_SCOPE, HOT, window, clients))?.cache).toBe("hit");
  });

  it("fails with a 502 that names the AWS error when CloudWatch cannot be reached", async () => {
    const dead = createCloudWatchClient({ endpoint: `http://127.0.0.1:${await freePort()}`, ...local });
    await expect(contributorReport(LOCAL_SCOPE, HOT, window, { dynamodb: clients.dynamodb, cloudwatch: dead })).rejects.toMatchObject({ code: "UPSTREAM", status: 502, message: expect.stringMatching(/^CloudWatch failed: ECONNREFUSED/) });
    dead.destroy();
  });
});

describe("GET /api/tables/:table/insights", () => {
  const get = (table: string, query: string) => callRoute(insightsRoute.GET, `/api/tables/${table}/insights?${query}`, { table });

  it("answers status and window, with no report where Contributor Insights cannot be read (DynamoDB Local)", async () => {
    const { status, body } = await get(HOT, "range=3h");
    expect(status).toBe(200);
    const response = body as InsightsResponse;
    expect(response).toMatchObject({ table: HOT, report: null, window: { range: "3h", period: 60 } });
    expect(response.window.end - response.window.start).toBeGreaterThanOrEqual(3 * 3_600_000);
    expect(response.status.map((entry) => entry.status)).toEqual(["UNAVAILABLE", "UNAVAILABLE"]);
    expect(response.fetchedAt).toEqual(expect.any(Number));
  });

  it("validates the window like the metrics route, hides hidden tables and answers 405 for writes", async () => {
    expect(await get(HOT, "range=5y")).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: expect.stringContaining("range must be one of") } } });
    expect(await get(HOT, "range=1h&start=1700000000000")).toMatchObject({ status: 400, body: { error: { message: "Give either range or start (with an optional end), not both." } } });
    expect((await get("it-hidden-insights", "range=1h")).status).toBe(404);
    const post = await callRoute(insightsRoute.POST, `/api/tables/${HOT}/insights`, { table: HOT }, { method: "POST" });
    expect(post.status).toBe(405);
  });
});
