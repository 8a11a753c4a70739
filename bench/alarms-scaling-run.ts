import { freePort } from "../local/free-port";
import { buildIsStale, runNextBuild, startDashboard } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { alarmsScalingRows, benchAlarmsScaling } from "./alarms-scaling-bench";

/**
 * `npm run bench:alarms`: the alarms and auto scaling part of `npm run bench` alone, on a stack like the bench's
 * (seeded, so the demo's alarms and auto scaling exist; enforcement off; no history or live traffic).
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench:alarms] ${line}`);
  const stack = await startLocalStack({ seed: true, heapMb: 768, enforceCapacity: false, log });
  try {
    if (buildIsStale()) {
      log("building…");
      await runNextBuild();
    }
    const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
    try {
      const result = await benchAlarmsScaling(dashboard.url, stack, log);
      console.log(JSON.stringify(result, null, 2));
      const rows = alarmsScalingRows(result);
      const width = Math.max(...rows.map(([name]) => name.length));
      console.log("");
      for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
    } finally {
      await dashboard.stop();
    }
  } finally {
    await stack.stop();
  }
}

await main();
