import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { localConfig } from "./local-config";
import { buildIsStale, runNextBuild, startDashboard } from "./stack/dashboard-process";
import { DEMO_ENDPOINTS_FILE, DEMO_FLEET_DIR } from "./stack/demo-endpoints";
import { startLocalStack } from "./stack/local-stack";

/**
 * `npm run demo`: DynamoDB Local, the local CloudWatch, metering proxy, Application Auto Scaling and CloudTrail, demo data,
 * simulated history, live demo traffic, a production build if needed, and the dashboard. Ctrl-C stops it all.
 * Flags: --history <3h|90m|0>, --no-workload.
 */
async function main(): Promise<void> {
  const config = localConfig();
  const log = (line: string) => console.log(`[demo] ${line}`);
  const stoppers: Array<() => Promise<void>> = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const stop of stoppers.reverse()) await stop().catch((error: unknown) => console.error(error));
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  try {
    const stack = await startLocalStack({
      seed: true,
      fleet: true,
      fleetDir: resolve(DEMO_FLEET_DIR),
      dynamodbPort: config.dynamodbLocalPort,
      proxyPort: config.meteringProxyPort,
      cloudwatchPort: config.cloudwatchPort,
      heapMb: config.dynamodbLocalHeapMb,
      dataDir: config.dynamodbLocalDataDir,
      cloudwatchSnapshot: config.cloudwatchSnapshot,
      capacityScale: config.capacityScale,
      historyMs: config.historyMs,
      workload: config.workload,
      log,
    });
    stoppers.push(stack.stop);
    if (buildIsStale()) {
      log("building the dashboard (first run, or sources changed)…");
      await runNextBuild();
    }
    const dashboard = await startDashboard({ port: config.port, env: stack.dashboardEnv, log: (line) => console.log(`[next] ${line}`) });
    stoppers.push(dashboard.stop);
    mkdirSync(".local-data", { recursive: true });
    writeFileSync(
      DEMO_ENDPOINTS_FILE,
      `${JSON.stringify({ dashboard: dashboard.url, dynamodbLocal: stack.dynamodb.endpoint, meteringProxy: stack.proxy.endpoint, cloudwatch: stack.cloudwatch.endpoint, autoscaling: stack.autoscaling.endpoint, cloudtrail: stack.cloudtrail.endpoint, accountsFile: stack.fleet?.accountsFile }, null, 2)}\n`,
    );
    console.log("");
    console.log(`  Dynamo Lens        ${dashboard.url}`);
    console.log(`  DynamoDB (proxy)   ${stack.proxy.endpoint}   metering, throttling, Contributor Insights`);
    console.log(`  DynamoDB Local     ${stack.dynamodb.endpoint}   (in memory, one database per access key and region)`);
    console.log(`  Local CloudWatch   ${stack.cloudwatch.endpoint}   (metrics and alarms per account and region)`);
    console.log(`  Local auto scaling   ${stack.autoscaling.endpoint}   (Application Auto Scaling: Shop GSI1 writes, 5–10 WCU at 70%)`);
    console.log(`  Local CloudTrail     ${stack.cloudtrail.endpoint}   (LookupEvents: management calls, the deploy role lowering Sessions to 5 WCU)`);
    for (const account of stack.fleet?.accounts ?? []) {
      console.log(`  Account ${account.name.padEnd(10)} ${account.accountId}   profile ${account.profile}, ${account.regions.join(" + ")}`);
    }
    if (stack.fleet) {
      console.log(`  ACCOUNTS_FILE      ${stack.fleet.accountsFile}`);
      console.log(`  AWS config files   ${stack.fleet.configFile}, ${stack.fleet.credentialsFile}`);
      console.log("  Global table       Profiles: us-east-1 → eu-west-1, falls behind at :20 and :50 past each hour");
    }
    console.log(`  Demo traffic       ${config.workload ? "running (--no-workload to turn off)" : "off"}`);
    console.log("");
    console.log("  Press Ctrl-C to stop everything.");
  } catch (error) {
    console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

void main();
