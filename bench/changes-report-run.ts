import { buildIsStale } from "../local/stack/dashboard-process";
import { changesReportRows } from "./changes-report-bench";
import { benchChangesReportOnOwnStack } from "./changes-report-stack";

/**
 * `npm run bench:changes`: the change history's LookupEvents calls (1 vs 50 viewers) and the 3-hour incident report's
 * render time, the part of `npm run bench` that runs on a stack of its own with 3 hours of history. It serves the
 * production build and refuses a stale one rather than rebuilding .next, which an e2e run may be serving meanwhile.
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench:changes] ${line}`);
  if (buildIsStale()) {
    console.error("[bench:changes] the production build is missing or older than the sources: run `npm run build` first.");
    process.exitCode = 1;
    return;
  }
  const result = await benchChangesReportOnOwnStack(log);
  console.log(JSON.stringify(result, null, 2));
  const rows = changesReportRows(result);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("");
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
}

await main();
