import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "../lib/async/map-with-concurrency";
import type { CostResponse } from "../lib/cost/cost-types";
import type { FleetResponse } from "../lib/fleet/fleet-types";
import type { MetricSample } from "../local/aws/cloudwatch/metric-store";
import type { FleetAccount } from "../local/fleet/demo-fleet";
import { fleetDynamoDb } from "../local/fleet/fleet-clients";
import { writeFleetFiles } from "../local/fleet/fleet-files";
import { freePort } from "../local/free-port";
import { startDashboard, type RunningDashboard } from "../local/stack/dashboard-process";
import type { LocalStack } from "../local/stack/local-stack";
import { storeMetricsSink } from "../local/stack/stack-long-history";

/*
 * The cost advisor's reads (issue 16), measured on the local stack through the production build:
 * - one provisioned table with two GSIs and 14 days of one-minute history (12 series, 241,920 datapoints): the cold
 *   answer's time and GetMetricData calls, and the warm (cached) answer's time;
 * - /fleet's cost column over 100 on-demand tables with 14 days of history (a datapoint every 10 minutes, to keep
 *   publishing it short): the 100 costs alone (cold), /api/fleet once they are cached (the rest of the fleet's work),
 *   and /api/fleet cold on a fresh dashboard (both together), side by side in one run.
 */

const ACCOUNT: FleetAccount = { name: "bench-cost", profile: "bench-cost", accountId: "", credentials: { accessKeyId: "benchcost", secretAccessKey: "benchcost" }, regions: ["us-east-1", "us-west-2"] };
const ONE_REGION = "us-east-1";
const FLEET_REGION = "us-west-2";
const ONE_TABLE = "cost-orders";
const GSIS = ["ByStatus", "ByCustomer"];
const FLEET_TABLES = 100;
const FLEET_STEP_MINUTES = 10;
const DAYS = 14;
const MIN = 60_000;

const fleetName = (i: number) => `cost-fleet-${String(i).padStart(3, "0")}`;

