import { describe, expect, it } from "vitest";
import { DEMO_BASELINES } from "../stack/demo-baselines";
import { DEMO_DEPLOY } from "../stack/demo-deploy";
import { demoHomeModels, SummingSink } from "../stack/demo-long-history-fixtures";
import { demoLongHistory, sessionsRaisedAt } from "../stack/demo-long-history";
import { DEMO_SCALING } from "../stack/demo-scaling";
import { simulateAutoScaling } from "../../lib/cost/capacity-simulation";
import { demoRhythm } from "./demo-rhythm";
import { generateLongHistory, resourceKey, type LongHistory, type LongHistoryPlan, type LongSeries } from "./long-history";
import { longHistorySamples, publishedConsumed, publishLongHistory } from "./long-history-samples";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 10, 2);

function seriesOf(history: LongHistory, key: string, kind: "read" | "write"): LongSeries {
  const entry = history.series.get(key);
  if (!entry) throw new Error(`no ${key}`);
  return entry[kind];
}
const total = (values: ArrayLike<number>) => Array.from(values).reduce((sum, value) => sum + value, 0);

/** One table written `perSecond` times a second, provisioned at `wcu` (null: on-demand with no maximum). */
function onePlan(perSecond: number, wcu: number | null, overrides: Partial<LongHistoryPlan> = {}): LongHistoryPlan {
  return {
    startMs: START,
    endMs: START + 60 * MINUTE,
    resources: [{ table: "T", index: null, provisioned: wcu === null ? null : { read: { kind: "fixed", units: 1 }, write: { kind: "fixed", units: wcu } }, onDemandMax: null }],
    streams: [{ operation: "PutItem", accesses: [{ table: "T", index: null, kind: "write", units: 1 }], perSecond: () => perSecond }],
    covered: [],
    seed: 5,
    ...overrides,
  };
}

describe("the long history's minutes", () => {
  it("draws each minute around its mean rate", () => {
    const history = generateLongHistory(onePlan(10, null, { endMs: START + 24 * HOUR }));
    const writes = seriesOf(history, "T", "write");
    // 600 a minute on average: 1,440 minutes add up to within a few standard deviations of 864,000.
    expect(Math.abs(total(writes.consumed) - 864_000)).toBeLessThan(5 * Math.sqrt(864_000));
    expect(Math.min(...writes.consumed)).toBeGreaterThan(450);
    expect(total(writes.throttled)).toBe(0);
  });

  it("spends the saved burst, then admits the capacity a minute and throttles the rest, published as DynamoDB does", async () => {
    const history = generateLongHistory(onePlan(20, 2));
    const writes = seriesOf(history, "T", "write");
    // About 1,200 writes a minute. Minute 0: 2 × 60 units plus 300 s of saved capacity (600); later minutes: 120.
    expect(writes.consumed[0]).toBe(720);
    expect(Array.from(writes.consumed.slice(1))).toEqual(new Array(59).fill(120));
    for (let minute = 0; minute < 60; minute++) expect((writes.consumed[minute] ?? 0) + (writes.throttled[minute] ?? 0)).toBe(writes.demand[minute]);
    const sink = new SummingSink();
    await publishLongHistory(history, sink);
    const sums = (metric: string, dimensions: Record<string, string>) => sink.series(metric, dimensions, START, 60).map((entry) => entry?.sum ?? 0);
    expect(sums("WriteThrottleEvents", { TableName: "T" })).toEqual(Array.from(writes.throttled));
    expect(sums("WriteProvisionedThroughputThrottleEvents", { TableName: "T" })).toEqual(Array.from(writes.throttled));
    expect(sums("ThrottledRequests", { TableName: "T", Operation: "PutItem" })).toEqual(Array.from(writes.throttled));
    expect(sums("ProvisionedWriteCapacityUnits", { TableName: "T" })).toEqual(new Array(60).fill(2));
  });

  it("turns a write away when a GSI it writes to has no capacity left (back-pressure)", () => {
    const plan = onePlan(10, 100, {
      resources: [
        { table: "T", index: null, provisioned: { read: { kind: "fixed", units: 1 }, write: { kind: "fixed", units: 100 } }, onDemandMax: null },
        { table: "T", index: "G", provisioned: { read: { kind: "fixed", units: 1 }, write: { kind: "fixed", units: 1 } }, onDemandMax: null },
      ],
      streams: [{ operation: "PutItem", accesses: [{ table: "T", index: null, kind: "write", units: 1 }, { table: "T", index: "G", kind: "write", units: 1 }], perSecond: () => 10 }],
    });
    const history = generateLongHistory(plan);
    // Every admitted write wrote both; G's 1 WCU (and its 300 s of burst) is all that was admitted.
    expect(Array.from(seriesOf(history, "T", "write").consumed)).toEqual(Array.from(seriesOf(history, "T/G", "write").consumed));
    expect(total(seriesOf(history, "T/G", "write").consumed)).toBeLessThanOrEqual(60 * 60 + 300);
    expect(total(seriesOf(history, "T/G", "write").consumed)).toBeGreaterThan(60 * 60 + 300 - 60);
    expect(total(seriesOf(history, "T/G", "write").throttled)).toBeGreaterThan(0);
    expect(total(seriesOf(history, "T", "write").throttled)).toBe(0);
  });

  it("leaves out the time covered windows publish, to the millisecond, and their capacity minutes", () => {
    const covered = [{ startMs: START + 10 * MINUTE + 15_000, endMs: START + 20 * MINUTE + 45_000, capacityFromMs: START + 10 * MINUTE, capacityToMs: START + 20 * MINUTE }];
    const history = generateLongHistory(onePlan(10, 1_000, { covered }));
    expect(history.share[9]).toBe(1);
    expect(history.share[10]).toBe(0.25);
    expect(Array.from(history.share.slice(11, 20))).toEqual(new Array(9).fill(0));
    expect(history.share[20]).toBe(0.25);
    expect(Array.from(history.publishesCapacity.slice(8, 22))).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    const samples = longHistorySamples(history, 0, 60);
    const consumed = (minute: number) => samples.find((sample) => sample.metricName === "ConsumedWriteCapacityUnits" && sample.timestampMs === START + minute * MINUTE)?.statistics?.sum ?? 0;
    expect(consumed(15)).toBe(0);
    expect(consumed(10)).toBeCloseTo((seriesOf(history, "T", "write").consumed[10] ?? 0) * 0.25, 6);
    expect(consumed(10)).toBeCloseTo(publishedConsumed(history, seriesOf(history, "T", "write"))[10] ?? 0, 6);
  });
});

