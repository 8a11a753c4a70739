import { CreateTableCommand, DynamoDBClient, ScanCommand, waitUntilTableExists, type AttributeValue } from "@aws-sdk/client-dynamodb";
import type { EntitiesJob, EntitiesRequest } from "../lib/entities/entities-job-types";
import type { JobResponse, StartJobResponse } from "../lib/jobs/job-types";
import { DEFAULT_MAX_PAGE_LIMIT } from "../lib/jobs/scan-planner";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local/local-clients";
import { writeAll, type Item } from "../local/seed/batch-writer";
import { createRandom, zipfSampler } from "../local/seed/random";
import { processMemory } from "./process-memory";

/*
 * The entity job (issue #17) on a single-table model of 1,000,000 items over 100,000 partitions: its items/s against a
 * raw parallel Scan of the same table with the same segments and the job's largest page, in the same run, and the
 * dashboard's peak RSS (the issue asks for under 300 MB). Not wired into bench/run.ts yet; see benchEntities.
 */

const SEGMENTS = 4;
/** The raw Scan uses the job's largest page (the planner ramps up to it), so the ratio isolates the job's own work. */
const PAGE = DEFAULT_MAX_PAGE_LIMIT;
const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED"];
const CATEGORIES = ["books", "garden", "kitchen", "toys", "audio"];

export type EntitiesBenchOptions = {
  table?: string;
  items?: number;
  partitions?: number;
  /** How the job is started and polled; defaults to the dashboard's HTTP API at baseUrl. */
  api?: EntitiesJobsApi;
  /** The table list is cached for 10 s: a new table is visible to the dashboard only after that. */
  waitForTableListMs?: number;
};

export type EntitiesJobsApi = { start: (table: string, request: EntitiesRequest) => Promise<string>; job: (id: string) => Promise<EntitiesJob> };

