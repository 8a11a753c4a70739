// The cost advisor through its route, against DynamoDB Local, the local CloudWatch and the local Application Auto
// Scaling, through the real SDK: a day of known per-minute datapoints in, every figure of the response checked against
// the formulas, the short-history and unknown-region cases, the 4xx for bad input, the five-minute cache (by
// GetMetricData calls), and the verdict the diagnosis and the overview give from the same answer.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as overviewRoute from "@/app/api/diagnosis/overview/route";
import * as costRoute from "@/app/api/tables/[table]/cost/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import { costSummary } from "@/lib/cost/cost-summary";
import type { CostResponse } from "@/lib/cost/cost-types";
import { BUILT_IN_PRICE_TABLE } from "@/lib/cost/price-table";
import { pricesFor } from "@/lib/cost/prices-for";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { startLocalAutoScaling, type RunningLocalAutoScaling } from "../../local/aws/autoscaling/start-local-autoscaling";
import type { FleetAccount } from "../../local/fleet/demo-fleet";
import { fleetDynamoDb } from "../../local/fleet/fleet-clients";
import { accountsDocument, configFileText, credentialsFileText } from "../../local/fleet/fleet-files";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { getMetricDataCalls, putKnownData, resetLocalStats, type KnownDatum } from "../support/metrics-fixtures";

vi.stubEnv("TABLES", "it-cost-*");
// One account, the run's local credentials, in a priced region and one the built-in prices do not cover.
const ACCOUNT: FleetAccount = { name: "costs", profile: "it-costs", accountId: "", credentials: { ...LOCAL_CREDENTIALS }, regions: [LOCAL_REGION, "ap-southeast-2"] };
const dir = mkdtempSync(join(tmpdir(), "it-cost-"));
writeFileSync(join(dir, "accounts.json"), JSON.stringify(accountsDocument([ACCOUNT])));
writeFileSync(join(dir, "config"), configFileText([ACCOUNT]));
writeFileSync(join(dir, "credentials"), credentialsFileText([ACCOUNT]));
vi.stubEnv("ACCOUNTS_FILE", join(dir, "accounts.json"));
vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));

const MIN = 60_000;
const DAY = 1_440;
const BUSY = "it-cost-Busy";
const YOUNG = "it-cost-Young";
const FAR = "it-cost-Far";
const GSI = "ByKind";
/** Frozen "now" (Date only), 30 s into a minute: the window ends at that minute's start. */
const NOW = Math.floor(Date.now() / MIN) * MIN + 30_000;
const END = NOW - 30_000;
const START = END - DAY * MIN;
/** The young on-demand table's datapoints cover only its last 90 minutes. */
const YOUNG_MINUTES = 90;

let stack: MeteringStack;
let autoscaling: RunningLocalAutoScaling;

