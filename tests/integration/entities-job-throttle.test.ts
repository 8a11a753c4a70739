import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import type { EntitiesJob } from "@/lib/entities/entities-job-types";
import { createDynamoDbClient } from "@/lib/server/aws/clients";
import { startEntities } from "@/lib/server/jobs/entities-job";
import { JobRegistry } from "@/lib/server/jobs/job-registry";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { sizedItem } from "../support/sized-items";

// DynamoDB Local never throttles; the metering proxy enforces provisioned capacity the way DynamoDB does.
const TABLE = "it-entities-Throttled";
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
      AttributeDefinitions: [{ AttributeName: "PK", AttributeType: "S" }, { AttributeName: "SK", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }, { AttributeName: "SK", KeyType: "RANGE" }],
    },
  ]);
  // Seeded directly, not through the proxy, so the writes are not throttled.
  const items = Array.from({ length: 200 }, (_, i) => sizedItem({ PK: { S: `CUSTOMER#C${i % 40}` }, SK: { S: i < 40 ? "PROFILE" : `ORDER#O${i}` } }, 3_000));
  await putAll(fixtures, TABLE, items);
  fixtures.destroy();
  stack = await startMeteringStack({ enforcer: { burstSeconds: 0 } });
  // The product's guarded client, with the jobs client's settings (one attempt), pointed at the proxy.
  client = createDynamoDbClient({ endpoint: stack.proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await stack.stop();
});

describe("entity job against a throttling table", () => {
  it("stops at the first throttle with DynamoDB's reason and keeps a partial model", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const started = await startEntities(LOCAL_SCOPE, TABLE, { kind: "entities", mode: "full", rcuBudget: 10_000, rcuPerSecond: 10_000, segments: 1 }, { client, registry });
    // A provisioned table: without a rate in the request the job would take 10% of its 1 RCU/s, at least 1.
    expect(started.params).toMatchObject({ rcuPerSecond: 10_000, rateSource: "request" });
    const job = (await registry.whenFinished(LOCAL_SCOPE, started.id)) as EntitiesJob;
    expect(job).toMatchObject({ status: "succeeded", stopReason: "throttled", error: null });
    expect(job.throttle).toEqual({ reason: "TableReadProvisionedThroughputExceeded", resource: ARN, message: expect.any(String) });
    expect(job.result?.complete).toBe(false);
    expect(job.result?.itemsRead).toBeGreaterThan(0);
    expect(job.result?.itemsRead).toBeLessThan(200);
    expect(job.result?.estimate.kind).not.toBe("exact");
  });

  it("defaults to 10% of a provisioned table's reads, at least 1 RCU/s", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const started = await startEntities(LOCAL_SCOPE, TABLE, { kind: "entities", mode: "full", rcuBudget: 1, segments: 1 }, { client, registry });
    expect(started.params).toMatchObject({ rcuPerSecond: 1, rateSource: "provisioned-share" });
    await registry.cancel(LOCAL_SCOPE, started.id);
  });
});
