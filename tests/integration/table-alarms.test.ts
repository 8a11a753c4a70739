// Alarms against the local CloudWatch, through the real SDK: which alarms belong to a table (its own, a GSI's, metric
// math, composites, auto scaling's), their states, ALARM spans and history after the local CloudWatch evaluated them
// minute by minute, the alarm-firing verdict and the incident window, the overview's agreement, and the call count
// under 50 viewers. This file starts its own local CloudWatch, so it can drive evaluation and count calls alone.
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { DescribeAlarmHistoryCommand, PutCompositeAlarmCommand, PutMetricAlarmCommand, type CloudWatchClient, type PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as overviewRoute from "@/app/api/diagnosis/overview/route";
import * as alarmsRoute from "@/app/api/tables/[table]/alarms/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import type { AlarmsResponse } from "@/lib/alarms/alarm-types";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import { tableAlarms } from "@/lib/server/alarms/table-alarms";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { localStats, putKnownData, resetLocalStats } from "../support/metrics-fixtures";

vi.stubEnv("TABLES", "it-alarms-*");

const MIN = 60_000;
const SESSIONS = "it-alarms-Sessions";
const SHOP = "it-alarms-Shop";
const UUID = "0f864fcd-f316-49a7-99e7-9e0fc21ebf92";
const AUTO_SCALING = `TargetTracking-table/${SESSIONS}-AlarmLow-${UUID}`;
/** Frozen "now" (Date only): the local CloudWatch runs in this process and so shares the clock. */
const NOW = Math.floor(Date.now() / MIN) * MIN + 30_000;
/** The simulated half hour starts 170 minutes ago, so it lies in a 3h window and the incident window is longer than an hour. */
const BASE = NOW - 170 * MIN - 30_000;
/** Write throttles on Sessions in these minutes after BASE; none in the others. */
const BURSTS = [
  [10, 15],
  [20, 30],
] as const;
const throttled = (minute: number) => BURSTS.some(([from, to]) => minute >= from && minute < to);

let cloudwatch: RunningLocalCloudWatch;
let client: CloudWatchClient;

const metricAlarm = (input: Partial<PutMetricAlarmCommandInput> & { AlarmName: string }): PutMetricAlarmCommandInput => ({
  Namespace: "AWS/DynamoDB",
  MetricName: "WriteThrottleEvents",
  Statistic: "Sum",
  Dimensions: [{ Name: "TableName", Value: SESSIONS }],
  Period: 60,
  EvaluationPeriods: 1,
  DatapointsToAlarm: 1,
  Threshold: 0,
  ComparisonOperator: "GreaterThanThreshold",
  TreatMissingData: "notBreaching",
  ...input,
});

function windowOf(request: { range?: "1h" | "3h"; startMs?: number; endMs?: number }, nowMs: number): MetricWindow {
  const resolved = resolveMetricWindow(request, nowMs);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.window;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  cloudwatch = await startLocalCloudWatch();
  // lib/env.ts reads the environment once per module graph, on first use; nothing has used it yet in this file.
  vi.stubEnv("CLOUDWATCH_ENDPOINT", cloudwatch.endpoint);
  client = localCloudWatchClient(cloudwatch.endpoint);
  const fixtures = fixtureClient();
  const keys = { AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" as const }, { AttributeName: "user", AttributeType: "S" as const }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" as const }] };
  await createTables(fixtures, [
    { TableName: SESSIONS, BillingMode: "PAY_PER_REQUEST", ...keys, GlobalSecondaryIndexes: [{ IndexName: "ByUser", KeySchema: [{ AttributeName: "user", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } }] },
    { TableName: SHOP, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
  ]);
  fixtures.destroy();

  const alarms: PutMetricAlarmCommandInput[] = [
    metricAlarm({ AlarmName: "Sessions write throttles", AlarmDescription: "Writes to Sessions are being turned away" }),
    metricAlarm({ AlarmName: "Sessions GSI reads", MetricName: "ConsumedReadCapacityUnits", Dimensions: [{ Name: "TableName", Value: SESSIONS }, { Name: "GlobalSecondaryIndexName", Value: "ByUser" }], Threshold: 1_000_000 }),
    metricAlarm({
      AlarmName: "Sessions write rate",
      Namespace: undefined,
      MetricName: undefined,
      Statistic: undefined,
      Dimensions: undefined,
      Period: undefined,
      Threshold: 1_000_000,
      Metrics: [
        { Id: "m1", ReturnData: false, MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ConsumedWriteCapacityUnits", Dimensions: [{ Name: "TableName", Value: SESSIONS }] }, Period: 60, Stat: "Sum" } },
        { Id: "e1", Expression: "m1/60", ReturnData: true, Label: "writes per second" },
      ],
    }),
    // Auto scaling's scale-in alarm: in ALARM whenever writes are low, which pages nobody.
    metricAlarm({ AlarmName: AUTO_SCALING, MetricName: "ConsumedWriteCapacityUnits", Threshold: 1_000_000, ComparisonOperator: "LessThanThreshold", TreatMissingData: "missing" }),
    metricAlarm({ AlarmName: "Shop write throttles", Dimensions: [{ Name: "TableName", Value: SHOP }] }),
    metricAlarm({ AlarmName: "Sessions lambda errors", Namespace: "AWS/Lambda", MetricName: "Errors" }),
  ];
  for (const alarm of alarms) await client.send(new PutMetricAlarmCommand(alarm));
  await client.send(new PutCompositeAlarmCommand({ AlarmName: "Sessions down", AlarmRule: 'ALARM("Sessions write throttles") OR ALARM("Sessions GSI reads")' }));
  await client.send(new PutCompositeAlarmCommand({ AlarmName: "Shop down", AlarmRule: 'ALARM("Shop write throttles")' }));

  const minutes = Array.from({ length: 30 }, (_, minute) => minute);
  await putKnownData(client, [
    ...minutes.map((minute) => ({ metric: "ConsumedWriteCapacityUnits", table: SESSIONS, atMs: BASE + minute * MIN, values: [300] })),
    // Zeros between the bursts: alarms on AWS/DynamoDB metrics keep their state while the metric has no data
    // (PutMetricAlarm, TreatMissingData), so only a datapoint under the threshold brings one back to OK.
    ...minutes.map((minute) => ({ metric: "WriteThrottleEvents", table: SESSIONS, atMs: BASE + minute * MIN, values: [throttled(minute) ? 40 : 0] })),
  ]);
  // CloudWatch evaluates every minute; so does the local one when asked, each time on the minute just finished.
  for (const minute of minutes) await cloudwatch.evaluateAlarms(BASE + (minute + 1) * MIN + 10_000);
}, 120_000);

afterAll(async () => {
  vi.useRealTimers();
  client?.destroy();
  await cloudwatch?.stop();
});

/** The state changes the local CloudWatch recorded for an alarm, read through the SDK (not through the product). */
async function recordedChanges(alarmName: string): Promise<Array<{ at: number; to: string }>> {
  const output = await client.send(new DescribeAlarmHistoryCommand({ AlarmName: alarmName, AlarmTypes: ["MetricAlarm", "CompositeAlarm"], HistoryItemType: "StateUpdate", ScanBy: "TimestampAscending", MaxRecords: 100 }));
  return (output.AlarmHistoryItems ?? []).map((item) => {
    const data = JSON.parse(item.HistoryData ?? "{}") as { newState?: { stateValue?: string } };
    return { at: item.Timestamp?.getTime() ?? 0, to: data.newState?.stateValue ?? "" };
  });
}

describe("GET /api/tables/:table/alarms on the local CloudWatch", () => {
  it("lists the table's, its GSI's, metric math, composite and auto scaling alarms, and none of another table or namespace", async () => {
    const { status, body } = await callRoute(alarmsRoute.GET, `/api/tables/${SESSIONS}/alarms?range=3h`, { table: SESSIONS });
    expect(status, JSON.stringify(body)).toBe(200);
    const response = body as AlarmsResponse;
    const byName = new Map(response.alarms.map((alarm) => [alarm.name, alarm]));
    expect([...byName.keys()].sort()).toEqual([AUTO_SCALING, "Sessions GSI reads", "Sessions down", "Sessions write rate", "Sessions write throttles"].sort());
    expect(byName.get("Sessions GSI reads")?.metric?.index).toBe("ByUser");
    expect(byName.get("Sessions write rate")).toMatchObject({ kind: "metric", metric: null, expression: "m1/60", periodSeconds: 60 });
    expect(byName.get("Sessions write rate")?.metrics.map((metric) => metric.metricName)).toEqual(["ConsumedWriteCapacityUnits"]);
    expect(byName.get("Sessions down")).toMatchObject({ kind: "composite", children: ["Sessions write throttles", "Sessions GSI reads"] });
    expect(byName.get(AUTO_SCALING)).toMatchObject({ managedByAutoScaling: true, state: "ALARM" });
    expect(byName.get("Sessions write throttles")).toMatchObject({ state: "ALARM", description: "Writes to Sessions are being turned away", threshold: 0, comparison: "GreaterThanThreshold", evaluationPeriods: 1, treatMissingData: "notBreaching" });
    // Firing first: the two paging alarms in ALARM are counted, auto scaling's is listed but not counted.
    expect(response.alarms.slice(0, 3).every((alarm) => alarm.state === "ALARM")).toBe(true);
    expect(response.inAlarm).toBe(2);
    expect(response.historyComplete).toBe(true);

    const shop = (await callRoute(alarmsRoute.GET, `/api/tables/${SHOP}/alarms?range=3h`, { table: SHOP })).body as AlarmsResponse;
    expect(shop.alarms.map((alarm) => alarm.name).sort()).toEqual(["Shop down", "Shop write throttles"]);
    expect(shop.inAlarm).toBe(0);
  });

  it("gives each ALARM span and state change as the local CloudWatch recorded them, the current span still open", async () => {
    const response = (await callRoute(alarmsRoute.GET, `/api/tables/${SESSIONS}/alarms?range=3h`, { table: SESSIONS })).body as AlarmsResponse;
    const alarm = response.alarms.find((entry) => entry.name === "Sessions write throttles");
    const recorded = await recordedChanges("Sessions write throttles");
    const intoAlarm = recorded.filter((change) => change.to === "ALARM").map((change) => change.at);
    const outOfAlarm = recorded.filter((change) => change.to !== "ALARM" && change.at > (intoAlarm[0] ?? Infinity)).map((change) => change.at);
    // Two bursts: ALARM twice, back to OK once in between.
    expect(intoAlarm).toHaveLength(2);
    expect(alarm?.alarmPeriods).toEqual([
      { start: intoAlarm[0], end: outOfAlarm[0] },
      { start: intoAlarm[1], end: null },
    ]);
    expect(alarm?.stateSince).toBe(intoAlarm[1]);
    // Each span follows its burst: it begins after the burst's first minute and the first one ends after the burst.
    expect(intoAlarm[0]).toBeGreaterThan(BASE + BURSTS[0][0] * MIN);
    expect(intoAlarm[0]).toBeLessThan(BASE + BURSTS[0][1] * MIN);
    expect(outOfAlarm[0]).toBeGreaterThanOrEqual(BASE + BURSTS[0][1] * MIN);
    expect(alarm?.history.filter((change) => change.to === "ALARM").map((change) => change.at)).toEqual(intoAlarm);
    expect(alarm?.history.every((change) => change.summary.length > 0)).toBe(true);
    // The composite's spans come from the same one history read (composites are asked for by AlarmTypes).
    const composite = response.alarms.find((entry) => entry.name === "Sessions down");
    const compositeInto = (await recordedChanges("Sessions down")).filter((change) => change.to === "ALARM").map((change) => change.at);
    expect(compositeInto).toHaveLength(2);
    expect(composite?.alarmPeriods.map((period) => period.start)).toEqual(compositeInto);
    expect(composite?.alarmPeriods[1]?.end).toBeNull();
  });

  it("clips spans to a window that starts inside one, and answers bad input with a 400 and a hidden table with a 404", async () => {
    const recorded = await recordedChanges("Sessions write throttles");
    const secondStart = recorded.filter((change) => change.to === "ALARM")[1]?.at ?? 0;
    const start = new Date(secondStart + 3 * MIN).toISOString();
    const response = (await callRoute(alarmsRoute.GET, `/api/tables/${SESSIONS}/alarms?start=${start}`, { table: SESSIONS })).body as AlarmsResponse;
    const alarm = response.alarms.find((entry) => entry.name === "Sessions write throttles");
    expect(alarm?.alarmPeriods).toEqual([{ start: response.window.start, end: null }]);
    expect(response.window.start).toBeGreaterThan(secondStart);

    expect((await callRoute(alarmsRoute.GET, `/api/tables/${SESSIONS}/alarms?range=9y`, { table: SESSIONS })).status).toBe(400);
    expect((await callRoute(alarmsRoute.GET, `/api/tables/${SESSIONS}/alarms?start=yesterday`, { table: SESSIONS })).status).toBe(400);
    expect((await callRoute(alarmsRoute.GET, "/api/tables/not-exposed/alarms", { table: "not-exposed" })).status).toBe(404);
  });
});

describe("the alarm in the diagnosis", () => {
  it("heads the page's verdicts, and a request without a window gets the incident window", async () => {
    const recorded = await recordedChanges("Sessions write throttles");
    const firedAt = recorded.filter((change) => change.to === "ALARM")[1]?.at ?? 0;
    const { status, body } = await callRoute(diagnosisRoute.GET, `/api/tables/${SESSIONS}/diagnosis`, { table: SESSIONS });
    expect(status, JSON.stringify(body)).toBe(200);
    const diagnosis = body as DiagnosisResponse;
    expect(diagnosis.windowSource).toEqual({ kind: "alarm", alarm: "Sessions write throttles" });
    // From EvaluationPeriods × Period (1 × 60 s) before it fired until now, aligned as every metrics window.
    const expected = windowOf({ startMs: firedAt - MIN, endMs: NOW }, NOW);
    expect(diagnosis.window).toEqual({ start: expected.startMs, end: expected.endMs });
    expect(diagnosis.window.start).toBeLessThan(NOW - 60 * MIN);
    // Both paging alarms fired in the same evaluation: their verdicts come first, the composite without a chart of its own.
    const since = new Date(firedAt).toISOString();
    const at = since.slice(0, 10) === new Date(NOW).toISOString().slice(0, 10) ? since.slice(11, 16) : `${since.slice(0, 10)} ${since.slice(11, 16)}`;
    expect(worstVerdict(diagnosis.verdicts)).toMatchObject({ kind: "alarm-firing", severity: "critical" });
    const firing = diagnosis.verdicts.slice(0, 2);
    expect(firing.map((verdict) => verdict.title).sort()).toEqual([`Alarm “Sessions down” is firing since ${at} UTC.`, `Alarm “Sessions write throttles” is firing since ${at} UTC.`]);
    expect(firing.find((verdict) => verdict.title.includes("write throttles"))?.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "table/WriteThrottleEvents/Sum" });
    expect(diagnosis.verdicts.filter((verdict) => verdict.kind === "alarm-firing")).toHaveLength(2);
    expect(diagnosis.inputs.alarms).toEqual({ ok: true, inAlarm: 2 });

    const named = (await callRoute(diagnosisRoute.GET, `/api/tables/${SESSIONS}/diagnosis?range=1h`, { table: SESSIONS })).body as DiagnosisResponse;
    expect(named.windowSource).toEqual({ kind: "request" });
    const shop = (await callRoute(diagnosisRoute.GET, `/api/tables/${SHOP}/diagnosis`, { table: SHOP })).body as DiagnosisResponse;
    expect(shop.windowSource).toEqual({ kind: "default" });
    expect(shop.verdicts.map((verdict) => verdict.kind)).not.toContain("alarm-firing");
  });

  it("gives the overview the page's worst verdict and the count in ALARM", async () => {
    const overview = (await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {})).body as DiagnosisOverviewResponse;
    for (const table of [SESSIONS, SHOP]) {
      const page = (await callRoute(diagnosisRoute.GET, `/api/tables/${table}/diagnosis?range=1h`, { table })).body as DiagnosisResponse;
      expect(page.window).toEqual(overview.window);
      const worst = worstVerdict(page.verdicts);
      expect(overview.tables[table], table).toMatchObject({ kind: worst?.kind, severity: worst?.severity, title: worst?.title, inputs: page.inputs });
    }
    expect(overview.tables[SESSIONS]).toMatchObject({ kind: "alarm-firing", alarmsInAlarm: 2 });
    expect(overview.tables[SHOP]?.alarmsInAlarm).toBe(0);
  });
});

