// Fault: DynamoDB throttles the dashboard. The metering proxy enforces provisioned capacity the way DynamoDB does, so
// a 1 RCU table is throttled for real (no mock) once a read has spent its capacity; raising the table's capacity
// through the proxy is how capacity "returns". Browsing must back off (the SDK retries), then show a 429 THROTTLED with
// Retry-After and a plain message, and recover; a job must stop with stopReason "throttled", and a new job succeed.
import { DeleteTableCommand, DescribeTableCommand, GetItemCommand, UpdateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { KeySampleJob } from "@/lib/jobs/job-types";
import { jobRegistry } from "@/lib/server/jobs/job-registry";
import { localDynamoDb } from "../../local/local-clients";
import { finishedJob, postJob, startAudit } from "../support/audit-fixtures";
import { getRoute, putAll } from "../support/items-fixtures";
import { activeTimers, expectNoLeakedTimers } from "../support/leak-check";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { sizedItem } from "../support/sized-items";

const BROWSED = "it-faults-thr-Browsed";
const SAMPLED = "it-faults-thr-Sampled";
const AUDITED = "it-faults-thr-Audited";
const arn = (table: string) => `arn:aws:dynamodb:ddblocal:000000000000:table/${table}`;
const tinyTable = (TableName: string) => ({
  TableName,
  BillingMode: "PROVISIONED" as const,
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }, { AttributeName: "sk", AttributeType: "N" as const }],
  KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }, { AttributeName: "sk", KeyType: "RANGE" as const }],
});

let stack: MeteringStack;
/** An unguarded client through the proxy, for UpdateTable: the proxy then reloads the table's capacity at once. */
let admin: DynamoDBClient;
let timersBefore = 0;

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [tinyTable(BROWSED), tinyTable(SAMPLED), tinyTable(AUDITED)]);
  // Seeded directly, not through the proxy, so the writes are not throttled. A partition of 100 × 4 KB costs ~50 RCU.
  const items = Array.from({ length: 200 }, (_, i) => sizedItem({ pk: { S: `k${i % 2}` }, sk: { N: String(i) } }, 4_000));
  for (const table of [BROWSED, SAMPLED, AUDITED]) await putAll(fixtures, table, items);
  fixtures.destroy();
  // No burst allowance: a read that overspends leaves the bucket negative for as many seconds as it overspent.
  stack = await startMeteringStack({ enforcer: { burstSeconds: 0 } });
  admin = localDynamoDb(stack.proxy.endpoint);
  // The dashboard reaches DynamoDB through this file's proxy; lib/env.ts reads this on first use.
  vi.stubEnv("DYNAMODB_ENDPOINT", stack.proxy.endpoint);
  vi.stubEnv("CLOUDWATCH_ENDPOINT", stack.cloudwatch.endpoint);
  vi.stubEnv("TABLES", "it-faults-thr-*");
  timersBefore = activeTimers();
});

afterAll(async () => {
  // Dropped, so their raised capacity stops counting against DynamoDB Local's account-wide limit.
  await Promise.all([BROWSED, SAMPLED, AUDITED].map((TableName) => admin.send(new DeleteTableCommand({ TableName }))));
  admin.destroy();
  await stack.stop();
});

/**
 * Capacity returns: the table's read capacity is raised through the proxy. The proxy applies a new rate on the table's
 * next request, and the debt the throttled reads left is only paid off from then on, so one read (admin's client
 * retries) picks the new rate up before the product reads again, which jobs do with a single attempt.
 */
