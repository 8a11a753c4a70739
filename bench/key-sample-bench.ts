import { CreateTableCommand, waitUntilTableExists, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { JobResponse, KeySampleParams, KeySampleRequest, KeySampleResult, StartJobResponse } from "../lib/jobs/job-types";
import { writeAll, type Item } from "../local/seed/batch-writer";
import { createRandom, zipfSampler } from "../local/seed/random";
import { processMemory } from "./process-memory";

const TABLE = "bench-keys-1m";
const ITEMS = 1_000_000;
const KEYS = 100_000;

/** 1,000,000 small items over 100,000 partition keys, Zipf-distributed, written straight to DynamoDB Local. */
async function seed(admin: DynamoDBClient, log: (line: string) => void): Promise<{ seconds: number; distinctKeys: number }> {
  await admin.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
  await waitUntilTableExists({ client: admin, maxWaitTime: 60 }, { TableName: TABLE });
  const random = createRandom(1_000_000);
  const pick = zipfSampler(KEYS, 1.1, random);
  // Zipf leaves many of the 100,000 possible keys unused; the true count checks the sampler's estimate.
  const distinct = new Set<string>();
  const started = performance.now();
  const chunk = 50_000;
  for (let start = 0; start < ITEMS; start += chunk) {
    const items: Item[] = Array.from({ length: Math.min(chunk, ITEMS - start) }, (_, offset) => ({ pk: { S: keyOf(pick(), distinct) }, sk: { N: String(start + offset) }, v: { S: "x".repeat(20) } }));
    await writeAll(admin, TABLE, items, { concurrency: 16 });
    log(`key-sample bench: seeded ${start + items.length} items`);
  }
  return { seconds: (performance.now() - started) / 1000, distinctKeys: distinct.size };
}

function keyOf(index: number, distinct: Set<string>): string {
  const key = `k${index}`;
  distinct.add(key);
  return key;
}

/** The key sampler's items/s, RCU against its budget, and the dashboard's peak RSS, on the 1M-item table. */
export async function benchKeySample(baseUrl: string, dashboardPid: number | undefined, admin: DynamoDBClient, log: (line: string) => void) {
  const seeded = await seed(admin, log);
  await new Promise((resolve) => setTimeout(resolve, 11_000)); // the table list is cached for 10 s
  const before = dashboardPid ? processMemory(dashboardPid) : null;
  const request: KeySampleRequest = { kind: "key-sample", mode: "full", rcuBudget: 100_000, rcuPerSecond: 10_000, segments: 4, acknowledgeRecentThrottling: true };
  const started = await fetch(`${baseUrl}/api/tables/${TABLE}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
  if (started.status !== 202) throw new Error(`key sample did not start: HTTP ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as StartJobResponse;
  let job: JobResponse<KeySampleParams, KeySampleResult>["job"];
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    job = ((await (await fetch(`${baseUrl}/api/jobs/${id}`)).json()) as JobResponse<KeySampleParams, KeySampleResult>).job;
    if (job.status !== "running") break;
  }
  const after = dashboardPid ? processMemory(dashboardPid) : null;
  const seconds = job.progress.elapsedMs / 1000;
  return {
    table: TABLE,
    items: ITEMS,
    partitionKeys: KEYS,
    seedSeconds: Math.round(seeded.seconds),
    trueDistinctKeys: seeded.distinctKeys,
    status: job.status,
    stopReason: job.stopReason,
    itemsRead: job.progress.itemsRead,
    itemsPerSecond: Math.round(job.progress.itemsRead / seconds),
    rcuUsed: Math.round(job.progress.rcuUsed),
    rcuBudget: request.rcuBudget,
    distinctKeys: job.result?.distinctKeys ?? null,
    counting: job.result?.counting.mode ?? null,
    dashboardRssMbBefore: before?.rssMb ?? null,
    dashboardPeakRssMbAfter: after?.peakRssMb ?? null,
  };
}
