import { pathToFileURL } from "node:url";
import { CreateTableCommand, DescribeTableCommand, ScanCommand, waitUntilTableExists, type AttributeValue, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { mapWithConcurrency } from "../lib/async/map-with-concurrency";
import type { PartitionsPage } from "../lib/items/items-api";
import { planSpread } from "../lib/items/spread-scan-plan";
import { startDynamoDbLocal } from "../local/dynamodb-local/start-dynamodb-local";
import { localDynamoDb } from "../local/local-clients";
import { writeAll } from "../local/seed/batch-writer";
import { itemsFor, researchTable, zipfCounts } from "../tests/support/research-shape";
import { benchSamplerRecall } from "./sampler-recall-bench";
import { percentile } from "./stats";

/**
 * Issue #21's figures, on the research data shape (100,000 items of ~560 bytes over 2,000 Zipf keys): the partition
 * list spread over S segments × k items against one segment × S·k items (latency, RCU, distinct keys, first page and
 * continuations), and the key sampler's recall of the true top 10 at 10% of a full scan's RCU. Runs inside `npm run
 * bench`, or alone: `npx tsx bench/partitions-spread-bench.ts` (starts its own DynamoDB Local).
 */
const TABLE = "bench-research-zipf";
const BUDGET = 1_000;
const RUNS = 7;
const CONTINUATIONS = 5;

export async function seedResearchTable(admin: DynamoDBClient, log: (line: string) => void): Promise<{ seconds: number; truth: Map<string, { items: number; bytes: number }> }> {
  await admin.send(new CreateTableCommand(researchTable(TABLE)));
  await waitUntilTableExists({ client: admin, maxWaitTime: 60 }, { TableName: TABLE });
  const { items, truth } = itemsFor(zipfCounts());
  const started = performance.now();
  await writeAll(admin, TABLE, items, { concurrency: 8 });
  const seconds = (performance.now() - started) / 1000;
  log(`research shape: seeded ${items.length} items in ${Math.round(seconds)} s`);
  return { seconds, truth };
}

type Start = { segment: number; startKey: Record<string, AttributeValue> | undefined };
type PageFigures = { ms: number; rcu: number; requests: number; items: number; keys: Set<string>; next: Start[] };

/** One page of the listing as raw requests: `segments` of TotalSegments each read for `perSegment` items, `concurrency` at a time. */
async function readPage(client: DynamoDBClient, totalSegments: number, starts: readonly Start[], perSegment: number, concurrency: number): Promise<PageFigures> {
  const started = performance.now();
  const figures: PageFigures = { ms: 0, rcu: 0, requests: 0, items: 0, keys: new Set(), next: [] };
  await mapWithConcurrency(starts, concurrency, async (start) => {
    let lastKey = start.startKey;
    let read = 0;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: TABLE,
          ...(totalSegments > 1 ? { Segment: start.segment, TotalSegments: totalSegments } : {}),
          Limit: Math.min(1_000, perSegment - read),
          ExclusiveStartKey: lastKey,
          ReturnConsumedCapacity: "TOTAL",
        }),
      );
      figures.requests++;
      figures.rcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const item of page.Items ?? []) figures.keys.add(item.PK?.S ?? "");
      read += page.Items?.length ?? 0;
      lastKey = page.LastEvaluatedKey;
    } while (lastKey && read < perSegment);
    figures.items += read;
    if (lastKey) figures.next.push({ segment: start.segment, startKey: lastKey });
  });
  figures.ms = performance.now() - started;
  return figures;
}

type Variant = { name: string; segments: number; perSegment: number; concurrency: number };