async function raiseCapacity(table: string): Promise<void> {
  // Modest: DynamoDB Local caps provisioned throughput at 80,000 units per account, shared by every test file's tables.
  await admin.send(new UpdateTableCommand({ TableName: table, ProvisionedThroughput: { ReadCapacityUnits: 1_000, WriteCapacityUnits: 1 } }));
  // Until the proxy has seen the new throughput it still throttles at the old one: describe through it until it has.
  for (let attempt = 0; attempt < 50; attempt++) {
    const described = await admin.send(new DescribeTableCommand({ TableName: table }));
    if (described.Table?.ProvisionedThroughput?.ReadCapacityUnits === 1_000) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The throttled job left the table's capacity in debt; a read that is admitted again says the debt is paid off.
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin.send(new GetItemCommand({ TableName: table, Key: { pk: { S: "k0" }, sk: { N: "0" } } }));
      return;
    } catch (error) {
      if (!(error instanceof Error && error.name === "ProvisionedThroughputExceededException")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${table} stayed throttled after its capacity was raised`);
}

describe("throttling while browsing", () => {
  it("backs off, answers 429 THROTTLED with Retry-After and a plain message, and recovers once capacity returns", async () => {
    // The first page is admitted (a new table starts with one second of capacity) and overspends it by ~50 RCU.
    expect((await getRoute("items", BROWSED, { pk: "k0", limit: "100" })).status).toBe(200);

    const queriesBefore = stack.proxy.requestCounts().Query ?? 0;
    const throttled = await getRoute("items", BROWSED, { pk: "k1", limit: "100" });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("5");
    expect(throttled.headers.get("cache-control")).toBe("no-store");
    expect(throttled.body).toEqual({
      error: {
        code: "THROTTLED",
        message:
          "DynamoDB is throttling this dashboard: the table is using all the capacity it is allowed right now (TableReadProvisionedThroughputExceeded). The dashboard already retried; try again in a few seconds.",
      },
    });
    // The product's client retried with backoff before giving up: the proxy refused the Query more than once.
    expect((stack.proxy.requestCounts().Query ?? 0) - queriesBefore).toBeGreaterThanOrEqual(2);

    await raiseCapacity(BROWSED);
    const recovered = await getRoute("items", BROWSED, { pk: "k1", limit: "100" });
    expect(recovered.status).toBe(200);
    expect((recovered.body as { items: unknown[] }).items).toHaveLength(100);
  });
});

describe("throttling during a job", () => {
  it("stops a key sample with stopReason throttled and DynamoDB's reason; a new sample afterwards succeeds", async () => {
    const body = { kind: "key-sample", mode: "full", rcuBudget: 10_000, rcuPerSecond: 10_000, segments: 2 };
    const started = await postJob(SAMPLED, body);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = (await finishedJob((started.body as { id: string }).id)) as unknown as KeySampleJob;
    expect(job).toMatchObject({ status: "succeeded", stopReason: "throttled", error: null });
    expect(job.throttle).toEqual({ reason: "TableReadProvisionedThroughputExceeded", resource: arn(SAMPLED), message: expect.any(String) });
    expect(job.result?.complete).toBe(false);

    await raiseCapacity(SAMPLED);
    const again = await postJob(SAMPLED, body);
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    const next = (await finishedJob((again.body as { id: string }).id)) as unknown as KeySampleJob;
    expect(next).toMatchObject({ status: "succeeded", stopReason: "end", error: null, throttle: null });
    expect(next.result?.itemsRead).toBe(200);
  });

  it("stops a size audit with stopReason throttled; a new audit afterwards succeeds", async () => {
    const params = { mode: "full", rcuBudget: 10_000, rcuPerSecond: 10_000, segments: 2 };
    const job = await finishedJob(await startAudit(AUDITED, params));
    expect(job).toMatchObject({ status: "succeeded", stopReason: "throttled", error: null });
    expect(job.throttle?.reason).toBe("TableReadProvisionedThroughputExceeded");
    expect(job.result?.complete).toBe(false);

    await raiseCapacity(AUDITED);
    const next = await finishedJob(await startAudit(AUDITED, params));
    expect(next).toMatchObject({ status: "succeeded", stopReason: "end", error: null, throttle: null });
    expect(next.result?.itemsRead).toBe(200);
  });

  it("leaves no job running and no timer behind", async () => {
    expect(jobRegistry().runningCount).toBe(0);
    await expectNoLeakedTimers(timersBefore);
  });
});