function oneTableDefinition(): CreateTableCommandInput {
  return {
    TableName: ONE_TABLE,
    BillingMode: "PROVISIONED",
    ProvisionedThroughput: { ReadCapacityUnits: 200, WriteCapacityUnits: 100 },
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }, ...GSIS.map((name) => ({ AttributeName: name, AttributeType: "S" as const }))],
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    GlobalSecondaryIndexes: GSIS.map((name) => ({ IndexName: name, KeySchema: [{ AttributeName: name, KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" }, ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 50 } })),
  };
}

const onDemandDefinition = (name: string): CreateTableCommandInput => ({ TableName: name, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" }] });

async function createAll(stack: LocalStack, region: string, definitions: CreateTableCommandInput[]): Promise<void> {
  await mapWithConcurrency(definitions, 8, async (definition) => {
    const client = fleetDynamoDb(stack.dynamodb.endpoint, ACCOUNT, region);
    try {
      await client.send(new CreateTableCommand(definition));
    } catch (error) {
      if (!(error instanceof Error && error.name === "ResourceInUseException")) throw error;
    } finally {
      client.destroy();
    }
  });
}

/** A day-shaped load: busiest mid-afternoon UTC, a third of it at night. */
const shape = (atMs: number) => 0.66 - 0.33 * Math.cos((2 * Math.PI * ((atMs % 86_400_000) / 86_400_000 - 0.125)) * 1);

function sample(metricName: string, table: string, index: string | null, atMs: number, sum: number): MetricSample {
  const dimensions = [{ name: "TableName", value: table }, ...(index === null ? [] : [{ name: "GlobalSecondaryIndexName", value: index }])];
  return { namespace: "AWS/DynamoDB", metricName, dimensions, timestampMs: atMs, unit: "Count", statistics: { sampleCount: 60, sum, minimum: sum / 60, maximum: sum / 60 } };
}

function oneTableHistory(startMs: number): MetricSample[] {
  const samples: MetricSample[] = [];
  for (let minute = 0; minute < DAYS * 1_440; minute++) {
    const atMs = startMs + minute * MIN;
    for (const index of [null, ...GSIS]) {
      const load = shape(atMs) * (index === null ? 1 : 0.3);
      samples.push(sample("ConsumedReadCapacityUnits", ONE_TABLE, index, atMs, Math.round(load * 120 * 60)));
      samples.push(sample("ConsumedWriteCapacityUnits", ONE_TABLE, index, atMs, Math.round(load * 40 * 60)));
      samples.push({ ...sample("ProvisionedReadCapacityUnits", ONE_TABLE, index, atMs, index === null ? 200 : 50), statistics: { sampleCount: 1, sum: index === null ? 200 : 50, minimum: index === null ? 200 : 50, maximum: index === null ? 200 : 50 } });
      samples.push({ ...sample("ProvisionedWriteCapacityUnits", ONE_TABLE, index, atMs, index === null ? 100 : 50), statistics: { sampleCount: 1, sum: index === null ? 100 : 50, minimum: index === null ? 100 : 50, maximum: index === null ? 100 : 50 } });
    }
  }
  return samples;
}

function fleetHistory(startMs: number): MetricSample[] {
  const samples: MetricSample[] = [];
  for (let i = 0; i < FLEET_TABLES; i++) {
    for (let minute = 0; minute < DAYS * 1_440; minute += FLEET_STEP_MINUTES) {
      const atMs = startMs + minute * MIN;
      samples.push(sample("ConsumedReadCapacityUnits", fleetName(i), null, atMs, Math.round(shape(atMs) * (5 + i) * 60)));
      samples.push(sample("ConsumedWriteCapacityUnits", fleetName(i), null, atMs, Math.round(shape(atMs) * (1 + i / 10) * 60)));
    }
  }
  return samples;
}

type StatsBody = { operations: Record<string, number> };
async function getMetricDataCalls(endpoint: string): Promise<number> {
  return ((await (await fetch(`${endpoint}/_local/stats`)).json()) as StatsBody).operations.GetMetricData ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function withDashboard<T>(stack: LocalStack, files: Awaited<ReturnType<typeof writeFleetFiles>>, work: (dashboard: RunningDashboard) => Promise<T>): Promise<T> {
  const dashboard = await startDashboard({
    port: await freePort(),
    env: { ...stack.dashboardEnv, ACCOUNTS_FILE: files.accountsFile, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile },
  });
  try {
    return await work(dashboard);
  } finally {
    await dashboard.stop();
  }
}

export async function benchCost(stack: LocalStack, log: (line: string) => void) {
  const endMs = Math.floor(Date.now() / MIN) * MIN;
  const startMs = endMs - DAYS * 1_440 * MIN;
  await createAll(stack, ONE_REGION, [oneTableDefinition()]);
  await createAll(stack, FLEET_REGION, Array.from({ length: FLEET_TABLES }, (_, i) => onDemandDefinition(fleetName(i))));
  // Straight into the local CloudWatch's stores, as the demo's long history goes: PutMetricData refuses data older
  // than two weeks (as AWS does), and 14 days of it would be hundreds of calls.
  const sinkFor = (region: string) => storeMetricsSink(stack.cloudwatch.storesFor(ACCOUNT.credentials.accessKeyId, region).metrics);
  const published = await timed(async () => {
    await sinkFor(ONE_REGION).putMetrics(oneTableHistory(startMs));
    await sinkFor(FLEET_REGION).putMetrics(fleetHistory(startMs));
  });
  log(`cost bench: 14 days published for 1 + ${FLEET_TABLES} tables in ${published.ms} ms`);

  const dir = mkdtempSync(join(tmpdir(), "lens-cost-bench-"));
  try {
    const files = await writeFleetFiles(dir, [ACCOUNT]);
    const cw = stack.cloudwatch.endpoint;
    const scoped = (region: string) => `account=${ACCOUNT.name}&region=${region}`;

    const first = await withDashboard(stack, files, async (dashboard) => {
      const url = `${dashboard.url}/api/tables/${ONE_TABLE}/cost?range=14d&${scoped(ONE_REGION)}`;
      const before = await getMetricDataCalls(cw);
      const cold = await timed(() => getJson<CostResponse>(url));
      const calls = (await getMetricDataCalls(cw)) - before;
      const warm = await timed(() => getJson<CostResponse>(url));
      const oneTable = { series: 12, datapoints: 12 * DAYS * 1_440, coldMs: cold.ms, warmMs: warm.ms, getMetricDataCalls: calls, monthlyUsd: Math.round(cold.value.current.monthlyUsd * 100) / 100 };
      log(`cost bench: one table, 14 days: ${cold.ms} ms cold (${calls} GetMetricData calls), ${warm.ms} ms warm`);

      // The cost column's own reads: every table's cost, 4 at a time as the overview asks them, then /api/fleet on top.
      const costsBefore = await getMetricDataCalls(cw);
      const costs = await timed(() => mapWithConcurrency(Array.from({ length: FLEET_TABLES }, (_, i) => fleetName(i)), 4, (name) => getJson<CostResponse>(`${dashboard.url}/api/tables/${name}/cost?${scoped(FLEET_REGION)}`)));
      const costsCalls = (await getMetricDataCalls(cw)) - costsBefore;
      const fleetBefore = await getMetricDataCalls(cw);
      const fleetWarmCost = await timed(() => getJson<FleetResponse>(`${dashboard.url}/api/fleet`));
      const fleetCalls = (await getMetricDataCalls(cw)) - fleetBefore;
      return { oneTable, costs: { ms: costs.ms, getMetricDataCalls: costsCalls }, fleetCostCached: { ms: fleetWarmCost.ms, getMetricDataCalls: fleetCalls, withCost: fleetWarmCost.value.tables.filter((row) => row.cost?.ok).length } };
    });
    log(`cost bench: ${FLEET_TABLES} tables' costs: ${first.costs.ms} ms (${first.costs.getMetricDataCalls} GetMetricData calls); /api/fleet with them cached: ${first.fleetCostCached.ms} ms`);

    const cold = await withDashboard(stack, files, async (dashboard) => {
      // startDashboard's readiness probe described the default region's tables; let that 10 s cache lapse.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const before = await getMetricDataCalls(cw);
      const fleet = await timed(() => getJson<FleetResponse>(`${dashboard.url}/api/fleet`));
      return { ms: fleet.ms, getMetricDataCalls: (await getMetricDataCalls(cw)) - before, tables: fleet.value.tables.length, withCost: fleet.value.tables.filter((row) => row.cost?.ok).length };
    });
    log(`cost bench: /api/fleet cold with the cost column: ${cold.ms} ms, ${cold.getMetricDataCalls} GetMetricData calls, ${cold.withCost}/${cold.tables} tables costed`);
    return { publishedMs: published.ms, ...first, fleetCold: cold };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type CostBench = Awaited<ReturnType<typeof benchCost>>;

export function costRows(result: CostBench): Array<[string, string]> {
  return [
    ["cost of one table, 14 days (12 series)", `${result.oneTable.coldMs} ms cold, ${result.oneTable.getMetricDataCalls} GetMetricData calls; ${result.oneTable.warmMs} ms cached`],
    [`/fleet cost column, ${FLEET_TABLES} tables`, `${result.costs.ms} ms, ${result.costs.getMetricDataCalls} GetMetricData calls (4 at a time)`],
    ["/api/fleet, costs cached ÷ cold", `${result.fleetCostCached.ms} ms (${result.fleetCostCached.getMetricDataCalls} calls) vs ${result.fleetCold.ms} ms (${result.fleetCold.getMetricDataCalls} calls), ${result.fleetCold.withCost}/${result.fleetCold.tables} costed`],
  ];
}