const keys = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }, { AttributeName: "kind", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    {
      TableName: BUSY,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 10 },
      ...keys,
      GlobalSecondaryIndexes: [{ IndexName: GSI, KeySchema: [{ AttributeName: "kind", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }],
    },
    { TableName: YOUNG, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
  ]);
  fixtures.destroy();
  const far = fleetDynamoDb(inject("dynamodbEndpoint"), ACCOUNT, "ap-southeast-2");
  await createTables(far, [{ TableName: FAR, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] }]);
  far.destroy();

  stack = await startMeteringStack();
  autoscaling = await startLocalAutoScaling({ cloudwatch: stack.cloudwatch, dynamodbEndpoint: stack.proxy.endpoint });
  vi.stubEnv("CLOUDWATCH_ENDPOINT", stack.cloudwatch.endpoint);
  vi.stubEnv("AUTOSCALING_ENDPOINT", autoscaling.endpoint);
  vi.stubEnv("DYNAMODB_ENDPOINT", stack.proxy.endpoint);
  const scaling = new ApplicationAutoScalingClient({ endpoint: autoscaling.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  await scaling.send(new RegisterScalableTargetCommand({ ServiceNamespace: "dynamodb", ResourceId: `table/${BUSY}`, ScalableDimension: "dynamodb:table:ReadCapacityUnits", MinCapacity: 50, MaxCapacity: 200 }));
  scaling.destroy();

  // Busy: 10 RCU/s of reads and 1 WCU/s of writes on the table and on its GSI every minute of the day; the table's
  // provisioned capacity reported every 5 minutes (100 RCU until noon, then 120), the GSI's never (DescribeTable's 5/5).
  const data: KnownDatum[] = [];
  for (let minute = 0; minute < DAY; minute++) {
    const atMs = START + minute * MIN;
    data.push({ metric: "ConsumedReadCapacityUnits", table: BUSY, atMs, values: [600] });
    data.push({ metric: "ConsumedWriteCapacityUnits", table: BUSY, atMs, values: [60] });
    data.push({ metric: "ConsumedWriteCapacityUnits", table: BUSY, index: GSI, atMs, values: [60] });
    if (minute % 5 === 0) {
      data.push({ metric: "ProvisionedReadCapacityUnits", table: BUSY, atMs, values: [minute < DAY / 2 ? 100 : 120] });
      data.push({ metric: "ProvisionedWriteCapacityUnits", table: BUSY, atMs, values: [10] });
    }
  }
  // Young: 30 read units and 12 write units a minute for its last 90 minutes, in two datapoints each (they add up).
  for (let minute = DAY - YOUNG_MINUTES; minute < DAY; minute++) {
    const atMs = START + minute * MIN;
    data.push({ metric: "ConsumedReadCapacityUnits", table: YOUNG, atMs, values: [10, 20] });
    data.push({ metric: "ConsumedWriteCapacityUnits", table: YOUNG, atMs, values: [12] });
  }
  await putKnownData(stack.metrics, data);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  await autoscaling?.stop();
  await stack?.stop();
});

const getCost = (table: string, query = "range=1d") => callRoute(costRoute.GET, `/api/tables/${table}/cost?${query}`, { table });