describe("the demo's long tail", () => {
  const historyStart = Date.UTC(2026, 10, 20, 14, 23, 17);
  const history = demoLongHistory({ tables: demoHomeModels(), historyStartMs: historyStart, historyEndMs: historyStart + 3 * HOUR, role: "home", withBaselines: true });
  const minuteOf = (atMs: number) => Math.floor((atMs - history.plan.startMs) / MINUTE);

  it("covers the 14 days before the history at one minute, leaving the baseline windows to the baselines", () => {
    expect(historyStart - history.plan.startMs).toBeGreaterThanOrEqual(14 * DAY);
    expect(history.minutes).toBe(Math.ceil((historyStart - history.plan.startMs) / MINUTE));
    for (const baseline of DEMO_BASELINES) {
      const from = minuteOf(historyStart - baseline.offsetMs);
      expect(Array.from(history.share.slice(from + 1, from + 180))).toEqual(new Array(179).fill(0));
      expect(history.share[from - 1]).toBe(1);
    }
  });

  it("has the daily and weekly rhythm: Tuesday afternoons busiest, nights quietest, weekends in between", () => {
    const reads = publishedConsumed(history, seriesOf(history, "Shop", "read"));
    const hourTotal = (atMs: number) => total(reads.slice(minuteOf(atMs), minuteOf(atMs) + 60));
    const tuesday = Date.UTC(2026, 10, 17);
    const sunday = Date.UTC(2026, 10, 15);
    expect(new Date(tuesday).getUTCDay()).toBe(2);
    expect(demoRhythm(tuesday + 15 * HOUR)).toBeCloseTo(1.6, 5);
    expect(hourTotal(tuesday + 15 * HOUR)).toBeGreaterThan(1.4 * hourTotal(tuesday + 3 * HOUR));
    expect(hourTotal(tuesday + 15 * HOUR)).toBeGreaterThan(1.2 * hourTotal(sunday + 15 * HOUR));
    expect(hourTotal(sunday + 15 * HOUR)).toBeGreaterThan(1.05 * hourTotal(sunday + 3 * HOUR));
  });

  it("gives Sessions 5 WCU until it was raised to 20, and GSI1 auto scaling between its bounds", () => {
    const sessions = seriesOf(history, "Sessions", "write").capacity ?? new Float64Array();
    const raised = minuteOf(sessionsRaisedAt(historyStart));
    expect(raised).toBeGreaterThan(minuteOf(historyStart - 7 * DAY));
    expect(raised).toBeLessThan(minuteOf(historyStart - DAY));
    expect(new Set(sessions.slice(0, raised))).toEqual(new Set([DEMO_DEPLOY.toWcu]));
    expect(new Set(sessions.slice(raised))).toEqual(new Set([DEMO_DEPLOY.fromWcu]));
    // GSI1: the shared target-tracking model on its demand. Its order spikes (6 WCU/s in one minute of every four)
    // never leave 15 minutes below 50% of 10, so it scales out to its maximum and stays there, as the baselines say.
    const gsi1 = seriesOf(history, resourceKey("Shop", "GSI1"), "write");
    const simulated = simulateAutoScaling({ startMs: history.plan.startMs, readUnits: new Array<number>(history.minutes).fill(0), writeUnits: Array.from(gsi1.demand) }, { write: { min: DEMO_SCALING.min, max: DEMO_SCALING.max } });
    // The last hour sits at the minimum, where the history starts GSI1 (lowerGsi1ToMinimum).
    const lowered = minuteOf(historyStart - 60 * 60_000);
    expect(Array.from(gsi1.capacity ?? []).slice(0, lowered)).toEqual(simulated.write.capacity.slice(0, lowered));
    expect(gsi1.capacity?.[lowered - 1]).toBe(DEMO_SCALING.max);
    expect(new Set(Array.from(gsi1.capacity ?? []).slice(lowered))).toEqual(new Set([DEMO_SCALING.min]));
  });
});
