// Baselines against a local CloudWatch of this file's own (so its /_local/stats count only these calls): known
// windows and their pasts written with PutMetricData, compare=1w on the metrics API, the unusual-traffic verdict and
// the "also last week" note through the table diagnosis, and the overview reaching the same verdicts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import * as diagnosisOverviewRoute from "@/app/api/diagnosis/overview/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as metricsRoute from "@/app/api/tables/[table]/metrics/route";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { baselineBlock, shiftWindow } from "@/lib/metrics/baseline-window";
import type { MetricSeries, MetricsResponse } from "@/lib/metrics/metrics-response";
import { resolveMetricWindow } from "@/lib/metrics/metric-window";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { getMetricDataCalls, metricsFixtureClient, putKnownData, resetLocalStats, type KnownDatum } from "../support/metrics-fixtures";

const [BUSY, STEADY, THROTTLED] = ["it-baseline-Busy", "it-baseline-Steady", "it-baseline-Throttled"];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/**
 * The frozen "now" of the live tests: its last hour starts on a 16-minute boundary (the step of a live hour's baseline
 * block, and a week is a whole number of them), so a minute later the baseline still comes from the same block.
 */
const BLOCK = 16 * MINUTE;
const S = Math.floor((Date.now() - HOUR - 20 * MINUTE) / BLOCK) * BLOCK;
const NOW = S + HOUR + 20_000;
/** A fixed, settled window for the aligned values: a whole hour at least two hours before the live ones, so no overlap. */
const H = Math.floor((S - 2 * HOUR) / HOUR) * HOUR;

let cloudwatch: RunningLocalCloudWatch;
let metrics: CloudWatchClient;

/** Per minute of a window starting at `base`: a Sum per minute of `perSecond` × 60 for `minutes`. */
function perMinute(table: string, metric: string, base: number, minutes: readonly number[], sumPerMinute: number): KnownDatum[] {
  return minutes.map((minute) => ({ metric, table, atMs: base + minute * MINUTE + 10_000, values: [sumPerMinute] }));
}
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** Busy: writes at 30 WCU/s against 10 yesterday and 12 last week; reads 10 RCU/s throughout. */
function busy(base: number): KnownDatum[] {
  const minutes = span(0, 50);
  return [
    ...perMinute(BUSY, "ConsumedWriteCapacityUnits", base, minutes, 1_800),
    ...perMinute(BUSY, "ConsumedWriteCapacityUnits", base - DAY, minutes, 600),
    ...perMinute(BUSY, "ConsumedWriteCapacityUnits", base - WEEK, minutes, 720),
    ...[0, DAY, WEEK].flatMap((offset) => perMinute(BUSY, "ConsumedReadCapacityUnits", base - offset, minutes, 600)),
  ];
}

/** Steady: 10 WCU/s now, yesterday and last week, but for a step at minute 7 that tells the baselines apart. */
function steady(base: number): KnownDatum[] {
  return [
    ...perMinute(STEADY, "ConsumedWriteCapacityUnits", base, span(0, 50), 600),
    ...perMinute(STEADY, "ConsumedWriteCapacityUnits", base - DAY, span(0, 50), 540),
    ...perMinute(STEADY, "ConsumedWriteCapacityUnits", base - WEEK, span(0, 50), 660),
    ...perMinute(STEADY, "ConsumedWriteCapacityUnits", base - WEEK, [7], 777),
  ];
}

/** Throttled: at its 5 WCU/s with write throttles at minutes 10–19, and last week at 12–15; none yesterday. */
function throttled(base: number): KnownDatum[] {
  return [
    ...[0, DAY, WEEK].flatMap((offset) => perMinute(THROTTLED, "ConsumedWriteCapacityUnits", base - offset, span(0, 50), 300)),
    ...["WriteThrottleEvents", "WriteProvisionedThroughputThrottleEvents"].flatMap((metric) => perMinute(THROTTLED, metric, base, span(10, 20), 40)),
    ...perMinute(THROTTLED, "WriteThrottleEvents", base - WEEK, span(12, 16), 30),
  ];
}

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch();
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("CLOUDWATCH_ENDPOINT", cloudwatch.endpoint);
  vi.stubEnv("TABLES", "it-baseline-*");
  const fixtures = fixtureClient();
  const provisioned = (TableName: string, write: number) => ({
    TableName,
    BillingMode: "PROVISIONED" as const,
    ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: write },
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" as const }],
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" as const }],
  });
  await createTables(fixtures, [provisioned(BUSY, 100), provisioned(STEADY, 100), provisioned(THROTTLED, 5)]);
  fixtures.destroy();
  metrics = metricsFixtureClient(cloudwatch.endpoint);
  await putKnownData(metrics, [H, S].flatMap((base) => [...busy(base), ...steady(base), ...throttled(base)]));
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  metrics.destroy();
  await cloudwatch.stop();
});

