import { writeFileSync } from "node:fs";
import { freePort } from "../local/free-port";
import { buildIsStale, runNextBuild, startDashboard } from "../local/stack/dashboard-process";
import { startLocalStack } from "../local/stack/local-stack";
import { measureFirstLoadJs } from "./first-load-js";
import { benchItemSize } from "./item-size-bench";
import { benchItems } from "./items-bench";
import { benchMetrics } from "./metrics-bench";
import { localDynamoDb } from "../local/local-clients";
import { benchSizeAudit } from "./size-audit-bench";
import { benchKeySample } from "./key-sample-bench";
import { benchPartitionSpread } from "./partitions-spread-bench";
import { benchFleet } from "./fleet-bench";
import { alarmsScalingRows, benchAlarmsScaling } from "./alarms-scaling-bench";
import { changesReportRows, type ChangesReportBench } from "./changes-report-bench";
import { benchChangesReportOnOwnStack } from "./changes-report-stack";
import { benchStreams, streamsRows, type StreamsBench } from "./streams-bench";
import { benchCost, costRows, type CostBench } from "./cost-bench";
import { loadHeadline, runLoadTest, type LoadTestResult } from "./load-test";
import { measureLatency } from "./stats";

/** `npm run bench`: figures measured against the embedded stack, printed as a table and written to bench/results.json. */
async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import("node:os")).cpus().length } };

  // Pure CPU, so it runs before the JVM and the dashboard are up to compete for the cores.
  log("measuring itemSize throughput…");
  results.itemSize = benchItemSize();

  log("starting DynamoDB Local and seeding the demo tables…");
  const stack = await startLocalStack({ seed: true, heapMb: 768, enforceCapacity: false, log });
  const written = stack.seed.reduce((sum, table) => sum + table.written, 0);
  const seedMs = stack.seed.reduce((sum, table) => sum + table.ms, 0);
  results.seed = { items: written, seconds: Math.round(seedMs) / 1000, itemsPerSecond: Math.round(written / (seedMs / 1000)) };

  if (buildIsStale()) {
    log("building…");
    await runNextBuild();
  }
  const dashboard = await startDashboard({ port: await freePort(), env: stack.dashboardEnv });
  try {
    log("measuring API latency…");
    results.api = {
      overview: await measureLatency(`${dashboard.url}/api/tables`, 50),
      tableShop: await measureLatency(`${dashboard.url}/api/tables/Shop`, 50),
    };
    log("measuring first-load JavaScript…");
    results.firstLoadJs = await Promise.all(["/", "/tables/Shop", "/tables/Shop/items"].map((route) => measureFirstLoadJs(dashboard.url, route)));
    log("measuring the partition browser…");
    results.items = await benchItems(dashboard.url, stack.proxy);
    log("measuring the metrics API and CloudWatch calls…");
    const admin = localDynamoDb(stack.dynamodb.endpoint);
    results.metrics = await benchMetrics(dashboard.url, stack.cloudwatch.endpoint, admin).finally(() => admin.destroy());
    log("measuring a full size audit…");
    // The raw Scan goes through the same metering proxy as the dashboard, so both pay the same hop.
    results.sizeAudit = await benchSizeAudit(dashboard.url, dashboard.pid, stack.proxy.endpoint);
    log("seeding 1,000,000 items over 100,000 keys and running the key sampler (a few minutes)…");
    const keysAdmin = localDynamoDb(stack.dynamodb.endpoint);
    results.keySample = await benchKeySample(dashboard.url, dashboard.pid, keysAdmin, log).finally(() => keysAdmin.destroy());
    log("seeding the research shape (100,000 items over 2,000 Zipf keys): partition list spread vs one segment, sampler recall…");
    const spreadAdmin = localDynamoDb(stack.dynamodb.endpoint);
    results.partitionSpread = await benchPartitionSpread(spreadAdmin, log, dashboard.url).finally(() => spreadAdmin.destroy());
    log("measuring /api/fleet over 1 and 3 regions of 100 tables…");
    results.fleet = await benchFleet(stack, log);
    log("measuring the AWS calls alarms and auto scaling add to a table page view, 1 vs 50 viewers…");
    results.alarmsScaling = await benchAlarmsScaling(dashboard.url, stack, log);
    log("measuring the cost advisor: one table over 14 days, /fleet's cost column over 100 tables…");
    results.cost = await benchCost(stack, log);
  } finally {
    await dashboard.stop();
    await stack.stop();
  }

  // On a stack of its own with 3 hours of history, so the report's 3-hour window is real (changes-report-stack.ts).
  log("measuring the CloudTrail lookups behind 1 vs 50 viewers and a 3-hour incident report…");
  results.changesReport = await benchChangesReportOnOwnStack(log);

  // On a stack of its own too: a writer writes flat out straight to DynamoDB Local while the readers keep up.
  log("measuring the stream tail and a stream sample: records/s, GetRecords per shard per second, RSS over a 5-minute sample…");
  results.streams = await benchStreams(log);

  const load = await benchLoad(log);
  results.load = load;

  writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  printLoadHeadline(load);
}

