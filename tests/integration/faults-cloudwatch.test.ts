// Fault: the local CloudWatch stops while the dashboard runs. The metrics panels must show the failure (a 502 whose
// envelope names it), while everything that reads DynamoDB (items, one item, the table's size, a size audit) keeps
// working. This file starts its own local CloudWatch, so stopping it does not disturb the other test files.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as overviewMetricsRoute from "@/app/api/metrics/overview/route";
import * as tableRoute from "@/app/api/tables/[table]/route";
import * as metricsRoute from "@/app/api/tables/[table]/metrics/route";
import type { TableResponse } from "@/lib/tables/table-detail";
import { jobRegistry } from "@/lib/server/jobs/job-registry";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { finishedJob, startAudit } from "../support/audit-fixtures";
import { getRoute, putAll } from "../support/items-fixtures";
import { activeTimers, expectNoLeakedTimers } from "../support/leak-check";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { sizedItem } from "../support/sized-items";

const TABLE = "it-faults-cw-Orders";
let cloudwatch: RunningLocalCloudWatch;
let timersBefore = 0;

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch();
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("CLOUDWATCH_ENDPOINT", cloudwatch.endpoint);
  vi.stubEnv("TABLES", "it-faults-cw-*");
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }, { AttributeName: "sk", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "sk", KeyType: "RANGE" }],
    },
  ]);
  await putAll(fixtures, TABLE, Array.from({ length: 30 }, (_, i) => sizedItem({ pk: { S: `c${i % 3}` }, sk: { S: `o${String(i).padStart(3, "0")}` } }, 1_000 + i)));
  fixtures.destroy();
  timersBefore = activeTimers();
});

afterAll(async () => {
  // Idempotent: stop() returns the same promise when the test already stopped it.
  await cloudwatch.stop();
});

describe("with the local CloudWatch stopped", () => {
  it("metrics answer 502 naming the failure, while items, item, size and a size audit still work", async () => {
    const metricsUrl = (range: string) => `/api/tables/${TABLE}/metrics?range=${range}`;
    // Up: the panel answers.
    expect((await callRoute(metricsRoute.GET, metricsUrl("1h"), { table: TABLE })).status).toBe(200);

    await cloudwatch.stop();

    // Another range, so the answer cannot come from the metrics cache.
    const metrics = await callRoute(metricsRoute.GET, metricsUrl("3h"), { table: TABLE });
    expect(metrics.status).toBe(502);
    expect(metrics.body).toEqual({ error: { code: "UPSTREAM", message: expect.stringMatching(/^CloudWatch failed: ECONNREFUSED: /) } });
    const overview = await callRoute(overviewMetricsRoute.GET, "/api/metrics/overview", {});
    expect(overview).toMatchObject({ status: 502, body: { error: { code: "UPSTREAM", message: expect.stringMatching(/^CloudWatch failed: ECONNREFUSED/) } } });

    const items = await getRoute("items", TABLE, { pk: "c1", limit: "100" });
    expect(items.status).toBe(200);
    expect((items.body as { items: unknown[] }).items).toHaveLength(10);
    const item = await getRoute("item", TABLE, { key: JSON.stringify({ pk: { S: "c0" }, sk: { S: "o000" } }) });
    expect(item.status).toBe(200);
    const table = await callRoute(tableRoute.GET, `/api/tables/${TABLE}`, { table: TABLE });
    expect(table.status).toBe(200);
    expect((table.body as TableResponse).table.sizeBytes).toBeGreaterThan(30_000);

    const id = await startAudit(TABLE, { mode: "full", rcuBudget: 1_000, rcuPerSecond: 1_000, segments: 2 });
    const job = await finishedJob(id);
    expect(job).toMatchObject({ status: "succeeded", stopReason: "end", error: null });
    expect(job.result?.itemsRead).toBe(30);
  });

  it("leaves no job running and no timer behind", async () => {
    expect(jobRegistry().runningCount).toBe(0);
    await expectNoLeakedTimers(timersBefore);
  });
});
