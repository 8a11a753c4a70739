// The metrics API against the run's local CloudWatch, on known inputs written with PutMetricData.
// Every test that reads the shared local CloudWatch's /_local/stats lives in this one file, so no other file's
// GetMetricData calls can land between a reset and a count (files run in parallel; tests in a file do not).
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as diagnosisOverviewRoute from "@/app/api/diagnosis/overview/route";
import * as overviewRoute from "@/app/api/metrics/overview/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as metricsRoute from "@/app/api/tables/[table]/metrics/route";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { diagnosisSeriesDefinitions } from "@/lib/diagnosis/diagnosis-series";
import { queryKey } from "@/lib/metrics/metric-series";
import type { MetricSeries, MetricsResponse, OverviewMetricsResponse } from "@/lib/metrics/metrics-response";
import { overviewMetrics } from "@/lib/server/metrics/overview-metrics";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { getMetricDataCalls, metricsFixtureClient, putKnownData, resetLocalStats, type KnownDatum } from "../support/metrics-fixtures";
import { warmCosts } from "../support/cost-warmup";

const ORDERS = "it-metrics-Orders";
const EVENTS = "it-metrics-Events";
const SWARM = "it-metrics-Swarm";
const [OV_HOT, OV_THROTTLED, OV_IDLE] = ["it-metrics-ovHot", "it-metrics-ovThrottled", "it-metrics-ovIdle"];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Two whole hours back: inside PutMetricData's two-week window, and settled (not "live").
const H = Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR;
const at = (minute: number) => H + minute * MINUTE + 10_000;

const fixtures = fixtureClient();
const metrics = metricsFixtureClient();

const known: KnownDatum[] = [
  // Table Orders, table level.
  { metric: "ConsumedReadCapacityUnits", table: ORDERS, atMs: at(1), values: [400, 200] },
  { metric: "ConsumedReadCapacityUnits", table: ORDERS, atMs: at(2), values: [0] },
  { metric: "ConsumedWriteCapacityUnits", table: ORDERS, atMs: at(1), values: [1_500] },
  { metric: "ProvisionedReadCapacityUnits", table: ORDERS, atMs: at(0), values: [100, 200] },
  { metric: "ProvisionedReadCapacityUnits", table: ORDERS, atMs: at(5), values: [100] },
  { metric: "ReadKeyRangeThroughputThrottleEvents", table: ORDERS, atMs: at(4), values: [3, 4] },
  // GSI ByStatus only.
  { metric: "ConsumedReadCapacityUnits", table: ORDERS, index: "ByStatus", atMs: at(1), values: [120] },
  { metric: "WriteKeyRangeThroughputThrottleEvents", table: ORDERS, index: "ByStatus", atMs: at(6), values: [9] },
  // Per operation.
  { metric: "SuccessfulRequestLatency", table: ORDERS, operation: "Scan", atMs: at(2), values: [10, 20, 30] },
  { metric: "ThrottledRequests", table: ORDERS, operation: "PutItem", atMs: at(4), values: [5] },
  { metric: "ReturnedItemCount", table: ORDERS, operation: "Query", atMs: at(2), values: [42] },
  { metric: "SystemErrors", table: ORDERS, operation: "GetItem", atMs: at(7), values: [1] },
  // Table Events, on demand with a maximum.
  { metric: "ConsumedWriteCapacityUnits", table: EVENTS, atMs: at(0), values: [1_200] },
  { metric: "OnDemandMaxWriteRequestUnits", table: EVENTS, atMs: at(0), values: [200] },
];

// The overview reads the last hour, so its inputs sit ten minutes back from now.
const M = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
const overviewKnown: KnownDatum[] = [
  // 40 WCU/s against 50 provisioned (published five minutes earlier): 80%. 10 RCU/s against 100: 10%.
  { metric: "ConsumedWriteCapacityUnits", table: OV_HOT, atMs: M, values: [2_400] },
  { metric: "ProvisionedWriteCapacityUnits", table: OV_HOT, atMs: M - 5 * MINUTE, values: [50] },
  { metric: "ConsumedReadCapacityUnits", table: OV_HOT, atMs: M, values: [600] },
  { metric: "ProvisionedReadCapacityUnits", table: OV_HOT, atMs: M, values: [100] },
  { metric: "ConsumedReadCapacityUnits", table: OV_THROTTLED, atMs: M, values: [60] },
  { metric: "ProvisionedReadCapacityUnits", table: OV_THROTTLED, atMs: M, values: [10] },
  { metric: "WriteKeyRangeThroughputThrottleEvents", table: OV_THROTTLED, atMs: M, values: [12] },
  { metric: "WriteThrottleEvents", table: OV_THROTTLED, atMs: M, values: [12] },
  { metric: "ReadProvisionedThroughputThrottleEvents", table: OV_THROTTLED, atMs: M + MINUTE, values: [3] },
  { metric: "ReadThrottleEvents", table: OV_THROTTLED, atMs: M + MINUTE, values: [3] },
];

