// Fault: DynamoDB Local dies (SIGKILL) while a size audit reads it. The job must end "failed" with a clear message
// (no stack), the registry must not be stuck (a new job runs once DynamoDB Local is back), and the other routes must
// keep answering with the error envelope. This file starts its own DynamoDB Local, so killing it disturbs no other file.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as tablesRoute from "@/app/api/tables/route";
import { jobRegistry } from "@/lib/server/jobs/job-registry";
import { startDynamoDbLocal, type RunningDynamoDbLocal } from "../../local/dynamodb-local/start-dynamodb-local";
import { localDynamoDb } from "../../local/local-clients";
import { finishedJob, getJob, startAudit } from "../support/audit-fixtures";
import { putAll } from "../support/items-fixtures";
import { activeTimers, expectNoLeakedTimers } from "../support/leak-check";
import { callRoute, createTables } from "../support/local-tables";
import { sizedItem } from "../support/sized-items";

const TABLE = "it-faults-down-Big";
let dynamodb: RunningDynamoDbLocal;
let timersBefore = 0;

/** Creates the table and fills it with `count` items of 4 KB (0.5 RCU each for an eventually consistent Scan). */
async function seed(endpoint: string, count: number): Promise<void> {
  const client = localDynamoDb(endpoint);
  try {
    await createTables(client, [
      {
        TableName: TABLE,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }],
      },
    ]);
    await putAll(client, TABLE, Array.from({ length: count }, (_, i) => sizedItem({ pk: { S: `k${i}` } }, 4_000)));
  } finally {
    client.destroy();
  }
}

/** Resolves once the process is gone: signal 0 checks existence without sending anything. */
async function waitForExit(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(50);
  }
}

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({ heapMb: 512 });
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("DYNAMODB_ENDPOINT", dynamodb.endpoint);
  vi.stubEnv("TABLES", "it-faults-down-*");
  await seed(dynamodb.endpoint, 3_000);
  timersBefore = activeTimers();
});

afterAll(async () => {
  await dynamodb.stop();
});

describe("DynamoDB Local killed mid-job", () => {
  it("fails the running audit with a clear message, keeps the other routes answering, and frees the registry", async () => {
    // ~1,500 RCU at 100 RCU/s: about 15 seconds of reading, so the kill lands mid-scan.
    const id = await startAudit(TABLE, { mode: "full", rcuBudget: 100_000, rcuPerSecond: 100, segments: 2 });
    await vi.waitFor(
      async () => {
        const { body } = await getJob(id);
        expect((body as { job: { progress: { itemsRead: number } } }).job.progress.itemsRead).toBeGreaterThan(0);
      },
      { timeout: 10_000, interval: 50 },
    );

    const { pid } = dynamodb;
    if (pid === undefined) throw new Error("DynamoDB Local has no pid");
    process.kill(pid, "SIGKILL");
    await waitForExit(pid);
    // Unregisters its exit hook; the process is already gone.
    await dynamodb.stop();

    const job = await finishedJob(id);
    expect(job.status).toBe("failed");
    expect(job.stopReason).toBe("failed");
    expect(job.error).toEqual({ code: "UPSTREAM", message: expect.stringMatching(/^Could not reach AWS \((ECONNRESET|ECONNREFUSED|EPIPE)\)\.$/) });
    expect(job.progress.itemsRead).toBeGreaterThan(0);
    expect(job.progress.itemsRead).toBeLessThan(3_000);
    expect(jobRegistry().runningCount).toBe(0);

    // The server stays up: other routes answer with the envelope instead of crashing.
    const tables = await callRoute(tablesRoute.GET, "/api/tables", {});
    expect(tables).toMatchObject({ status: 502, body: { error: { code: "UPSTREAM", message: expect.stringMatching(/^Could not reach AWS/) } } });
    expect((await getJob(id)).status).toBe(200);

    // Back on the same port (the dashboard's endpoint setting does not change): a new audit starts and succeeds.
    dynamodb = await startDynamoDbLocal({ port: dynamodb.port, heapMb: 512 });
    await seed(dynamodb.endpoint, 50);
    const again = await finishedJob(await startAudit(TABLE, { mode: "full", rcuBudget: 1_000, rcuPerSecond: 1_000, segments: 2 }));
    expect(again).toMatchObject({ status: "succeeded", stopReason: "end", error: null });
    expect(again.result?.itemsRead).toBe(50);
  });

  it("leaves no job running and no timer behind", async () => {
    expect(jobRegistry().runningCount).toBe(0);
    await expectNoLeakedTimers(timersBefore);
  });
});
