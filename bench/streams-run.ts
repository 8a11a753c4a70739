import { buildIsStale } from "../local/stack/dashboard-process";
import { benchStreams, streamsRows } from "./streams-bench";

/**
 * `npm run bench:streams`: what the live tail and a stream sample can read on DynamoDB Local, the GetRecords calls they
 * make per shard per second (counted at the metering proxy), and the dashboard's RSS during a 5-minute sample. It
 * serves the production build as it is and refuses a stale one, which an e2e run may be serving meanwhile.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench:streams] ${line}`);
  if (buildIsStale()) {
    console.error("[bench:streams] the production build is missing or older than the sources: run `npm run build` first.");
    process.exitCode = 1;
    return;
  }
  const result = await benchStreams(log);
  console.log(JSON.stringify(result, null, 2));
  const rows = streamsRows(result);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("");
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
}

await main();
