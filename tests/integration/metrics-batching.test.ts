// The GetMetricData batching and paging, against a local CloudWatch of this file's own, so its /_local/stats
// count only these calls.
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import { createCloudWatchClient } from "@/lib/server/aws/clients";
import { fetchMetricData, MAX_QUERIES_PER_CALL, type MetricQuery } from "@/lib/server/metrics/get-metric-data";
import { getMetricDataCalls, metricsFixtureClient, putKnownData, resetLocalStats, type KnownDatum } from "../support/metrics-fixtures";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const H = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
const range = { startMs: H, endMs: H + HOUR };

let cloudwatch: RunningLocalCloudWatch;
let fixtures: CloudWatchClient;
/** The product's guarded client, on this file's local CloudWatch. */
let guarded: CloudWatchClient;

const query = (table: string, metric = "ConsumedWriteCapacityUnits"): MetricQuery => ({
  key: `${table}/${metric}`,
  metric,
  stat: "Sum",
  dimensions: [{ name: "TableName", value: table }],
  periodSeconds: 60,
});

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch();
  fixtures = metricsFixtureClient(cloudwatch.endpoint);
  guarded = createCloudWatchClient({ endpoint: cloudwatch.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const data: KnownDatum[] = [
    { metric: "ConsumedWriteCapacityUnits", table: "batch-000", atMs: H + 5 * MINUTE, values: [60] },
    { metric: "ConsumedWriteCapacityUnits", table: "batch-619", atMs: H + 7 * MINUTE, values: [120] },
    // Ten points each for three series, to page through.
    ...["page-a", "page-b", "page-c"].flatMap((table, series) =>
      Array.from({ length: 10 }, (_, minute): KnownDatum => ({ metric: "ConsumedWriteCapacityUnits", table, atMs: H + minute * MINUTE, values: [series * 100 + minute] })),
    ),
  ];
  await putKnownData(fixtures, data);
});

afterAll(async () => {
  fixtures.destroy();
  guarded.destroy();
  await cloudwatch.stop();
});

describe("fetchMetricData", () => {
  it("splits more than 500 queries into as few calls as allowed and returns every series", async () => {
    const queries = Array.from({ length: 620 }, (_, index) => query(`batch-${String(index).padStart(3, "0")}`));
    await resetLocalStats(cloudwatch.endpoint);
    const { points, calls } = await fetchMetricData(LOCAL_SCOPE, queries, range, { client: guarded });
    expect(calls).toBe(Math.ceil(620 / MAX_QUERIES_PER_CALL));
    expect(await getMetricDataCalls(cloudwatch.endpoint)).toBe(2);
    expect(points.size).toBe(620);
    // One query from each batch had data; the rest are present and empty (no data, not zeros).
    expect(points.get("batch-000/ConsumedWriteCapacityUnits")).toEqual({ timestamps: [H + 5 * MINUTE], values: [60] });
    expect(points.get("batch-619/ConsumedWriteCapacityUnits")).toEqual({ timestamps: [H + 7 * MINUTE], values: [120] });
    expect(points.get("batch-300/ConsumedWriteCapacityUnits")).toEqual({ timestamps: [], values: [] });
  });

  it("follows NextToken and merges each query's pages in time order", async () => {
    const queries = ["page-a", "page-b", "page-c"].map((table) => query(table));
    await resetLocalStats(cloudwatch.endpoint);
    // 30 datapoints, 4 per page: 8 pages.
    const { points, calls } = await fetchMetricData(LOCAL_SCOPE, queries, range, { client: guarded, maxDatapoints: 4 });
    expect(calls).toBe(8);
    expect(await getMetricDataCalls(cloudwatch.endpoint)).toBe(8);
    ["page-a", "page-b", "page-c"].forEach((table, series) => {
      expect(points.get(`${table}/ConsumedWriteCapacityUnits`)).toEqual({
        timestamps: Array.from({ length: 10 }, (_, minute) => H + minute * MINUTE),
        values: Array.from({ length: 10 }, (_, minute) => series * 100 + minute),
      });
    });
  });

  it("makes no call for no queries", async () => {
    await resetLocalStats(cloudwatch.endpoint);
    expect((await fetchMetricData(LOCAL_SCOPE, [], range, { client: guarded })).calls).toBe(0);
    expect(await getMetricDataCalls(cloudwatch.endpoint)).toBe(0);
  });

  it("names CloudWatch's own error when it refuses a request", async () => {
    const bad = { ...query("batch-000"), periodSeconds: 45 };
    await expect(fetchMetricData(LOCAL_SCOPE, [bad], range, { client: guarded })).rejects.toMatchObject({
      code: "UPSTREAM",
      status: 502,
      message: expect.stringMatching(/^CloudWatch failed: ValidationException: /),
    });
  });
});
