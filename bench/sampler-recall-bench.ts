import { DescribeTableCommand, QueryCommand, ScanCommand, type AttributeValue, type DynamoDBClient, type QueryCommandOutput } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "../lib/async/map-with-concurrency";
import type { JobResponse, KeySampleParams, KeySampleResult, StartJobResponse } from "../lib/jobs/job-types";
import { RCU_PER_4KB } from "../lib/items/spread-scan-plan";

/**
 * Recall of the true top 10 keys (by items) of the table's own partition key, for a key sample limited to a share of
 * a full scan's RCU, read two ways with raw requests, plus the dashboard's sampler when a base URL is given:
 * - "sequential": what the sampler does (4 segments from their start in pages of up to 1,000 items, 75% of the budget,
 *   then COUNT queries finish the keys the segments stopped inside);
 * - "spread": issue #21's proposal (as many segments of one 4 KB request as 75% of the budget buys, then COUNT
 *   queries on the keys those pages stopped inside, most items seen first, with the rest).
 * Both find a large key only if they happen to read part of it: the figures show how often that is.
 */
type Truth = Map<string, { items: number; bytes: number }>;
type Counts = Map<string, { items: number; exact: boolean }>;

const FRACTIONS = [0.1, 0.25, 0.5];
const SCAN_SHARE = 0.75;

function recall(counts: Counts, truth: Truth): number {
  const found = [...counts].sort((a, b) => b[1].items - a[1].items).slice(0, 10).map(([key]) => key);
  const top = [...truth].sort((a, b) => b[1].items - a[1].items).slice(0, 10).map(([key]) => key);
  return found.filter((key) => top.includes(key)).length / 10;
}

type Budget = { left: number; used: number };
type Stop = { key: string; lastKey: Record<string, AttributeValue> };

/** Reads `segments` segments from their start, `perPage` items a request, round-robin, until `pagesPerSegment` or the budget. */
async function scanSegments(client: DynamoDBClient, table: string, segments: number, perPage: number, pagesPerSegment: number, budget: Budget, counts: Counts): Promise<Stop[]> {
  const stops: Stop[] = [];
  const pageCost = (perPage * 600) / 8192; // only decides whether to start a page; the charge is what DynamoDB reports
  type State = { segment: number; lastKey: Record<string, AttributeValue> | undefined; pages: number; done: boolean };
  const states = Array.from({ length: segments }, (_, segment): State => ({ segment, lastKey: undefined, pages: 0, done: false }));
  let open = states;
  while (open.length > 0 && budget.left >= Math.max(RCU_PER_4KB, pageCost)) {
    const round = open.slice(0, Math.max(1, Math.floor(budget.left / Math.max(RCU_PER_4KB, pageCost))));
    await mapWithConcurrency(round, 16, async (state) => {
      const page = await client.send(new ScanCommand({ TableName: table, Segment: state.segment, TotalSegments: segments, Limit: perPage, ExclusiveStartKey: state.lastKey, ReturnConsumedCapacity: "TOTAL" }));
      const rcu = page.ConsumedCapacity?.CapacityUnits ?? 0;
      budget.left -= rcu;
      budget.used += rcu;
      for (const item of page.Items ?? []) {
        const key = item.PK?.S ?? "";
        counts.set(key, { items: (counts.get(key)?.items ?? 0) + 1, exact: true });
      }
      state.lastKey = page.LastEvaluatedKey;
      state.pages++;
      state.done = !page.LastEvaluatedKey;
    });
    open = open.filter((state) => !state.done && state.pages < pagesPerSegment);
  }
  for (const state of states) if (state.lastKey && !state.done) stops.push({ key: state.lastKey.PK?.S ?? "", lastKey: state.lastKey });
  return stops;
}

