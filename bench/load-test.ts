import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { freePort } from "../local/free-port";
import { buildIsStale, runNextBuild, startDashboard } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { simulateViewers, type LoadFigures } from "./load-viewers";
import { processMemory } from "./process-memory";

export type LoadTestOptions = { viewers: number; durationMs: number; thinkMs: number; historyMs: number; log: (line: string) => void };

export type LoadTestResult = LoadFigures & {
  dashboardRssMb: { before: number | null; peak: number | null };
  /** Calls the dashboard made while the viewers ran, by operation. */
  cloudWatchCalls: Record<string, number>;
  dynamoDbCalls: Record<string, number>;
};

const DEMO_TABLES = ["Shop", "Sessions", "Events"] as const;
const RANGES = ["15m", "1h", "3h", "12h", "1d"] as const;
const REQUEST_TIMEOUT_MS = 30_000;
const RSS_SAMPLE_MS = 250;

/** The dashboard server and the processes it started (Next may serve from a child), by /proc. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children.flatMap(processTree)];
  } catch {
    // Not Linux, or the process is gone: only the pid itself is known.
    return [pid];
  }
}

function treeRssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  const figures = processTree(pid).map(processMemory);
  return figures.every((figure) => figure === null) ? null : figures.reduce((sum, figure) => sum + (figure?.rssMb ?? 0), 0);
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).flatMap(([operation, count]) => (count - (before[operation] ?? 0) > 0 ? [[operation, count - (before[operation] ?? 0)]] : [])));
}

/**
 * The bounded load test: the embedded stack with the demo data and simulated history (no live traffic, no capacity
 * enforcement: it measures the dashboard, not the demo's tables), a production build, and `viewers` simulated viewers
 * on loopback for `durationMs`. Everything it starts, it stops.
 */
export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const { log } = options;
  log(`starting the local stack with the demo data and ${Math.round(options.historyMs / 60_000)} minutes of simulated history…`);
  const stack = await startLocalStack({ seed: true, heapMb: 768, historyMs: options.historyMs, workload: false, enforceCapacity: false, log });
  try {
    if (buildIsStale()) {
      log("building…");
      await runNextBuild();
    }
    const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
    try {
      const rssBefore = treeRssMb(dashboard.pid);
      let rssPeak = rssBefore;
      // Sampled and summed over the process tree: VmHWM covers one process only, and includes its start-up.
      const sampler = setInterval(() => {
        const now = treeRssMb(dashboard.pid);
        if (now !== null) rssPeak = Math.max(rssPeak ?? 0, now);
      }, RSS_SAMPLE_MS);
      const cloudwatchReset = await fetch(`${stack.cloudwatch.endpoint}/_local/stats/reset`, { method: "POST" });
      if (!cloudwatchReset.ok) throw new Error(`Resetting the local CloudWatch's stats failed: HTTP ${cloudwatchReset.status}`);
      const dynamoBefore = stack.proxy.requestCounts();
      log(`${options.viewers} viewers for ${options.durationMs / 1000} s on ${dashboard.url}…`);
      let figures: LoadFigures;
      try {
        figures = await simulateViewers({
          baseUrl: dashboard.url,
          viewers: options.viewers,
          durationMs: options.durationMs,
          thinkMs: options.thinkMs,
          tables: DEMO_TABLES,
          ranges: RANGES,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
        });
      } finally {
        clearInterval(sampler);
      }
      const stats = (await (await fetch(`${stack.cloudwatch.endpoint}/_local/stats`)).json()) as { operations: Record<string, number> };
      return {
        ...figures,
        dashboardRssMb: { before: rssBefore, peak: rssPeak },
        // PutMetricData is the metering proxy publishing what it measured, not a call the dashboard made.
        cloudWatchCalls: Object.fromEntries(Object.entries(stats.operations).filter(([operation]) => operation !== "PutMetricData")),
        dynamoDbCalls: difference(stack.proxy.requestCounts(), dynamoBefore),
      };
    } finally {
      await dashboard.stop();
    }
  } finally {
    await stack.stop();
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([operation, count]) => `${operation} ${count}`)
    .join(", ");

/** One line per figure, for the load test's own output and for `npm run bench`. */
export function loadHeadline(result: LoadTestResult): Array<[string, string]> {
  const { overall } = result;
  return [
    ["load: viewers × duration", `${result.viewers} × ${result.durationSeconds} s · ${result.requests} requests · ${result.requestsPerSecond} req/s`],
    ["load: errors", String(result.errors)],
    ["load: latency overall", `p50 ${overall.p50Ms} ms · p95 ${overall.p95Ms} ms · p99 ${overall.p99Ms} ms · max ${overall.maxMs} ms`],
    ["load: dashboard RSS", `${result.dashboardRssMb.before ?? "?"} MB before, peak ${result.dashboardRssMb.peak ?? "?"} MB`],
    ["load: CloudWatch calls", `${total(result.cloudWatchCalls)} (${list(result.cloudWatchCalls) || "none"})`],
    ["load: DynamoDB calls", `${total(result.dynamoDbCalls)} (${list(result.dynamoDbCalls) || "none"})`],
  ];
}

export function printLoadTable(result: LoadTestResult): void {
  const rows: Array<[string, string]> = [...loadHeadline(result)];
  for (const [route, latency] of Object.entries(result.routes).sort((a, b) => a[0].localeCompare(b[0]))) {
    rows.push([`  ${route}`, `p50 ${latency.p50Ms} ms · p95 ${latency.p95Ms} ms · p99 ${latency.p99Ms} ms · n=${latency.requests} · errors ${latency.errors}`]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("");
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  for (const sample of result.errorSamples) console.log(`  error: ${sample}`);
}

/** `--viewers 50 --duration 60 --think-ms 0 --history 30` (seconds and minutes); anything else is refused. */
function parseFlags(argv: readonly string[]): Omit<LoadTestOptions, "log"> {
  const values: Record<string, number> = { viewers: 50, duration: 60, "think-ms": 0, history: 30 };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]?.replace(/^--/, "") ?? "";
    const value = Number(argv[i + 1]);
    if (!(flag in values) || !Number.isFinite(value) || value < 0) {
      throw new Error(`Unknown or bad flag ${argv[i] ?? ""} ${argv[i + 1] ?? ""}; use --viewers N --duration SECONDS --think-ms MS --history MINUTES`);
    }
    values[flag] = value;
  }
  const get = (name: string) => values[name] ?? 0;
  if (get("viewers") < 1 || get("duration") <= 0) throw new Error("--viewers must be at least 1 and --duration above 0");
  return { viewers: Math.floor(get("viewers")), durationMs: get("duration") * 1000, thinkMs: get("think-ms"), historyMs: get("history") * 60_000 };
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[load] ${line}`);
  const result = await runLoadTest({ ...parseFlags(process.argv.slice(2)), log });
  writeFileSync(new URL("./load-results.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  printLoadTable(result);
  console.log("\n  written to bench/load-results.json");
  if (result.errors > 0) {
    console.error(`\n[load] ${result.errors} request(s) failed; the load test requires 0.`);
    process.exitCode = 1;
  }
}

// Run as a script (`npm run bench:load`); bench/run.ts imports runLoadTest instead.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
