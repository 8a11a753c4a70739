import { GetMetricDataCommand, PutMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { DEMO_ACCOUNT } from "../../local/fleet/demo-fleet";
import { publishDemoBaselines } from "../../local/stack/demo-baselines";
import { checkDemoLongHistory } from "../../local/stack/demo-long-history-signals";
import { fleetCloudWatch } from "../../local/fleet/fleet-clients";
import { LOCAL_REGION } from "../../local/local-clients";
import { demoHomeModels } from "../../local/stack/demo-long-history-fixtures";
import { DEMO_LONG_HISTORY_MS, demoLongHistory } from "../../local/stack/demo-long-history";
import { storeMetricsSink } from "../../local/stack/stack-long-history";
import type { LongHistory, LongSeries } from "../../local/workload/long-history";
import { publishedConsumed, publishLongHistory } from "../../local/workload/long-history-samples";

// The demo's long tail as start-up publishes it (straight into the home region's store), read back through the real
// CloudWatch SDK: 14 days at one minute, several metrics in one GetMetricData, paged with NextToken past the
// 100,800-datapoint limit, each minute's Sum equal to what the generator drew.
const MINUTE = 60_000;
const HISTORY_END = Math.floor(Date.now() / MINUTE) * MINUTE - 7_000;
const HISTORY_START = HISTORY_END - 3 * 3_600_000;

let local: RunningLocalCloudWatch;
let cloudwatch: CloudWatchClient;
let history: LongHistory;

beforeAll(async () => {
  local = await startLocalCloudWatch();
  cloudwatch = fleetCloudWatch(local.endpoint, DEMO_ACCOUNT, LOCAL_REGION);
  history = demoLongHistory({ tables: demoHomeModels(), historyStartMs: HISTORY_START, historyEndMs: HISTORY_END, role: "home", withBaselines: true });
  await publishLongHistory(history, storeMetricsSink(local.storesFor(DEMO_ACCOUNT.credentials.accessKeyId, LOCAL_REGION).metrics));
});

afterAll(async () => {
  cloudwatch?.destroy();
  await local?.stop();
});

function seriesOf(key: string, kind: "read" | "write"): LongSeries {
  const entry = history.series.get(key);
  if (!entry) throw new Error(`no ${key}`);
  return entry[kind];
}

type Wanted = { id: string; metric: string; dimensions: Record<string, string>; expected: Map<number, number> };

/** Minute → Sum the generator published (minutes it published nothing for are absent, as in CloudWatch). */
function expectedSums(perMinute: ArrayLike<number>, published: (minute: number) => boolean): Map<number, number> {
  const sums = new Map<number, number>();
  for (let minute = 0; minute < history.minutes; minute++) if (published(minute)) sums.set(history.plan.startMs + minute * MINUTE, perMinute[minute] ?? 0);
  return sums;
}

function consumed(id: string, key: string, kind: "read" | "write", dimensions: Record<string, string>): Wanted {
  const sums = publishedConsumed(history, seriesOf(key, kind));
  return { id, metric: kind === "read" ? "ConsumedReadCapacityUnits" : "ConsumedWriteCapacityUnits", dimensions, expected: expectedSums(sums, (minute) => (sums[minute] ?? 0) > 0) };
}

function provisioned(id: string, key: string, dimensions: Record<string, string>): Wanted {
  const capacity = seriesOf(key, "write").capacity ?? new Float64Array();
  return { id, metric: "ProvisionedWriteCapacityUnits", dimensions, expected: expectedSums(capacity, (minute) => history.publishesCapacity[minute] === 1) };
}

describe("the demo's long history through GetMetricData", () => {
  it("holds 14 days of one-minute Sums, paged with NextToken, equal to what was generated", async () => {
    const wanted = [
      consumed("shopReads", "Shop", "read", { TableName: "Shop" }),
      consumed("shopWrites", "Shop", "write", { TableName: "Shop" }),
      consumed("gsi1Writes", "Shop/GSI1", "write", { TableName: "Shop", GlobalSecondaryIndexName: "GSI1" }),
      consumed("sessionsWrites", "Sessions", "write", { TableName: "Sessions" }),
      consumed("eventsReads", "Events", "read", { TableName: "Events" }),
      provisioned("sessionsCapacity", "Sessions", { TableName: "Sessions" }),
      provisioned("gsi1Capacity", "Shop/GSI1", { TableName: "Shop", GlobalSecondaryIndexName: "GSI1" }),
    ];
    const queries: MetricDataQuery[] = wanted.map(({ id, metric, dimensions }) => ({
      Id: id,
      MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: metric, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) }, Period: 60, Stat: "Sum" },
    }));
    const startMs = history.plan.startMs;
    const received = new Map(wanted.map(({ id }) => [id, new Map<number, number>()]));
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await cloudwatch.send(new GetMetricDataCommand({ StartTime: new Date(startMs), EndTime: new Date(startMs + DEMO_LONG_HISTORY_MS), MetricDataQueries: queries, ScanBy: "TimestampAscending", NextToken: token }));
      pages++;
      for (const result of page.MetricDataResults ?? []) {
        const target = received.get(result.Id ?? "");
        if (!target) throw new Error(`unexpected result ${result.Id}`);
        (result.Timestamps ?? []).forEach((timestamp, index) => target.set(timestamp.getTime(), result.Values?.[index] ?? Number.NaN));
      }
      token = page.NextToken;
    } while (token);
    expect(pages).toBeGreaterThan(1);
    for (const { id, expected } of wanted) {
      const inWindow = new Map([...expected].filter(([at]) => at < startMs + DEMO_LONG_HISTORY_MS));
      expect(inWindow.size, id).toBeGreaterThan(19_000);
      const got = received.get(id) ?? new Map<number, number>();
      expect([...got.keys()], id).toEqual([...inWindow.keys()]);
      for (const [at, sum] of inWindow) expect(got.get(at), `${id} at ${new Date(at).toISOString()}`).toBeCloseTo(sum, 6);
    }
  });

  it("could not have come through PutMetricData: its first minutes are more than two weeks old, which CloudWatch refuses", async () => {
    const oldest = new Date(history.plan.startMs);
    await expect(cloudwatch.send(new PutMetricDataCommand({ Namespace: "AWS/DynamoDB", MetricData: [{ MetricName: "ConsumedReadCapacityUnits", Timestamp: oldest, Value: 1, Dimensions: [{ Name: "TableName", Value: "Shop" }] }] }))).rejects.toThrow(/no more than two weeks in the past/);
  });
});

describe("the demo's self-check", () => {
  it("finds every hour from 13 days to a day ago filled once the baselines are published too, and misses them without", async () => {
    const other = await startLocalCloudWatch();
    try {
      const sink = storeMetricsSink(other.storesFor(DEMO_ACCOUNT.credentials.accessKeyId, LOCAL_REGION).metrics);
      await publishLongHistory(history, sink);
      // The week-ago baseline window is inside the checked days: without it, its hours are missing.
      expect((await checkDemoLongHistory(other.endpoint, HISTORY_END)).map((check) => check.ok)).toEqual([false, false, false]);
      await publishDemoBaselines({ tables: demoHomeModels(), historyStartMs: HISTORY_START, historyMs: HISTORY_END - HISTORY_START, sink, log: () => undefined });
      const checks = await checkDemoLongHistory(other.endpoint, HISTORY_END);
      expect(checks).toHaveLength(3);
      for (const check of checks) expect(check, check.detail).toMatchObject({ ok: true });
    } finally {
      await other.stop();
    }
  });
});
