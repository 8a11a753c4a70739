import { buildIsStale, runNextBuild } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { benchFleet } from "./fleet-bench";

/** `npm run bench:fleet`: the fleet part of `npm run bench` alone (1 vs 3 regions of 100 tables). */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench:fleet] ${line}`);
  const stack = await startLocalStack({ seed: false, heapMb: 768, enforceCapacity: false, log });
  try {
    if (buildIsStale()) await runNextBuild();
    console.log(JSON.stringify(await benchFleet(stack, log), null, 2));
  } finally {
    await stack.stop();
  }
}

await main();
