import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "../lib/async/map-with-concurrency";
import type { FleetResponse } from "../lib/fleet/fleet-types";
import type { FleetAccount } from "../local/fleet/demo-fleet";
import { fleetDynamoDb } from "../local/fleet/fleet-clients";
import { writeFleetFiles } from "../local/fleet/fleet-files";
import { freePort } from "../local/free-port";
import { startDashboard } from "../local/stack/dashboard-process";
import type { LocalStack } from "../local/stack/local-stack";
import { processMemory } from "./process-memory";

const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const TABLES_PER_REGION = 100;

/** An account of its own (its own access key, so its own databases), with 100 small tables in each of three regions. */
const account = (regions: string[]): FleetAccount => ({ name: "bench", profile: "bench", accountId: "", credentials: { accessKeyId: "benchfleet", secretAccessKey: "benchfleet" }, regions });

type StatsBody = { operations: Record<string, number> };

async function cloudWatchCalls(endpoint: string): Promise<number> {
  const stats = (await (await fetch(`${endpoint}/_local/stats`)).json()) as StatsBody;
  return Object.values(stats.operations).reduce((sum, count) => sum + count, 0);
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);

/**
 * `/api/fleet` over one region and over three regions of 100 tables each, measured side by side in one run, each on a
 * fresh dashboard (cold caches): time to the complete answer, the CloudWatch and DynamoDB calls behind it (counted by
 * the local CloudWatch and the metering proxy), and the dashboard's memory. Three regions should cost about three
 * times one region's calls, and take about as long as one, since regions are read in parallel.
 */
export async function benchFleet(stack: LocalStack, log: (line: string) => void) {
  const full = account(REGIONS);
  await mapWithConcurrency(
    REGIONS.flatMap((region) => Array.from({ length: TABLES_PER_REGION }, (_, i) => ({ region, name: `fleet-${String(i).padStart(3, "0")}` }))),
    8,
    async ({ region, name }) => {
      const client = fleetDynamoDb(stack.dynamodb.endpoint, full, region);
      try {
        await client.send(new CreateTableCommand({ TableName: name, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" }] }));
      } catch (error) {
        // A rerun on a kept data directory finds them already there.
        if (!(error instanceof Error && error.name === "ResourceInUseException")) throw error;
      } finally {
        client.destroy();
      }
    },
  );
  log(`fleet bench: ${TABLES_PER_REGION} tables in each of ${REGIONS.join(", ")}`);

  const runs = [];
  for (const regions of [REGIONS.slice(0, 1), REGIONS]) {
    const dir = mkdtempSync(join(tmpdir(), "lens-fleet-bench-"));
    try {
      const files = await writeFleetFiles(dir, [account(regions)]);
      const dashboard = await startDashboard({
        port: await freePort(),
        env: { ...stack.dashboardEnv, ACCOUNTS_FILE: files.accountsFile, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile },
      });
      try {
        // startDashboard polls /api/tables until it answers, which describes the default region's tables; wait out the
        // 10 s describe cache so every region starts cold.
        await new Promise((resolve) => setTimeout(resolve, 11_000));
        const before = { cloudwatch: await cloudWatchCalls(stack.cloudwatch.endpoint), dynamodb: total(stack.proxy.requestCounts()) };
        const rssBefore = dashboard.pid ? processMemory(dashboard.pid)?.rssMb : null;
        const started = performance.now();
        const response = await fetch(`${dashboard.url}/api/fleet`);
        const body = (await response.json()) as FleetResponse;
        const ms = Math.round(performance.now() - started);
        if (!response.ok) throw new Error(`/api/fleet answered ${response.status}`);
        const cloudwatch = (await cloudWatchCalls(stack.cloudwatch.endpoint)) - before.cloudwatch;
        const dynamodb = total(stack.proxy.requestCounts()) - before.dynamodb;
        const warmStarted = performance.now();
        await (await fetch(`${dashboard.url}/api/fleet`)).arrayBuffer();
        const warmMs = Math.round(performance.now() - warmStarted);
        const memory = dashboard.pid ? processMemory(dashboard.pid) : null;
        runs.push({
          regions: regions.length,
          tables: body.tables.length,
          failedScopes: body.scopes.filter((scope) => !scope.ok).length,
          coldMs: ms,
          warmMs,
          cloudWatchCalls: cloudwatch,
          dynamoDbCalls: dynamodb,
          dashboardRssMb: { before: rssBefore ?? null, after: memory?.rssMb ?? null, peak: memory?.peakRssMb ?? null },
        });
        log(`fleet bench: ${regions.length} region(s): ${body.tables.length} tables in ${ms} ms, ${cloudwatch} CloudWatch and ${dynamodb} DynamoDB calls`);
      } finally {
        await dashboard.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const [one, three] = runs;
  return {
    runs,
    ratios: one && three ? { cloudWatchCalls: round(three.cloudWatchCalls / one.cloudWatchCalls), dynamoDbCalls: round(three.dynamoDbCalls / one.dynamoDbCalls), coldMs: round(three.coldMs / one.coldMs) } : null,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