describe("GET /api/tables/:table/cost", () => {
  it("states the window, the prices, the CloudWatch sums and the current cost, each recomputable by the issue's formulas", async () => {
    await resetLocalStats(stack.cloudwatch.endpoint);
    const { status, body } = await getCost(BUSY);
    expect(status).toBe(200);
    const cost = body as CostResponse;
    expect(cost.window).toEqual({ start: START, end: END });
    expect(cost.requestedRangeMs).toBe(DAY * MIN);
    expect(cost.monthFactor).toBe(30);

    const expected = pricesFor(BUILT_IN_PRICE_TABLE, LOCAL_REGION, "STANDARD");
    expect(expected).not.toBeNull();
    expect(cost.prices).toMatchObject({
      onDemandReadPerMillion: expected?.onDemandReadPerMillion,
      onDemandWritePerMillion: expected?.onDemandWritePerMillion,
      rcuHour: expected?.rcuHour,
      wcuHour: expected?.wcuHour,
      storageGbMonth: expected?.storageGbMonth,
      date: expected?.date,
    });
    expect(cost.prices.source.length).toBeGreaterThan(0);
    // The table and its GSI together, as CloudWatch sums them.
    expect(cost.consumed).toEqual({ readUnits: 600 * DAY, writeUnits: 120 * DAY });

    const onDemand = cost.alternatives.find((option) => option.mode === "on-demand");
    const formula = ((cost.consumed.readUnits * cost.prices.onDemandReadPerMillion + cost.consumed.writeUnits * cost.prices.onDemandWritePerMillion) / 1e6) * ((30 * 1_440 * MIN) / (cost.window.end - cost.window.start));
    expect(onDemand?.throughputMonthlyUsd).toBeCloseTo(formula, 10);
    expect(onDemand?.throttledRequests).toBe(0);

    // Provisioned capacity is billed whether used or not: the table's filled forward from its 5-minute datapoints
    // (100 then 120 RCU), the GSI's from DescribeTable (5/5), over 24 hours, × 30 for the month.
    const rcuHours = 100 * 12 + 120 * 12 + 5 * 24;
    const wcuHours = 10 * 24 + 5 * 24;
    expect(cost.current.mode).toBe("autoscaling");
    expect(cost.current.monthlyUsd).toBeCloseTo((rcuHours * cost.prices.rcuHour + wcuHours * cost.prices.wcuHour) * 30 + (cost.alternatives[0]?.storageMonthlyUsd ?? Number.NaN), 8);
    expect(cost.current.lines[0]?.formula).toMatch(/throughput \+ .* storage = /);
    expect(cost.alternatives.map((option) => option.mode)).toEqual(["on-demand", "provisioned-peak", "autoscaling", "reserved"]);
    // Fixed at the busiest minute: 10 RCU/s and 1 WCU/s on the table; the GSI's unused reads at DynamoDB's minimum of 1.
    expect(cost.alternatives[1]?.fixedCapacity).toEqual([
      { index: null, read: 10, write: 1 },
      { index: GSI, read: 1, write: 1 },
    ]);
    // Auto scaling keeps the table's reads at or above the registered minimum of 50.
    const scaled = cost.alternatives[2];
    expect(scaled?.lines.some((line) => /table reads: 1,200 RCU-hours/.test(line.formula))).toBe(true);
    expect(cost.notes).toEqual([]);
    // Table, GSI: four per-minute series each side of the day, in as few GetMetricData calls as the datapoints need.
    const calls = await getMetricDataCalls(stack.cloudwatch.endpoint);
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);

    // Asked again within five minutes: the same answer, without asking CloudWatch again.
    const again = (await getCost(BUSY)).body as CostResponse;
    expect(again).toEqual(cost);
    expect(await getMetricDataCalls(stack.cloudwatch.endpoint)).toBe(calls);
  });

  it("starts a young table's window at its first datapoint and says the month is extrapolated from less", async () => {
    const cost = (await getCost(YOUNG)).body as CostResponse;
    expect(cost.window).toEqual({ start: END - YOUNG_MINUTES * MIN, end: END });
    expect(cost.monthFactor).toBeCloseTo((30 * 1_440) / YOUNG_MINUTES, 10);
    expect(cost.consumed).toEqual({ readUnits: 30 * YOUNG_MINUTES, writeUnits: 12 * YOUNG_MINUTES });
    expect(cost.current.mode).toBe("on-demand");
    expect(cost.notes.join(" ")).toMatch(/history starts .* \(2 hours\)/);
    // On-demand now is the on-demand formula over what it consumed.
    const expected = ((cost.consumed.readUnits * cost.prices.onDemandReadPerMillion + cost.consumed.writeUnits * cost.prices.onDemandWritePerMillion) / 1e6) * cost.monthFactor;
    expect(cost.current.monthlyUsd).toBeCloseTo(expected + (cost.alternatives[0]?.storageMonthlyUsd ?? Number.NaN), 10);
  });

  it("answers 409 with how to add prices for a region the price table lacks, and 400 for a bad range", async () => {
    const far = await callRoute(costRoute.GET, `/api/tables/${FAR}/cost?account=costs&region=ap-southeast-2`, { table: FAR });
    expect(far.status).toBe(409);
    expect(JSON.stringify(far.body)).toMatch(/no DynamoDB prices for STANDARD in ap-southeast-2.*PRICES_FILE/);
    for (const range of ["15d", "0d", "2w", "abc", "1.5d", "-1d"]) {
      const bad = await getCost(BUSY, `range=${encodeURIComponent(range)}`);
      expect(bad.status, range).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/range/);
    }
    expect((await getCost("it-cost-Missing")).status).toBe(404);
  });

  it("gives the capacity-mode verdict from the same 14-day answer on the table page and on the overview", async () => {
    const cost = (await getCost(BUSY, "range=14d")).body as CostResponse;
    const diagnosis = (await callRoute(diagnosisRoute.GET, `/api/tables/${BUSY}/diagnosis`, { table: BUSY })).body as DiagnosisResponse;
    expect(diagnosis.inputs.cost).toEqual({ ok: true });
    const verdict = diagnosis.verdicts.find((entry) => entry.kind === "capacity-mode-savings" || entry.kind === "capacity-mode-fine");
    const summary = costSummary(cost);
    expect(verdict?.kind).toBe(summary.switchTo === null ? "capacity-mode-fine" : "capacity-mode-savings");
    const overview = (await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {})).body as DiagnosisOverviewResponse;
    expect(overview.tables[BUSY]?.cost).toEqual({ ok: true, ...summary });
    expect(overview.tables[BUSY]?.inputs.cost).toEqual({ ok: true });
  });
});