export function httpJobsApi(baseUrl: string): EntitiesJobsApi {
  return {
    start: async (table, request) => {
      const started = await fetch(`${baseUrl}/api/tables/${table}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
      if (started.status !== 202) throw new Error(`entity job did not start: HTTP ${started.status} ${await started.text()}`);
      return ((await started.json()) as StartJobResponse).id;
    },
    job: async (id) => ((await (await fetch(`${baseUrl}/api/jobs/${id}`)).json()) as JobResponse<EntitiesJob["params"], EntitiesJob["result"]>).job,
  };
}

/**
 * Customers (CUSTOMER#C<n> / PROFILE, then ORDER#<date>#O<n> with GSI1PK STATUS#…) and a tenth of the partitions as
 * products (PRODUCT#P<n> / PRODUCT#P<n>, then REVIEW#R<n>): one head item per partition, the rest spread over the
 * partitions by Zipf (s = 1.1), so a few collections are large. Written straight to DynamoDB Local.
 */
async function seed(admin: DynamoDBClient, table: string, items: number, partitions: number, log: (line: string) => void): Promise<number> {
  const s = (AttributeName: string) => ({ AttributeName, AttributeType: "S" as const });
  await admin.send(new CreateTableCommand({ TableName: table, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [s("PK"), s("SK")], KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }, { AttributeName: "SK", KeyType: "RANGE" }] }));
  await waitUntilTableExists({ client: admin, maxWaitTime: 60 }, { TableName: table });
  const random = createRandom(17_000_017);
  const pick = zipfSampler(partitions, 1.1, random);
  const pad = (value: number) => String(value).padStart(7, "0");
  const isProduct = (p: number) => p % 10 === 9;
  const head = (p: number): Item =>
    isProduct(p)
      ? { PK: { S: `PRODUCT#P${pad(p)}` }, SK: { S: `PRODUCT#P${pad(p)}` }, GSI1PK: { S: `CATEGORY#${CATEGORIES[p % CATEGORIES.length] ?? "books"}` }, price: p % 97 === 0 ? { S: "9.99" } : { N: String(p % 500) } }
      : { PK: { S: `CUSTOMER#C${pad(p)}` }, SK: { S: "PROFILE" }, name: { S: `Customer ${p}` }, ...(p % 7 === 0 ? {} : { email: { S: `c${p}@example.com` } }) };
  const child = (p: number, i: number): Item =>
    isProduct(p)
      ? { PK: { S: `PRODUCT#P${pad(p)}` }, SK: { S: `REVIEW#R${pad(i)}` }, stars: { N: String(1 + (i % 5)) } }
      : { PK: { S: `CUSTOMER#C${pad(p)}` }, SK: { S: `ORDER#2025-0${1 + (i % 9)}-1${i % 10}#O${pad(i)}` }, GSI1PK: { S: `STATUS#${STATUSES[i % STATUSES.length] ?? "PENDING"}` }, total: { N: String(i % 1000) } };
  const started = performance.now();
  const chunk = 50_000;
  for (let start = 0; start < items; start += chunk) {
    const batch: Item[] = Array.from({ length: Math.min(chunk, items - start) }, (_, offset) => {
      const i = start + offset;
      return i < partitions ? head(i) : child(pick(), i);
    });
    await writeAll(admin, table, batch, { concurrency: 16 });
    log(`entities bench: seeded ${start + batch.length} items`);
  }
  return (performance.now() - started) / 1000;
}

async function rawScan(endpoint: string, table: string): Promise<{ items: number; seconds: number }> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const started = performance.now();
  try {
    const counts = await Promise.all(
      Array.from({ length: SEGMENTS }, async (_, segment) => {
        let items = 0;
        let startKey: Record<string, AttributeValue> | undefined;
        do {
          const page = await client.send(new ScanCommand({ TableName: table, Segment: segment, TotalSegments: SEGMENTS, Limit: PAGE, ExclusiveStartKey: startKey, ReturnConsumedCapacity: "TOTAL" }));
          items += page.Count ?? 0;
          startKey = page.LastEvaluatedKey;
        } while (startKey);
        return items;
      }),
    );
    return { items: counts.reduce((sum, count) => sum + count, 0), seconds: (performance.now() - started) / 1000 };
  } finally {
    client.destroy();
  }
}

/**
 * Seeds the table, runs a full entity job through the API and a raw Scan through `scanEndpoint` (the metering proxy,
 * as the dashboard's own reads go), and reads the dashboard's peak RSS from /proc. To wire it into bench/run.ts, after
 * the key sample:
 *   const entitiesAdmin = localDynamoDb(stack.dynamodb.endpoint);
 *   results.entities = await benchEntities(dashboard.url, dashboard.pid, entitiesAdmin, stack.proxy.endpoint, log).finally(() => entitiesAdmin.destroy());
 */
export async function benchEntities(baseUrl: string, dashboardPid: number | undefined, admin: DynamoDBClient, scanEndpoint: string, log: (line: string) => void, options: EntitiesBenchOptions = {}) {
  const table = options.table ?? "bench-entities-1m";
  const items = options.items ?? 1_000_000;
  const partitions = options.partitions ?? 100_000;
  const api = options.api ?? httpJobsApi(baseUrl);
  const seedSeconds = await seed(admin, table, items, partitions, log);
  await new Promise((resolve) => setTimeout(resolve, options.waitForTableListMs ?? 11_000));
  const before = dashboardPid ? processMemory(dashboardPid) : null;
  const id = await api.start(table, { kind: "entities", mode: "full", rcuBudget: 1_000_000, rcuPerSecond: 10_000, segments: SEGMENTS });
  let job: EntitiesJob;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await api.job(id);
    if (job.status !== "running") break;
  }
  const after = dashboardPid ? processMemory(dashboardPid) : null;
  const raw = await rawScan(scanEndpoint, table);
  const jobItemsPerSecond = Math.round(job.progress.itemsRead / (job.progress.elapsedMs / 1000));
  const rawItemsPerSecond = Math.round(raw.items / raw.seconds);
  const model = job.result;
  return {
    table,
    items,
    partitions,
    seedSeconds: Math.round(seedSeconds),
    status: job.status,
    stopReason: job.stopReason,
    itemsRead: job.progress.itemsRead,
    rcuUsed: Math.round(job.progress.rcuUsed),
    entitiesItemsPerSecond: jobItemsPerSecond,
    rawScanItemsPerSecond: rawItemsPerSecond,
    ratio: Math.round((jobItemsPerSecond / rawItemsPerSecond) * 100) / 100,
    types: model?.types.map((type) => ({ name: type.name, items: type.items.value })) ?? null,
    distinctPartitions: model?.collections.distinctPartitions.value ?? null,
    collectionSampling: model?.collections.sampling ?? null,
    dashboardRssMbBefore: before?.rssMb ?? null,
    dashboardPeakRssMbAfter: after?.peakRssMb ?? null,
  };
}
