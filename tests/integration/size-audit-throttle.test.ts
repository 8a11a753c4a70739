import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import type { SizeAuditJob } from "@/lib/jobs/job-types";
import { createDynamoDbClient } from "@/lib/server/aws/clients";
import { budgetedScan } from "@/lib/server/jobs/budgeted-scan";
import { JobRegistry } from "@/lib/server/jobs/job-registry";
import { startSizeAudit } from "@/lib/server/jobs/size-audit";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { putAll } from "../support/items-fixtures";
import { createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { sizedItem } from "../support/sized-items";

// DynamoDB Local never throttles; the metering proxy enforces provisioned capacity the way DynamoDB does.
// One table per test: a throttled table's capacity stays used up for a while.
const TABLE = "it-audit-Throttled";
const AUDITED = "it-audit-Throttled-2";
const ARN = `arn:aws:dynamodb:ddblocal:000000000000:table/${TABLE}`;
const provisioned = (TableName: string) => ({
  TableName,
  BillingMode: "PROVISIONED" as const,
  ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }],
  KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }],
});
let stack: MeteringStack;
let client: ReturnType<typeof createDynamoDbClient>;

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [provisioned(TABLE), provisioned(AUDITED)]);
  // Seeded directly, not through the proxy, so the writes are not throttled.
  for (const table of [TABLE, AUDITED]) await putAll(fixtures, table, Array.from({ length: 200 }, (_, i) => sizedItem({ pk: { S: `k${i}` } }, 3_000)));
  fixtures.destroy();
  stack = await startMeteringStack({ enforcer: { burstSeconds: 0 } });
  // The product's guarded client, with the jobs client's settings (one attempt), pointed at the proxy.
  client = createDynamoDbClient({ endpoint: stack.proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await stack.stop();
});

describe("budgeted scan against a throttling table", () => {
  it("stops at the first throttle, with DynamoDB's reason, instead of throwing or retrying", async () => {
    const seen: number[] = [];
    const scan = await budgetedScan({
      scope: LOCAL_SCOPE,
      table: TABLE,
      segments: 2,
      rcuBudget: 10_000,
      rcuPerSecond: 10_000,
      signal: new AbortController().signal,
      client,
      onPage: (items) => seen.push(items.length),
    });
    expect(scan.stopReason).toBe("throttled");
    expect(scan.throttle).toEqual({ reason: "TableReadProvisionedThroughputExceeded", resource: ARN, message: expect.any(String) });
    expect(scan.itemsRead).toBe(seen.reduce((sum, count) => sum + count, 0));
    expect(scan.itemsRead).toBeLessThan(200);
  });

  it("ends a size audit as stopped by the throttle, with a partial result", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const params = { kind: "size-audit", mode: "full", rcuBudget: 10_000, rcuPerSecond: 10_000, segments: 1, thresholdBytes: 358_400 } as const;
    const started = await startSizeAudit(LOCAL_SCOPE, AUDITED, params, { client, registry });
    const job = (await registry.whenFinished(LOCAL_SCOPE, started.id)) as SizeAuditJob;
    expect(job).toMatchObject({ status: "succeeded", stopReason: "throttled", error: null });
    expect(job.throttle?.reason).toBe("TableReadProvisionedThroughputExceeded");
    expect(job.throttle?.resource).toBe(`${ARN}-2`);
    expect(job.result?.complete).toBe(false);
    expect(job.result?.itemsRead).toBeGreaterThan(0);
    expect(job.result?.itemsRead).toBeLessThan(200);
    expect(job.result?.findings.at(-1)?.text).toMatch(/because DynamoDB throttled it/);
  });
});