async function getMetrics(table: string, query: string): Promise<{ status: number; body: unknown }> {
  return callRoute(metricsRoute.GET, `/api/tables/${table}/metrics?${query}`, { table });
}

function series(list: readonly MetricSeries[], metric: string): MetricSeries {
  const found = list.find((entry) => entry.metric === metric && entry.scope.index === null && entry.scope.operation === null && entry.stat === "Sum");
  if (!found) throw new Error(`no ${metric}`);
  return found;
}

describe("GET /api/tables/:table/metrics?compare=", () => {
  it("adds the same window a week earlier, its values on the live timestamps", async () => {
    const { status, body } = await getMetrics(STEADY, `start=${H}&end=${H + HOUR}&compare=1w`);
    expect(status, JSON.stringify(body)).toBe(200);
    const response = body as MetricsResponse;
    expect(response.baseline).toMatchObject({ offset: "1w", offsetMs: WEEK, start: H - WEEK, end: H + HOUR - WEEK, cache: "miss" });
    const baseline = response.baseline?.series ?? [];
    expect(baseline.map((entry) => entry.id)).toEqual(response.series.map((entry) => entry.id));
    for (const entry of baseline) expect(entry.values).toHaveLength(response.timestamps.length);
    // Last week's 11 WCU/s sit at the live minutes 0–49, its step (777 = 12.95/s) at live minute 7, nothing after.
    const past = series(baseline, "ConsumedWriteCapacityUnits").values;
    expect(past.slice(0, 7)).toEqual(Array(7).fill(11));
    expect(past[7]).toBeCloseTo((660 + 777) / 60);
    expect(past.slice(50)).toEqual(Array(10).fill(null));
    expect(series(response.series, "ConsumedWriteCapacityUnits").values.slice(0, 3)).toEqual([10, 10, 10]);
    // A day earlier is a different past: 9 WCU/s.
    const day = (await getMetrics(STEADY, `start=${H}&end=${H + HOUR}&compare=1d`)).body as MetricsResponse;
    expect(series(day.baseline?.series ?? [], "ConsumedWriteCapacityUnits").values.slice(0, 8)).toEqual(Array(8).fill(9));
    expect(day.baseline).toMatchObject({ offset: "1d", start: H - DAY });
  });

  it("has no baseline without compare, and answers 400 for a compare it does not know", async () => {
    expect(((await getMetrics(STEADY, `start=${H}&end=${H + HOUR}`)).body as MetricsResponse).baseline).toBeNull();
    const bad = await getMetrics(STEADY, `start=${H}&end=${H + HOUR}&compare=2w`);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST", message: expect.stringMatching(/compare must be one of 1d, 1w/) } } });
  });

  it("costs 50 concurrent viewers one extra GetMetricData, and a minute later none: the past block is reused", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    try {
      await resetLocalStats(cloudwatch.endpoint);
      const viewers = await Promise.all(Array.from({ length: 50 }, () => getMetrics(BUSY, "range=1h&compare=1w")));
      expect(viewers.map((viewer) => viewer.status)).toEqual(Array(50).fill(200));
      // One round for the live window, ONE for its baseline.
      expect(await getMetricDataCalls(cloudwatch.endpoint)).toBe(2);
      const bodies = viewers.map((viewer) => viewer.body as MetricsResponse);
      expect(bodies.filter((body) => body.baseline?.cache === "miss")).toHaveLength(1);
      expect(bodies.filter((body) => body.baseline?.cache === "coalesced")).toHaveLength(49);
      const [first] = bodies;
      expect(first?.start).toBe(S);
      expect(series(first?.baseline?.series ?? [], "ConsumedWriteCapacityUnits").values.slice(0, 50)).toEqual(Array(50).fill(12));

      // A minute on, the live window moves (one more round) but its baseline is in the same cached block.
      vi.setSystemTime(NOW + MINUTE);
      const window = resolveMetricWindow({ range: "1h" }, NOW + MINUTE);
      if (!window.ok) throw new Error(window.message);
      expect(baselineBlock(shiftWindow(window.window, WEEK)).startMs).toBe(S - WEEK);
      const later = await Promise.all(Array.from({ length: 50 }, () => getMetrics(BUSY, "range=1h&compare=1w")));
      expect(await getMetricDataCalls(cloudwatch.endpoint)).toBe(3);
      const moved = later.map((viewer) => viewer.body as MetricsResponse);
      expect(moved.every((body) => body.baseline?.cache === "hit" && body.start === S + MINUTE)).toBe(true);
      // Shifted a minute with the live window: last week's minute 1 is now at index 0.
      expect(series(moved[0]?.baseline?.series ?? [], "ConsumedWriteCapacityUnits").values.slice(0, 49)).toEqual(Array(49).fill(12));
      expect(series(moved[0]?.baseline?.series ?? [], "ConsumedWriteCapacityUnits").values[49]).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the baselines in the diagnosis", () => {
  async function diagnosis(table: string, query = `start=${H}&end=${H + HOUR}`): Promise<DiagnosisResponse> {
    const { status, body } = await callRoute(diagnosisRoute.GET, `/api/tables/${table}/diagnosis?${query}`, { table });
    expect(status, JSON.stringify(body)).toBe(200);
    return body as DiagnosisResponse;
  }

  it("calls traffic unusual when it departs from both the same hour yesterday and last week", async () => {
    const busyPage = await diagnosis(BUSY);
    expect(busyPage.inputs.baselines).toEqual({ ok: true });
    const unusual = busyPage.verdicts.find((verdict) => verdict.kind === "unusual-traffic");
    // 30 WCU/s is 3.0× yesterday's 10 and 2.5× last week's 12.
    expect(unusual).toMatchObject({ severity: "info", title: "Traffic is 2.5× the usual for this hour (writes, against the same hour yesterday and last week)." });
    expect(unusual?.evidence.map((entry) => entry.label)).toContain(
      `The same hour last week (${new Date(H - WEEK).toISOString().slice(0, 10)}, between ${new Date(H).toISOString().slice(11, 16)} and ${new Date(H + HOUR).toISOString().slice(11, 16)} UTC): 12 WCU/s on average, at most 12 WCU/s; now 2.5×`,
    );
    // Steady traffic (0.9× and 1.1×) is not unusual.
    expect((await diagnosis(STEADY)).verdicts.map((verdict) => verdict.kind)).not.toContain("unusual-traffic");
  });

  it("notes on the throttling verdict that the same throttling happened at this hour last week", async () => {
    const page = await diagnosis(THROTTLED);
    const writes = page.verdicts.find((verdict) => verdict.kind === "under-provisioned-writes");
    const at = (minute: number) => new Date(H - WEEK + minute * MINUTE).toISOString().slice(11, 16);
    expect(writes?.evidence).toContainEqual(
      expect.objectContaining({ label: `Throttling also happened the same hour last week: 120 WriteThrottleEvents between ${at(12)} and ${at(16)} UTC on ${new Date(H - WEEK).toISOString().slice(0, 10)}` }),
    );
    expect(page.verdicts.map((verdict) => verdict.kind)).not.toContain("unusual-traffic");
  });

  it("reaches the same verdicts in the overview, which reads both baselines for all tables in one round each", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW + 2 * MINUTE);
    try {
      await resetLocalStats(cloudwatch.endpoint);
      const { status, body } = await callRoute(diagnosisOverviewRoute.GET, "/api/diagnosis/overview", {});
      expect(status, JSON.stringify(body)).toBe(200);
      // The live batch of every table's diagnosis series, and one round per baseline.
      expect(await getMetricDataCalls(cloudwatch.endpoint)).toBe(3);
      const overview = body as DiagnosisOverviewResponse;
      expect(overview.tables[BUSY]).toMatchObject({ kind: "unusual-traffic", check: "full", inputs: { baselines: { ok: true } } });
      for (const table of [BUSY, STEADY, THROTTLED]) {
        const page = await diagnosis(table, "range=1h");
        const worst = worstVerdict(page.verdicts);
        expect(overview.tables[table], table).toMatchObject({ kind: worst?.kind, severity: worst?.severity, title: worst?.title, check: "full", notChecked: [], inputs: page.inputs });
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