beforeAll(async () => {
  await createTables(fixtures, [
    {
      TableName: ORDERS,
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 50 },
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        { AttributeName: "status", AttributeType: "S" },
        { AttributeName: "email", AttributeType: "S" },
        { AttributeName: "total", AttributeType: "N" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        { IndexName: "ByStatus", KeySchema: [{ AttributeName: "status", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" }, ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 } },
        { IndexName: "ByEmail", KeySchema: [{ AttributeName: "email", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" }, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } },
      ],
      LocalSecondaryIndexes: [
        { IndexName: "ByTotal", KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }, { AttributeName: "total", KeyType: "RANGE" }], Projection: { ProjectionType: "KEYS_ONLY" } },
      ],
    },
    {
      TableName: EVENTS,
      BillingMode: "PAY_PER_REQUEST",
      OnDemandThroughput: { MaxReadRequestUnits: 400, MaxWriteRequestUnits: 200 },
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    },
    ...[SWARM, OV_HOT, OV_THROTTLED, OV_IDLE].map((TableName) => ({
      TableName,
      BillingMode: "PAY_PER_REQUEST" as const,
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }],
    })),
  ]);
  await putKnownData(metrics, [...known, ...overviewKnown]);
});

afterAll(() => {
  fixtures.destroy();
  metrics.destroy();
});

async function getMetrics(table: string, query: string): Promise<{ status: number; body: unknown }> {
  return callRoute(metricsRoute.GET, `/api/tables/${table}/metrics?${query}`, { table });
}

async function window(table: string, query = `start=${H}&end=${H + HOUR}`): Promise<MetricsResponse> {
  const { status, body } = await getMetrics(table, query);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as MetricsResponse;
}

function find(response: MetricsResponse, match: { metric: string; stat?: string; unit?: string; index?: string | null; operation?: string | null }): MetricSeries {
  const found = response.series.filter(
    (series) =>
      series.metric === match.metric &&
      (match.stat === undefined || series.stat === match.stat) &&
      (match.unit === undefined || series.unit === match.unit) &&
      series.scope.index === (match.index ?? null) &&
      series.scope.operation === (match.operation ?? null),
  );
  expect(found, JSON.stringify(match)).toHaveLength(1);
  return found[0] as MetricSeries;
}

/** The non-null points of a series as { minute: value }. */
function points(series: MetricSeries): Record<number, number> {
  return Object.fromEntries(series.values.flatMap((value, index) => (value === null ? [] : [[index, value]])));
}

describe("GET /api/tables/:table/metrics on known inputs", () => {
  it("lays every series on one aligned, ascending grid", async () => {
    const response = await window(ORDERS);
    expect(response).toMatchObject({ table: ORDERS, range: "custom", start: H, end: H + HOUR, period: 60, partialFrom: null, cache: "miss" });
    expect(response.timestamps).toEqual(Array.from({ length: 60 }, (_, index) => H + index * MINUTE));
    // 16 series for the table and each of 2 GSIs, 7 for each of 13 operations.
    expect(response.series).toHaveLength(16 * 3 + 7 * 13);
    for (const series of response.series) expect(series.values).toHaveLength(60);
  });

  it("turns a Sum per period into units per second, keeps a published 0 and leaves gaps null", async () => {
    const read = find(await window(ORDERS), { metric: "ConsumedReadCapacityUnits" });
    expect(read).toMatchObject({ stat: "Sum", unit: "RCU/s", period: 60 });
    // 400 + 200 in one minute is a Sum of 600: 10 RCU/s. Minute 2 published 0; minute 3 published nothing.
    expect(points(read)).toEqual({ 1: 10, 2: 0 });
    expect(read.values[3]).toBeNull();
    expect(points(find(await window(ORDERS), { metric: "ConsumedWriteCapacityUnits" }))).toEqual({ 1: 25 });
  });

  it("reads provisioned capacity as the Average", async () => {
    const provisioned = find(await window(ORDERS), { metric: "ProvisionedReadCapacityUnits" });
    expect(provisioned).toMatchObject({ stat: "Average", unit: "RCU/s" });
    expect(points(provisioned)).toEqual({ 0: 150, 5: 100 });
  });

  it("counts throttle events per period, not per second, and says so", async () => {
    const keyRange = find(await window(ORDERS), { metric: "ReadKeyRangeThroughputThrottleEvents" });
    expect(keyRange).toMatchObject({ stat: "Sum", unit: "events", period: 60 });
    expect(keyRange.label).toContain("per 1 min");
    expect(points(keyRange)).toEqual({ 4: 7 });
    // Nothing throttled on writes: CloudWatch has no datapoints, and the API says "no data", not 0.
    expect(find(await window(ORDERS), { metric: "WriteProvisionedThroughputThrottleEvents" }).values.every((value) => value === null)).toBe(true);
  });

  it("keeps GSI series and table series apart", async () => {
    const response = await window(ORDERS);
    expect(points(find(response, { metric: "ConsumedReadCapacityUnits", index: "ByStatus" }))).toEqual({ 1: 2 });
    expect(points(find(response, { metric: "ConsumedReadCapacityUnits" }))).toEqual({ 1: 10, 2: 0 });
    expect(points(find(response, { metric: "WriteKeyRangeThroughputThrottleEvents", index: "ByStatus" }))).toEqual({ 6: 9 });
    expect(points(find(response, { metric: "WriteKeyRangeThroughputThrottleEvents" }))).toEqual({});
    expect(points(find(response, { metric: "ReadKeyRangeThroughputThrottleEvents", index: "ByStatus" }))).toEqual({});
    expect(response.series.filter((series) => series.scope.index === "ByEmail").every((series) => series.values.every((value) => value === null))).toBe(true);
  });

  it("reads requests, latency, returned items and errors by operation", async () => {
    const response = await window(ORDERS);
    expect(points(find(response, { metric: "SuccessfulRequestLatency", stat: "SampleCount", unit: "requests", operation: "Scan" }))).toEqual({ 2: 3 });
    expect(points(find(response, { metric: "SuccessfulRequestLatency", stat: "SampleCount", unit: "requests/s", operation: "Scan" }))).toEqual({ 2: 3 / 60 });
    expect(points(find(response, { metric: "SuccessfulRequestLatency", stat: "Average", operation: "Scan" }))).toEqual({ 2: 20 });
    const p99 = find(response, { metric: "SuccessfulRequestLatency", stat: "p99", operation: "Scan" }).values[2];
    expect(p99).toBeGreaterThan(20);
    expect(p99).toBeLessThanOrEqual(30);
    expect(points(find(response, { metric: "SuccessfulRequestLatency", stat: "SampleCount", unit: "requests", operation: "Query" }))).toEqual({});
    expect(points(find(response, { metric: "ThrottledRequests", operation: "PutItem" }))).toEqual({ 4: 5 });
    expect(points(find(response, { metric: "ReturnedItemCount", operation: "Query" }))).toEqual({ 2: 42 });
    expect(points(find(response, { metric: "SystemErrors", operation: "GetItem" }))).toEqual({ 7: 1 });
  });

  it("labels on-demand consumption in request units and reads the on-demand maximum", async () => {
    const response = await window(EVENTS);
    expect(find(response, { metric: "ConsumedWriteCapacityUnits" })).toMatchObject({ unit: "WRU/s", values: expect.arrayContaining([20]) });
    expect(points(find(response, { metric: "OnDemandMaxWriteRequestUnits" }))).toEqual({ 0: 200 });
    expect(find(response, { metric: "OnDemandMaxWriteRequestUnits" }).stat).toBe("Maximum");
  });

  it("restricts GSI series to the requested index", async () => {
    const response = await window(ORDERS, `start=${H}&end=${H + HOUR}&index=ByStatus`);
    expect(new Set(response.series.map((series) => series.scope.index))).toEqual(new Set([null, "ByStatus"]));
    expect(response.series).toHaveLength(16 * 2 + 7 * 13);
  });

  it.each([
    ["15m", 60],
    ["1h", 60],
    ["3h", 60],
    ["12h", 60],
    ["1d", 60],
    ["3d", 300],
    ["1w", 600],
    ["2w", 900],
  ])("chooses the period for range=%s (%i s)", async (range, period) => {
    const response = await window(ORDERS, `range=${range}`);
    expect(response).toMatchObject({ range, period });
    expect(response.timestamps).toHaveLength((response.end - response.start) / (period * 1000));
    expect(response.timestamps.length).toBeLessThanOrEqual(1_500);
    expect(response.start % (period * 1000)).toBe(0);
    expect(response.partialFrom).not.toBeNull();
    // The known inputs two hours back land on the coarser grids too: the Sum of 600 at minute 1.
    if (range !== "15m" && range !== "1h") {
      const read = find(response, { metric: "ConsumedReadCapacityUnits" });
      const slot = Math.floor((H + MINUTE - response.start) / (period * 1000));
      expect(read.values[slot]).toBeCloseTo(600 / period);
    }
  });
});

describe("GET /api/tables/:table/metrics errors", () => {
  it.each([
    ["a bad range", "range=5m", /range must be one of 15m, 1h/],
    ["start after end", `start=${H + HOUR}&end=${H}`, /start must be before end/],
    ["a window beyond retention", `start=${Date.now() - 500 * 86_400_000}&end=${Date.now() - 499 * 86_400_000}`, /455-day retention/],
    ["an end in the future", `start=${H}&end=${Date.now() + 2 * HOUR}`, /future/],
    ["an unreadable start", "start=yesterday", /start must be epoch milliseconds or an ISO 8601 time/],
    ["an unknown index", "index=NoSuchIndex", /no global secondary index "NoSuchIndex"/],
    ["an LSI", "index=ByTotal", /local secondary index/],
  ])("answers 400 for %s", async (_name, query, message) => {
    const { status, body } = await getMetrics(ORDERS, query);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringMatching(message) } });
  });

  it("answers 404 for an unknown table", async () => {
    const { status, body } = await getMetrics("it-metrics-Nope", "range=1h");
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });
});

