import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { fromIni } from "@aws-sdk/credential-providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNT } from "../../local/fleet/demo-fleet";
import { DEMO_FALLING_BEHIND } from "../../local/metering/replication-lag";
import { fleetCloudWatch } from "../../local/fleet/fleet-clients";
import { checkDemoSignals } from "../../local/stack/demo-signals";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";

// The whole embedded stack as `npm run demo` starts it, with the fleet: two accounts, two regions, the Profiles global
// table, ten minutes of simulated history and live traffic. Metrics flush every 2 s instead of every 10.
let stack: LocalStack;
let liveSince: number;

beforeAll(async () => {
  stack = await startLocalStack({ seed: true, fleet: true, historyMs: 10 * 60_000, workload: true, flushIntervalMs: 2_000, heapMb: 512 });
  liveSince = Date.now();
}, 240_000);

afterAll(async () => {
  const directory = stack.fleet?.accountsFile.replace(/\/accounts\.json$/, "");
  await stack.stop();
  // The temporary directory with the fleet's files goes with the stack.
  if (directory) expect(existsSync(directory)).toBe(false);
});

/** A client that finds its credentials the way the dashboard will: a profile in the files ACCOUNTS_FILE came with. */
function profileClient(profile: string, region: string): DynamoDBClient {
  const files = stack.fleet;
  if (!files) throw new Error("the fleet stack wrote no files");
  return new DynamoDBClient({ endpoint: stack.proxy.endpoint, region, credentials: fromIni({ profile, filepath: files.credentialsFile, configFilepath: files.configFile }), maxAttempts: 2 });
}

describe("the fleet stack", () => {
  it("writes ACCOUNTS_FILE with both accounts, demo first, and points the dashboard at it and at the profiles", async () => {
    const files = stack.fleet;
    expect(files).not.toBeNull();
    expect(JSON.parse(await readFile(files?.accountsFile ?? "", "utf8"))).toEqual({
      accounts: [
        { name: "demo", profile: "demo", regions: ["us-east-1", "eu-west-1"] },
        { name: "analytics", profile: "analytics", regions: ["us-east-1"] },
      ],
    });
    expect(stack.dashboardEnv).toMatchObject({
      ACCOUNTS_FILE: files?.accountsFile,
      AWS_CONFIG_FILE: files?.configFile,
      AWS_SHARED_CREDENTIALS_FILE: files?.credentialsFile,
      // The single-account default path keeps working: env credentials are the demo account's.
      AWS_ACCESS_KEY_ID: "local",
      AWS_REGION: "us-east-1",
    });
  });

  it("serves each account and region its own tables, reached through the SDK's profile credentials", async () => {
    const tables = async (profile: string, region: string) => {
      const client = profileClient(profile, region);
      try {
        return (await client.send(new ListTablesCommand({}))).TableNames;
      } finally {
        client.destroy();
      }
    };
    expect(await tables("demo", "us-east-1")).toEqual(["Events", "Profiles", "Sessions", "Shop"]);
    expect(await tables("demo", "eu-west-1")).toEqual(["Invoices", "Profiles"]);
    expect(await tables("analytics", "us-east-1")).toEqual(["Reports"]);
    expect(await tables("analytics", "eu-west-1")).toEqual([]);
  });

  it("describes Profiles as a global table in both regions", async () => {
    for (const [region, other] of [["us-east-1", "eu-west-1"], ["eu-west-1", "us-east-1"]] as const) {
      const client = profileClient("demo", region);
      try {
        const table = (await client.send(new DescribeTableCommand({ TableName: "Profiles" }))).Table;
        expect(table).toMatchObject({ GlobalTableVersion: "2019.11.21", Replicas: [{ RegionName: other, ReplicaStatus: "ACTIVE" }], BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" } });
      } finally {
        client.destroy();
      }
    }
  });

  it("shows every demo signal, the replica's lag metrics and the other tenants' traffic, with live Profiles writes replicated", async () => {
    const cloudwatch = fleetCloudWatch(stack.cloudwatch.endpoint, DEMO_ACCOUNT, "us-east-1");
    const liveReplications = async () => {
      const output = await cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(liveSince),
          EndTime: new Date(Date.now() + 60_000),
          MetricDataQueries: [
            {
              Id: "n",
              MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ReplicationLatency", Dimensions: [{ Name: "TableName", Value: "Profiles" }, { Name: "ReceivingRegion", Value: "eu-west-1" }] }, Period: 60, Stat: "SampleCount" },
            },
          ],
        }),
      );
      return (output.MetricDataResults?.[0]?.Values ?? []).reduce((sum, value) => sum + value, 0);
    };
    try {
      let replicated = await liveReplications();
      // The replica falls behind by up to DEMO_FALLING_BEHIND.peakMs (3 minutes) for two thirds of every half hour, by
      // the wall clock: a live write made then replicates that much later, so wait that long and a minute more.
      const attempts = Math.ceil((DEMO_FALLING_BEHIND.peakMs + 60_000) / 2_000);
      for (let attempt = 0; attempt < attempts && replicated === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        replicated = await liveReplications();
      }
      expect(replicated).toBeGreaterThan(0);
    } finally {
      cloudwatch.destroy();
    }
    const checks = await checkDemoSignals(stack.cloudwatch.endpoint, Date.now() - 11 * 60_000, undefined, { fleet: true });
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    expect(stack.workload?.stats().errors).toBe(0);
  }, 360_000);
});