/** Finishes the keys the Scan stopped inside with Select COUNT queries, most items seen first, within the budget. */
async function confirm(client: DynamoDBClient, table: string, stops: readonly Stop[], budget: Budget, counts: Counts): Promise<void> {
  const ordered = [...stops].sort((a, b) => (counts.get(b.key)?.items ?? 0) - (counts.get(a.key)?.items ?? 0));
  for (const stop of ordered) {
    let startKey: Record<string, AttributeValue> | undefined = stop.lastKey;
    while (startKey && budget.left >= RCU_PER_4KB) {
      const limit = Math.max(1, Math.min(1_000, Math.floor((budget.left * 8192) / 600)));
      const page: QueryCommandOutput = await client.send(
        new QueryCommand({ TableName: table, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": { S: stop.key } }, Select: "COUNT", Limit: limit, ExclusiveStartKey: startKey, ReturnConsumedCapacity: "TOTAL" }),
      );
      const rcu = page.ConsumedCapacity?.CapacityUnits ?? 0;
      budget.left -= rcu;
      budget.used += rcu;
      const tally = counts.get(stop.key) ?? { items: 0, exact: false };
      counts.set(stop.key, { items: tally.items + (page.Count ?? 0), exact: !page.LastEvaluatedKey });
      startKey = page.LastEvaluatedKey;
    }
  }
}

async function rawStrategy(client: DynamoDBClient, table: string, truth: Truth, fullRcu: number, fraction: number, strategy: "sequential" | "spread", avgItemBytes: number) {
  const budget: Budget = { left: fullRcu * fraction * SCAN_SHARE, used: 0 };
  const counts: Counts = new Map();
  const started = performance.now();
  const perPage = strategy === "sequential" ? 1_000 : Math.max(1, Math.floor(4096 / (avgItemBytes * 1.1)));
  const segments = strategy === "sequential" ? 4 : Math.max(1, Math.floor(budget.left / RCU_PER_4KB));
  const stops = await scanSegments(client, table, segments, perPage, strategy === "sequential" ? Number.POSITIVE_INFINITY : 1, budget, counts);
  budget.left += fullRcu * fraction * (1 - SCAN_SHARE);
  await confirm(client, table, stops, budget, counts);
  return { strategy, fraction, segments, perPage, rcu: Math.round(budget.used), ms: Math.round(performance.now() - started), keysSeen: counts.size, recallTop10: recall(counts, truth) };
}

/** The dashboard's own sampler, sample mode, with the budget as a share of a full scan. */
async function dashboardSampler(baseUrl: string, table: string, truth: Truth, fullRcu: number, fraction: number) {
  const body = { kind: "key-sample", mode: "sample", sampleSize: 1_000_000, rcuBudget: Math.round(fullRcu * fraction), rcuPerSecond: 10_000, segments: 4, acknowledgeRecentThrottling: true };
  const started = await fetch(`${baseUrl}/api/tables/${table}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (started.status !== 202) throw new Error(`key sample did not start: HTTP ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as StartJobResponse;
  let job: JobResponse<KeySampleParams, KeySampleResult>["job"];
  do {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = ((await (await fetch(`${baseUrl}/api/jobs/${id}`)).json()) as JobResponse<KeySampleParams, KeySampleResult>).job;
  } while (job.status === "running");
  const counts: Counts = new Map();
  for (const entry of [...(job.result?.topByItems ?? []), ...(job.result?.confirmation?.keys ?? [])]) {
    if ("S" in entry.key) counts.set(entry.key.S, { items: entry.estimate?.items ?? entry.items, exact: entry.estimate?.complete ?? false });
  }
  return { strategy: "dashboard sampler", fraction, rcu: Math.round(job.result?.rcuUsed ?? 0), rcuBudget: body.rcuBudget, confirmed: job.result?.confirmation?.confirmed ?? 0, recallTop10: recall(counts, truth) };
}

export async function benchSamplerRecall(client: DynamoDBClient, table: string, truth: Truth, log: (line: string) => void, baseUrl?: string) {
  const described = await client.send(new DescribeTableCommand({ TableName: table }));
  const sizeBytes = described.Table?.TableSizeBytes ?? 0;
  const itemCount = described.Table?.ItemCount ?? 1;
  // A full scan in 1 MB pages: 0.5 RCU per 4 KB.
  const fullRcu = Math.ceil(sizeBytes / 4096) * RCU_PER_4KB;
  const runs = [];
  for (const fraction of FRACTIONS) {
    for (const strategy of ["sequential", "spread"] as const) {
      const run = await rawStrategy(client, table, truth, fullRcu, fraction, strategy, sizeBytes / itemCount);
      log(`key sampler: ${strategy} at ${fraction * 100}% → recall ${run.recallTop10} (${run.rcu} RCU)`);
      runs.push(run);
    }
    if (baseUrl) runs.push(await dashboardSampler(baseUrl, table, truth, fullRcu, fraction));
  }
  return { fullScanRcu: fullRcu, runs };
}
