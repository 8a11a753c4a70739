import { localConfig } from "./local-config";
import { buildIsStale, runNextBuild, startDashboard } from "./stack/dashboard-process";
import { startLocalStack } from "./stack/local-stack";

/** `npm run demo`: DynamoDB Local, demo data, a production build if needed, and the dashboard. Ctrl-C stops it all. */
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
      port: config.dynamodbLocalPort,
      heapMb: config.dynamodbLocalHeapMb,
      dataDir: config.dynamodbLocalDataDir,
      seed: true,
      log,
    });
    stoppers.push(stack.stop);
    if (buildIsStale()) {
      log("building the dashboard (first run, or sources changed)…");
      await runNextBuild();
    }
    const dashboard = await startDashboard({ port: config.port, env: stack.dashboardEnv, log: (line) => console.log(`[next] ${line}`) });
    stoppers.push(dashboard.stop);
    console.log("");
    console.log(`  Dynamo Lens      ${dashboard.url}`);
    console.log(`  DynamoDB Local   ${stack.dynamodb.endpoint}  (in memory, -sharedDb)`);
    console.log("");
    console.log("  Press Ctrl-C to stop everything.");
  } catch (error) {
    console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

void main();