describe("coalescing and caching", () => {
  afterAll(() => {
    vi.useRealTimers();
  });

  it("answers 20 concurrent viewers with one GetMetricData round, and a later viewer from the cache", async () => {
    // Only Date is frozen (not timers or I/O), so all 20 requests resolve the same aligned "last hour".
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.floor(Date.now() / MINUTE) * MINUTE + 20_000);
    await resetLocalStats();

    const responses = await Promise.all(Array.from({ length: 20 }, () => getMetrics(SWARM, "range=1h")));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(await getMetricDataCalls()).toBe(1);
    const bodies = responses.map((response) => response.body as MetricsResponse);
    const outcomes = bodies.map((body) => body.cache);
    expect(outcomes.filter((outcome) => outcome === "miss")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "coalesced")).toHaveLength(19);
    const [first] = bodies;
    for (const body of bodies) expect({ ...body, cache: null }).toEqual({ ...first, cache: null });

    vi.setSystemTime(Date.now() + 30_000);
    const later = await getMetrics(SWARM, "range=1h");
    expect((later.body as MetricsResponse).cache).toBe("hit");
    expect((later.body as MetricsResponse).fetchedAt).toBe(first?.fetchedAt);
    expect(await getMetricDataCalls()).toBe(1);
  });
});

describe("tables overview metrics", () => {
  it("summarizes several tables from one batched GetMetricData call, trouble first", async () => {
    await resetLocalStats();
    const overview = await overviewMetrics(LOCAL_SCOPE, [OV_IDLE, OV_HOT, OV_THROTTLED], Date.now());
    expect(await getMetricDataCalls()).toBe(1);
    expect(overview.period).toBe(60);
    expect(overview.order).toEqual([OV_THROTTLED, OV_HOT, OV_IDLE]);

    const hot = overview.tables[OV_HOT];
    expect(hot?.peakWriteUtilization).toBeCloseTo(0.8);
    expect(hot?.peakReadUtilization).toBeCloseTo(0.1);
    expect(hot?.throttles).toEqual({ keyRange: null, provisioned: null, accountLimit: null, maxOnDemand: null, total: null });
    expect(hot?.trouble.severity).toBe("warning");
    const minute = overview.timestamps.indexOf(M);
    expect(minute).toBeGreaterThanOrEqual(0);
    // (600 RCU + 2,400 WCU) over 60 s.
    expect(hot?.sparkline[minute]).toBe(50);
    expect(hot?.sparkline[minute + 1]).toBeNull();

    const throttled = overview.tables[OV_THROTTLED];
    expect(throttled?.throttles).toEqual({ keyRange: 12, provisioned: 3, accountLimit: null, maxOnDemand: null, total: 15 });
    expect(throttled?.trouble).toMatchObject({ severity: "critical", reason: expect.stringContaining("15 throttle events") });
    expect(throttled?.peakReadUtilization).toBeCloseTo(0.1);
    expect(throttled?.peakWriteUtilization).toBeNull();

    const idle = overview.tables[OV_IDLE];
    expect(idle).toMatchObject({ peakReadUtilization: null, peakWriteUtilization: null, trouble: { severity: "idle" } });
    expect(idle?.sparkline.every((value) => value === null)).toBe(true);
  });

  it("splits more than 500 queries across calls and still answers every table", async () => {
    // The overview batches every series the diagnosis reads: 26 table-level queries per table (these have no GSIs),
    // so 41 tables are 1,066 queries, three calls.
    const perTable = new Set(diagnosisSeriesDefinitions({ table: OV_HOT, gsis: [], onDemand: true, periodSeconds: 60 }).map(queryKey)).size;
    expect(perTable).toBe(26);
    const names = Array.from({ length: 40 }, (_, index) => `it-metrics-many-${String(index).padStart(2, "0")}`);
    await resetLocalStats();
    const overview = await overviewMetrics(LOCAL_SCOPE, [...names, OV_HOT], Date.now());
    expect(await getMetricDataCalls()).toBe(Math.ceil((41 * perTable) / 500));
    expect(Object.keys(overview.tables).sort()).toEqual([...names, OV_HOT].sort());
    expect(overview.order[0]).toBe(OV_HOT);
    expect(overview.tables[OV_HOT]?.peakWriteUtilization).toBeCloseTo(0.8);
  });

  it("serves GET /api/metrics/overview for the exposed tables", async () => {
    const { status, body } = await callRoute(overviewRoute.GET, "/api/metrics/overview", {});
    expect(status).toBe(200);
    const overview = body as OverviewMetricsResponse;
    expect(overview.tables[OV_THROTTLED]?.trouble.severity).toBe("critical");
    expect(overview.tables[OV_HOT]?.trouble.severity).toBe("warning");
    expect(overview.tables[OV_IDLE]?.trouble.severity).toBe("idle");
    const ours = overview.order.filter((name) => [OV_HOT, OV_THROTTLED, OV_IDLE].includes(name));
    expect(ours).toEqual([OV_THROTTLED, OV_HOT, OV_IDLE]);
    expect(Object.keys(overview.tables)).toContain(ORDERS);
    expect(overview.timestamps).toHaveLength((overview.end - overview.start) / 60_000);
  });

  it("shares that batch with GET /api/diagnosis/overview, whose lines agree with each table's own diagnosis", async () => {
    // A minute on, so the batch is not already cached; only Date is frozen, so both routes resolve one "last hour".
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + MINUTE);
    try {
      await warmCosts();
      await resetLocalStats();
      expect((await callRoute(overviewRoute.GET, "/api/metrics/overview", {})).status).toBe(200);
      const batchCalls = await getMetricDataCalls();
      expect(batchCalls).toBeGreaterThan(0);
      const { status, body } = await callRoute(diagnosisOverviewRoute.GET, "/api/diagnosis/overview", {});
      expect(status, JSON.stringify(body)).toBe(200);
      // Nothing more for the window; one round for each baseline (the same hour yesterday and last week).
      expect(await getMetricDataCalls()).toBe(batchCalls + 2);
      const overview = body as DiagnosisOverviewResponse;
      for (const table of [OV_THROTTLED, OV_HOT, OV_IDLE, ORDERS]) {
        const page = (await callRoute(diagnosisRoute.GET, `/api/tables/${table}/diagnosis?range=1h`, { table })).body as DiagnosisResponse;
        const worst = worstVerdict(page.verdicts);
        expect(overview.tables[table], table).toMatchObject({ kind: worst?.kind, severity: worst?.severity, title: worst?.title, check: "full", inputs: page.inputs });
      }
      expect(overview.tables[OV_THROTTLED]?.severity).toBe("critical");
      expect(overview.tables[OV_HOT]?.severity).toBe("warning");
    } finally {
      vi.useRealTimers();
    }
  });
});