// ── Load test (issue 8, item 6) ─────────────────────────────────────────────────────────────────────────────────────
// The run of bench/load-test.ts: 50 viewers for 60 s (`npm run bench:load` runs the same alone and prints every
// route). It starts its own stack with simulated history, after the stack above has stopped, so the 1M-item sampler
// table does not skew it.
const LOAD_VIEWERS = 50;
const LOAD_DURATION_MS = 60_000;
const LOAD_HISTORY_MS = 30 * 60_000;

async function benchLoad(log: (line: string) => void): Promise<LoadTestResult> {
  log(`load test: ${LOAD_VIEWERS} viewers for ${LOAD_DURATION_MS / 1000} s…`);
  const load = await runLoadTest({ viewers: LOAD_VIEWERS, durationMs: LOAD_DURATION_MS, thinkMs: 0, historyMs: LOAD_HISTORY_MS, log });
  // The load test's bar is zero errors; the bench still prints and saves everything before failing on it.
  if (load.errors > 0) process.exitCode = 1;
  return load;
}

function printLoadHeadline(load: LoadTestResult): void {
  const rows = loadHeadline(load);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("");
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  for (const sample of load.errorSamples) console.log(`  load error: ${sample}`);
}

function printTable(results: Record<string, unknown>): void {
  const rows: Array<[string, string]> = [];
  const seed = results.seed as { items: number; seconds: number; itemsPerSecond: number };
  rows.push(["seed throughput", `${seed.itemsPerSecond} items/s (${seed.items} items in ${seed.seconds} s)`]);
  const itemSizeBench = results.itemSize as ReturnType<typeof benchItemSize>;
  rows.push(["itemSize throughput", `${itemSizeBench.mbPerSecond} MB/s · ${itemSizeBench.itemsPerSecond} items/s (${itemSizeBench.items} items × ${itemSizeBench.passes} passes)`]);
  const api = results.api as Record<string, { requests: number; firstMs: number; p50Ms: number; p95Ms: number; errors: number }>;
  for (const [name, summary] of Object.entries(api)) {
    rows.push([`API ${name}`, `p50 ${summary.p50Ms} ms · p95 ${summary.p95Ms} ms · first ${summary.firstMs} ms · n=${summary.requests} · errors ${summary.errors}`]);
  }
  const items = results.items as Awaited<ReturnType<typeof benchItems>>;
  rows.push(["largest partition, first page of 100", `p50 ${items.largestPartitionFirstPage.p50Ms} ms · p95 ${items.largestPartitionFirstPage.p95Ms} ms · n=${items.largestPartitionFirstPage.requests}`]);
  rows.push(["1,000-item page via API", `p50 ${items.thousandItemPageApi.p50Ms} ms · p95 ${items.thousandItemPageApi.p95Ms} ms · n=${items.thousandItemPageApi.requests}`]);
  rows.push(["1,000-item page rendered", `p50 ${items.thousandItemPageRendered.p50Ms} ms · max ${items.thousandItemPageRendered.maxMs} ms (navigation to first row, n=${items.thousandItemPageRendered.runs})`]);
  rows.push(["DynamoDB requests per page of 100", `${items.requestsPerPageOf100.seenByProxy} seen by the proxy (${items.requestsPerPageOf100.reportedByApi} reported by the API; target 1)`]);
  const metrics = results.metrics as Awaited<ReturnType<typeof benchMetrics>>;
  rows.push(["metrics API, cold (CloudWatch round)", `p50 ${metrics.coldLatency.p50Ms} ms · p95 ${metrics.coldLatency.p95Ms} ms · n=${metrics.coldLatency.n}`]);
  rows.push(["metrics API, warm (cached)", `p50 ${metrics.warmLatency.p50Ms} ms · p95 ${metrics.warmLatency.p95Ms} ms · n=${metrics.warmLatency.n}`]);
  rows.push(["GetMetricData calls, 1 vs 50 viewers", `${metrics.getMetricDataCalls.oneViewer} for one viewer, ${metrics.getMetricDataCalls.fiftyConcurrentViewers} for 50 concurrent viewers`]);
  const overview = metrics.overview;
  rows.push(["overview CloudWatch calls", `${overview.getMetricDataCalls} GetMetricData calls for ${overview.tables} tables (first request ${overview.firstRequestMs} ms; ${overview.getMetricDataCallsBefore} before issue 19, bound ${2 * overview.getMetricDataCallsBefore})`]);
  rows.push([
    "overview verdicts, CloudWatch calls",
    `cold: ${overview.diagnosis.coldGetMetricDataCalls} GetMetricData + ${overview.diagnosis.coldGetInsightRuleReportCalls} GetInsightRuleReport calls in ${overview.diagnosis.coldMs} ms; ` +
      `after the metrics overview: ${overview.diagnosis.afterMetricsOverviewGetMetricDataCalls} more GetMetricData calls, ${overview.diagnosis.afterMetricsOverviewMs} ms`,
  ]);
  const audit = results.sizeAudit as Awaited<ReturnType<typeof benchSizeAudit>>;
  rows.push(["size audit, full scan of Shop", `${audit.auditItemsPerSecond} items/s vs raw Scan ${audit.rawScanItemsPerSecond} items/s (ratio ${audit.ratio}); ${audit.itemsRead} items, ${audit.rcuUsed} RCU, ${audit.largeItemsFound} items ≥ 350 KB`]);
  rows.push(["size audit, dashboard memory", `RSS ${audit.dashboardRssMbBefore} MB before, peak ${audit.dashboardPeakRssMbAfter} MB after`]);
  const sample = results.keySample as Awaited<ReturnType<typeof benchKeySample>>;
  rows.push(["key sampler, 1M items / 100k keys", `${sample.itemsPerSecond} items/s (full scan, ${sample.itemsRead} items, ${sample.stopReason}); ${sample.rcuUsed} of ${sample.rcuBudget} RCU budget; ${sample.distinctKeys?.value ?? "?"} distinct keys estimated (${sample.counting} counting) of ${sample.trueDistinctKeys} seeded`]);
  rows.push(["key sampler, dashboard memory", `RSS ${sample.dashboardRssMbBefore} MB before, peak ${sample.dashboardPeakRssMbAfter} MB after (seeding took ${sample.seedSeconds} s)`]);
  const spread = results.partitionSpread as Awaited<ReturnType<typeof benchPartitionSpread>>;
  for (const variant of spread.variants) {
    const first = variant.firstPage;
    const added = variant.continuations.reduce((sum, page) => sum + page.newKeys, 0);
    rows.push([
      `partition list: ${variant.name}`,
      `${first.distinctKeys} keys · ${first.rcu} RCU · ${first.requests} requests · p50 ${first.p50Ms} ms (cold ${first.coldMs}); ${variant.continuations.length} × scan more: +${added} keys, ${variant.continuations[0]?.rcu ?? 0} RCU and ~${variant.continuations[0]?.ms ?? 0} ms each`,
    ]);
  }
  if (spread.api?.first) rows.push(["partition list via API (research shape)", `${spread.api.first.keys} keys · ${spread.api.first.rcu} RCU · ${spread.api.first.segments} segments · p50 ${spread.api.p50Ms} ms`]);
  for (const run of spread.sampler.runs) {
    rows.push([`key sampler recall, ${run.strategy} at ${run.fraction * 100}%`, `top-10 recall ${run.recallTop10} · ${run.rcu} RCU of a ${spread.sampler.fullScanRcu} RCU full scan`]);
  }
  const fleet = results.fleet as Awaited<ReturnType<typeof benchFleet>>;
  for (const run of fleet.runs) {
    rows.push([
      `/api/fleet, ${run.regions} region(s)`,
      `${run.tables} tables · cold ${run.coldMs} ms · warm ${run.warmMs} ms · ${run.cloudWatchCalls} CloudWatch + ${run.dynamoDbCalls} DynamoDB calls · RSS ${run.dashboardRssMb.before} → ${run.dashboardRssMb.after} MB (peak ${run.dashboardRssMb.peak})`,
    ]);
  }
  if (fleet.ratios) rows.push(["/api/fleet, 3 regions ÷ 1", `CloudWatch calls ×${fleet.ratios.cloudWatchCalls} · DynamoDB calls ×${fleet.ratios.dynamoDbCalls} · cold time ×${fleet.ratios.coldMs}`]);
  rows.push(...alarmsScalingRows(results.alarmsScaling as Awaited<ReturnType<typeof benchAlarmsScaling>>));
  rows.push(...changesReportRows(results.changesReport as ChangesReportBench));
  rows.push(...streamsRows(results.streams as StreamsBench));
  rows.push(...costRows(results.cost as CostBench));
  for (const route of results.firstLoadJs as Array<{ route: string; scripts: number; bytes: number; gzipBytes: number }>) {
    rows.push([`first-load JS ${route.route}`, `${(route.gzipBytes / 1024).toFixed(1)} KB gzip (${(route.bytes / 1024).toFixed(1)} KB raw, ${route.scripts} scripts)`]);
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("");
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log("\n  written to bench/results.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