describe("alarms under 50 viewers", () => {
  it("cost the same DescribeAlarms and DescribeAlarmHistory calls as one viewer", async () => {
    // Each round in a minute and window of its own, so neither is answered from the other's cache.
    const one = NOW + 2 * MIN;
    await resetLocalStats(cloudwatch.endpoint);
    await tableAlarms(LOCAL_SCOPE, SESSIONS, windowOf({ range: "3h" }, one), one);
    const single = await localStats(cloudwatch.endpoint);
    expect(single.DescribeAlarms).toBeGreaterThanOrEqual(1);
    expect(single.DescribeAlarmHistory).toBeGreaterThanOrEqual(1);

    const fifty = NOW + 4 * MIN;
    await resetLocalStats(cloudwatch.endpoint);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => tableAlarms(LOCAL_SCOPE, i % 2 === 0 ? SESSIONS : SHOP, windowOf({ range: "3h" }, fifty), fifty)));
    const many = await localStats(cloudwatch.endpoint);
    expect(many.DescribeAlarms).toBe(single.DescribeAlarms);
    expect(many.DescribeAlarmHistory).toBe(single.DescribeAlarmHistory);
    expect(answers.filter((answer) => answer.table === SESSIONS).every((answer) => answer.inAlarm === 2)).toBe(true);
  });
});
