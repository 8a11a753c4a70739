import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "../lib/async/map-with-concurrency";
import { percentile } from "./stats";

async function getMetricDataCalls(cloudwatch: string): Promise<number> {
  const stats = (await (await fetch(`${cloudwatch}/_local/stats`)).json()) as { operations: Record<string, number> };
  return stats.operations.GetMetricData ?? 0;
}

const resetStats = (cloudwatch: string) => fetch(`${cloudwatch}/_local/stats/reset`, { method: "POST" });

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

const summary = (samples: number[]) => ({ n: samples.length, p50Ms: Math.round(percentile(samples, 50) * 10) / 10, p95Ms: Math.round(percentile(samples, 95) * 10) / 10 });

/**
 * The metrics API: cold latency (every window new, so every request is a CloudWatch round), warm latency (one cached
 * window), the GetMetricData calls behind 1 and behind 50 concurrent viewers, and the overview's calls for 103 tables:
 * its metrics, and its verdicts both on the metrics' cached batch and on a cold one.
 */
export async function benchMetrics(baseUrl: string, cloudwatch: string, admin: DynamoDBClient) {
  const hour = 3_600_000;
  const minute = 60_000;
  const base = Math.floor(Date.now() / minute) * minute - 10 * minute;
  const window = (offset: number) => `${baseUrl}/api/tables/Shop/metrics?start=${base - hour - offset * minute}&end=${base - offset * minute}`;

  const cold: number[] = [];
  for (let i = 1; i <= 20; i++) cold.push(await timed(window(i)));
  const warm: number[] = [];
  for (let i = 0; i < 50; i++) warm.push(await timed(window(1)));

  await resetStats(cloudwatch);
  await timed(window(30));
  const oneViewer = await getMetricDataCalls(cloudwatch);
  await resetStats(cloudwatch);
  await Promise.all(Array.from({ length: 50 }, () => timed(window(31))));
  const fiftyViewers = await getMetricDataCalls(cloudwatch);

  // 100 small tables, so the overview has 103 to cover.
  await mapWithConcurrency(
    Array.from({ length: 100 }, (_, i) => `bench-metrics-${String(i).padStart(3, "0")}`),
    8,
    (name) =>
      admin.send(new CreateTableCommand({ TableName: name, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" }] })),
  );
  // The table list is cached for 10 s on the server.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  // The overview's batch is cached per one-minute window: start early in a minute, so the next two requests share it.
  await untilEarlyInMinute();
  await resetStats(cloudwatch);
  const overviewMs = await timed(`${baseUrl}/api/metrics/overview`);
  const overview = (await (await fetch(`${baseUrl}/api/metrics/overview`)).json()) as { tables: Record<string, unknown> };
  const overviewCalls = await getMetricDataCalls(cloudwatch);
  // The overview page asks for the verdicts too: they read the same batch, so they should add no GetMetricData call.
  const sharedMs = await timed(`${baseUrl}/api/diagnosis/overview`);
  const sharedCalls = (await getMetricDataCalls(cloudwatch)) - overviewCalls;
  // The verdicts alone on a cold batch, a minute on: the batch, plus Contributor Insights reports of the tables with it on.
  await untilEarlyInMinute(true);
  await resetStats(cloudwatch);
  const diagnosisMs = await timed(`${baseUrl}/api/diagnosis/overview`);
  const diagnosisCalls = await cloudWatchCalls(cloudwatch);

  return {
    coldLatency: summary(cold),
    warmLatency: summary(warm),
    getMetricDataCalls: { oneViewer, fiftyConcurrentViewers: fiftyViewers },
    overview: {
      tables: Object.keys(overview.tables).length,
      getMetricDataCalls: overviewCalls,
      firstRequestMs: Math.round(overviewMs),
      // Measured on this harness before issue 19, when the batch held 16 capacity queries per table.
      getMetricDataCallsBefore: OVERVIEW_CALLS_BEFORE,
      diagnosis: {
        coldGetMetricDataCalls: diagnosisCalls.getMetricData,
        coldGetInsightRuleReportCalls: diagnosisCalls.getInsightRuleReport,
        coldMs: Math.round(diagnosisMs),
        afterMetricsOverviewGetMetricDataCalls: sharedCalls,
        afterMetricsOverviewMs: Math.round(sharedMs),
      },
    },
  };
}

/** GetMetricData calls of the overview for 103 tables before issue 19 (16 queries per table: 1,648 queries). */
const OVERVIEW_CALLS_BEFORE = 4;

async function cloudWatchCalls(cloudwatch: string): Promise<{ getMetricData: number; getInsightRuleReport: number }> {
  const stats = (await (await fetch(`${cloudwatch}/_local/stats`)).json()) as { operations: Record<string, number> };
  return { getMetricData: stats.operations.GetMetricData ?? 0, getInsightRuleReport: stats.operations.GetInsightRuleReport ?? 0 };
}

/** Waits until a minute has at least 40 s left (or, with `next`, for the next minute), plus a second of margin. */
async function untilEarlyInMinute(next = false): Promise<void> {
  const minute = 60_000;
  const into = Date.now() % minute;
  if (next || into > 20_000) await new Promise((resolve) => setTimeout(resolve, minute - into + 1_000));
}
