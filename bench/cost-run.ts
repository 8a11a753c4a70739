import { buildIsStale } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { benchCost, costRows } from "./cost-bench";

/** `npm run bench:cost`: the cost part of `npm run bench` alone (one table over 14 days; /fleet's cost column over 100 tables). */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench:cost] ${line}`);
  if (buildIsStale()) {
    console.error("[bench:cost] the production build is missing or older than the sources: run `npm run build` first.");
    process.exitCode = 1;
    return;
  }
  const stack = await startLocalStack({ seed: false, heapMb: 1536, enforceCapacity: false, log });
  try {
    const result = await benchCost(stack, log);
    console.log(JSON.stringify(result, null, 2));
    const rows = costRows(result);
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log("");
    for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  } finally {
    await stack.stop();
  }
}

await main();