async function measureVariant(client: DynamoDBClient, variant: Variant) {
  const firstMs: number[] = [];
  let first: PageFigures | null = null;
  for (let run = 0; run < RUNS; run++) {
    const starts = Array.from({ length: variant.segments }, (_, segment) => ({ segment, startKey: undefined }));
    first = await readPage(client, variant.segments, starts, variant.perSegment, variant.concurrency);
    firstMs.push(first.ms);
  }
  // "Scan more": each open segment continues from its LastEvaluatedKey, CONTINUATIONS times.
  const continued: Array<{ ms: number; rcu: number; newKeys: number }> = [];
  const seen = new Set(first?.keys);
  let open = first?.next ?? [];
  for (let page = 0; page < CONTINUATIONS && open.length > 0; page++) {
    const next = await readPage(client, variant.segments, open, variant.perSegment, variant.concurrency);
    const fresh = [...next.keys].filter((key) => !seen.has(key));
    for (const key of fresh) seen.add(key);
    continued.push({ ms: Math.round(next.ms), rcu: next.rcu, newKeys: fresh.length });
    open = next.next;
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    ...variant,
    firstPage: { coldMs: round(firstMs[0] ?? NaN), p50Ms: round(percentile(firstMs.slice(1), 50)), rcu: first?.rcu ?? 0, requests: first?.requests ?? 0, items: first?.items ?? 0, distinctKeys: first?.keys.size ?? 0 },
    continuations: continued,
    distinctKeysAfterContinuations: seen.size,
  };
}

/** The listing's figures: the planned spread against one segment of the same items, and against the 200 × 5. */
export async function benchPartitionSpread(admin: DynamoDBClient, log: (line: string) => void, baseUrl?: string) {
  const seeded = await seedResearchTable(admin, log);
  const described = await admin.send(new DescribeTableCommand({ TableName: TABLE }));
  const plan = planSpread({ budget: BUDGET, itemCount: described.Table?.ItemCount ?? null, sizeBytes: described.Table?.TableSizeBytes ?? null });
  log(`partition list: plan ${plan.segments} segments × ${plan.perSegment} items (predicted ${plan.predictedRcu} RCU against ${plan.singleSegmentRcu} for one segment)`);
  const variants: Variant[] = [
    { name: "planned S×k, concurrency 16", segments: plan.segments, perSegment: plan.perSegment, concurrency: 16 },
    { name: "planned S×k, concurrency 8", segments: plan.segments, perSegment: plan.perSegment, concurrency: 8 },
    { name: "1 × S·k (the same items in one segment)", segments: 1, perSegment: plan.segments * plan.perSegment, concurrency: 1 },
    { name: "1 × 1,000 (before: one segment, the whole budget)", segments: 1, perSegment: BUDGET, concurrency: 1 },
    { name: "200 × 5 (the issue's example)", segments: 200, perSegment: 5, concurrency: 16 },
  ];
  const results = [];
  for (const variant of variants) {
    log(`partition list: ${variant.name}…`);
    results.push(await measureVariant(admin, variant));
  }
  const api = baseUrl ? await measureApi(baseUrl) : null;
  log("key sampler: recall of the true top 10 at 10% of a full scan's RCU…");
  const sampler = await benchSamplerRecall(admin, TABLE, seeded.truth, log, baseUrl);
  return { table: TABLE, items: [...seeded.truth.values()].reduce((sum, tally) => sum + tally.items, 0), keys: seeded.truth.size, seedSeconds: Math.round(seeded.seconds), plan, variants: results, api, sampler };
}

/** The same page through the dashboard (first request of each limit, so the 15 s cache never answers). */
async function measureApi(baseUrl: string) {
  const samples: Array<{ ms: number; keys: number; rcu: number; segments: number }> = [];
  for (let limit = BUDGET; limit > BUDGET - RUNS; limit--) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/tables/${TABLE}/partitions?limit=${limit}`);
    const page = (await response.json()) as PartitionsPage;
    samples.push({ ms: performance.now() - started, keys: page.partitions.length, rcu: page.consumedCapacity, segments: page.segments.total });
  }
  return { runs: samples.length, p50Ms: Math.round(percentile(samples.map((sample) => sample.ms), 50)), first: samples[0] ?? null };
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[bench] ${line}`);
  const dynamodb = await startDynamoDbLocal({ heapMb: 1_024 });
  const admin = localDynamoDb(dynamodb.endpoint);
  try {
    console.log(JSON.stringify(await benchPartitionSpread(admin, log), null, 2));
  } finally {
    admin.destroy();
    await dynamodb.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
