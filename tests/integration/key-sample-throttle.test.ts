import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import type { KeySampleJob } from "@/lib/jobs/job-types";
import { createDynamoDbClient } from "@/lib/server/aws/clients";
import { JobRegistry } from "@/lib/server/jobs/job-registry";
import { startKeySample } from "@/lib/server/jobs/key-sample";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { sizedItem } from "../support/sized-items";

// DynamoDB Local never throttles; the metering proxy enforces provisioned capacity the way DynamoDB does.
const TABLE = "it-keys-Throttled";
const ARN = `arn:aws:dynamodb:ddblocal:000000000000:table/${TABLE}`;
let stack: MeteringStack;
let client: ReturnType<typeof createDynamoDbClient>;

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "N" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    },
  ]);
  // Seeded directly, not through the proxy, so the writes are not throttled.
  await putAll(fixtures, TABLE, Array.from({ length: 200 }, (_, i) => sizedItem({ pk: { S: `k${i % 20}` }, sk: { N: String(i) } }, 3_000)));
  fixtures.destroy();
  stack = await startMeteringStack({ enforcer: { burstSeconds: 0 } });
  // The product's guarded client, with the jobs client's settings (one attempt), pointed at the proxy.
  client = createDynamoDbClient({ endpoint: stack.proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await stack.stop();
});

describe("key sample against a throttling table", () => {
  it("stops at the first throttle and reports DynamoDB's reason with a partial, labelled result", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    // A rate far above the table's 1 RCU, so the proxy throttles; the default (10% of 1 RCU → 1 RCU/s) would not.
    const request = { kind: "key-sample", mode: "full", rcuBudget: 10_000, rcuPerSecond: 10_000, segments: 2 } as const;
    const started = await startKeySample(LOCAL_SCOPE, TABLE, request, { client, registry, checkRecentThrottling: async () => ({ checked: true, events: 0 }) });
    const job = (await registry.whenFinished(LOCAL_SCOPE, started.id)) as KeySampleJob;
    expect(job).toMatchObject({ status: "succeeded", stopReason: "throttled", error: null });
    expect(job.throttle).toEqual({ reason: "TableReadProvisionedThroughputExceeded", resource: ARN, message: expect.any(String) });
    const result = job.result;
    expect(result?.complete).toBe(false);
    expect(result?.itemsRead).toBeGreaterThan(0);
    expect(result?.itemsRead).toBeLessThan(200);
    expect(result?.sampleSize).toBe(result?.itemsRead);
    expect(result?.notes).toContain("The read stopped early because DynamoDB throttled it (it stops at the first throttle, so it never competes with the application).");
    // No retries: besides the pages read, the proxy saw at most one more request per segment (the throttled one, and
    // one that was in flight on the other segment).
    expect(stack.proxy.requestCounts().Scan).toBeLessThanOrEqual((result?.pagesRead ?? 0) + 2);
  });
});
