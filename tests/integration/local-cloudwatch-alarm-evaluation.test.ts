import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  type AlarmHistoryItem,
  type DescribeAlarmHistoryCommandInput,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlarmActionInvocation } from "../../local/aws/cloudwatch/alarm-actions";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { LOCAL_CREDENTIALS } from "../../local/local-clients";

// Alarm evaluation driven by a clock the test controls: metrics are put through the SDK, evaluateAlarms runs one pass
// per simulated minute, and the results are read back through DescribeAlarms and DescribeAlarmHistory.
const MINUTE = 60_000;
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE - 60 * MINUTE;
const SNS = "arn:aws:sns:us-east-1:111111111111:pager";
const POLICY = "arn:aws:autoscaling:us-east-1:111111111111:scalingPolicy:7d2c:resource/dynamodb/table/Shop/index/GSI1:policyName/gsi1-writes";

let clock = T0;
let cloudwatch: RunningLocalCloudWatch;
let cw: CloudWatchClient;
let scratch: string;
const logged: string[] = [];

function newClient(endpoint: string): CloudWatchClient {
  return new CloudWatchClient({ endpoint, region: "us-east-1", credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
}

async function putValue(metricName: string, minute: number, value: number): Promise<void> {
  await cw.send(new PutMetricDataCommand({ Namespace: "Test", MetricData: [{ MetricName: metricName, Timestamp: new Date(T0 + minute * MINUTE + 1_000), Value: value }] }));
}

/** Advances the clock minute by minute to `minute`, one evaluation pass each, as the timer would. */
async function runUntil(minute: number): Promise<void> {
  while (clock < T0 + minute * MINUTE) {
    clock += MINUTE;
    await cloudwatch.evaluateAlarms(clock);
  }
}

async function history(name: string, extra: Partial<DescribeAlarmHistoryCommandInput> = {}): Promise<AlarmHistoryItem[]> {
  return (await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: name, ...extra }))).AlarmHistoryItems ?? [];
}

const stateOf = async (name: string, types: Array<"MetricAlarm" | "CompositeAlarm"> = ["MetricAlarm", "CompositeAlarm"]) => {
  const output = await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: types }));
  return [...(output.MetricAlarms ?? []), ...(output.CompositeAlarms ?? [])][0]?.StateValue;
};

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "local-cloudwatch-alarms-"));
  cloudwatch = await startLocalCloudWatch({ now: () => clock, evaluationIntervalMs: 3_600_000, snapshotPath: join(scratch, "snapshot.json"), log: (line) => logged.push(line) });
  cw = newClient(cloudwatch.endpoint);
});

afterAll(async () => {
  cw.destroy();
  await cloudwatch.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe("evaluation, history and actions", () => {
  it("moves through OK and ALARM as the data crosses the threshold, recording each change in the history", async () => {
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "latency-high",
        Namespace: "Test",
        MetricName: "Latency",
        Statistic: "Average",
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: 10,
        ComparisonOperator: "GreaterThanThreshold",
      }),
    );
    // Minutes 0..5: 5, 15, 15, 15, 5, 5. Evaluated at minute k, the last two complete minutes are k-2 and k-1.
    for (const [minute, value] of [5, 15, 15, 15, 5, 5].entries()) await putValue("Latency", minute, value);
    // At minute 1 only minute 0 exists (5): fewer points than EvaluationPeriods, but one real point is not breaching,
    // which the user guide's table ("- - - - 0") resolves to OK even with TreatMissingData missing.
    await runUntil(1);
    expect(await stateOf("latency-high")).toBe("OK");
    await runUntil(2); // 5, 15 -> still OK
    await runUntil(3); // 15, 15 -> ALARM
    expect(await stateOf("latency-high")).toBe("ALARM");
    await runUntil(5); // 15, 5 -> OK
    expect(await stateOf("latency-high")).toBe("OK");

    const updates = await history("latency-high", { HistoryItemType: "StateUpdate" });
    expect(updates.map((item) => [item.HistorySummary, item.Timestamp?.getTime()])).toEqual([
      ["Alarm updated from ALARM to OK", T0 + 5 * MINUTE],
      ["Alarm updated from OK to ALARM", T0 + 3 * MINUTE],
      ["Alarm updated from INSUFFICIENT_DATA to OK", T0 + 1 * MINUTE],
    ]);
    const alarmed: unknown = JSON.parse(updates[1]?.HistoryData ?? "{}");
    expect(alarmed).toMatchObject({
      version: "1.0",
      oldState: { stateValue: "OK" },
      newState: { stateValue: "ALARM", stateReason: expect.stringMatching(/^Threshold Crossed: 2 out of the last 2 datapoints \[15\.0 \(.+\), 15\.0 \(.+\)\] were greater than the threshold \(10\.0\)/) },
    });
    expect(updates[0]).toMatchObject({ AlarmName: "latency-high", AlarmType: "MetricAlarm", HistoryItemType: "StateUpdate" });

    const ascending = await history("latency-high", { HistoryItemType: "StateUpdate", ScanBy: "TimestampAscending" });
    expect(ascending.map((item) => item.HistorySummary)).toEqual(updates.map((item) => item.HistorySummary).reverse());
    const windowed = await history("latency-high", { StartDate: new Date(T0 + 3 * MINUTE), EndDate: new Date(T0 + 4 * MINUTE) });
    expect(windowed.map((item) => item.HistorySummary)).toEqual(["Alarm updated from OK to ALARM"]);
    expect((await history("latency-high", { HistoryItemType: "ConfigurationUpdate" })).map((item) => item.HistorySummary)).toEqual(['Alarm "latency-high" created']);

    const [described] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["latency-high"] }))).MetricAlarms ?? [];
    expect(described?.StateTransitionedTimestamp?.getTime()).toBe(T0 + 5 * MINUTE);
    expect(JSON.parse(described?.StateReasonData ?? "{}")).toMatchObject({ version: "1.0", statistic: "Average", period: 60, threshold: 10 });
  });

  it("pages the history with MaxRecords and NextToken, and refuses a bad token", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const output = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: "latency-high", MaxRecords: 1, NextToken: token }));
      seen.push(...(output.AlarmHistoryItems ?? []).map((item) => item.HistorySummary ?? ""));
      token = output.NextToken;
    } while (token !== undefined);
    expect(seen).toEqual((await history("latency-high")).map((item) => item.HistorySummary));
    expect(seen).toHaveLength(4);
    const error = await cw.send(new DescribeAlarmHistoryCommand({ NextToken: "bogus" })).then(
      () => expect.fail("expected InvalidNextToken"),
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: "InvalidNextToken" });
  });

  it("invokes actions on each change, and Auto Scaling actions again every minute the alarm stays in ALARM", async () => {
    const invocations: AlarmActionInvocation[] = [];
    const unregister = cloudwatch.onAlarmActions(async (invocation) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      invocations.push(invocation);
    });
    const failing = cloudwatch.onAlarmActions(() => {
      throw new Error("the scaling endpoint is down");
    });
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "writes-high",
        Namespace: "Test",
        MetricName: "Writes",
        Statistic: "Sum",
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 100,
        ComparisonOperator: "GreaterThanOrEqualToThreshold",
        AlarmActions: [SNS, POLICY],
        OKActions: [SNS],
      }),
    );
    const start = Math.round((clock - T0) / MINUTE);
    for (const [offset, value] of [150, 150, 150, 10].entries()) await putValue("Writes", start + offset, value);
    await runUntil(start + 4);
    const mine = invocations.filter((invocation) => invocation.alarmName === "writes-high");
    expect(mine.map((i) => [Math.round((i.atMs - T0) / MINUTE) - start, i.state, i.actionArn])).toEqual([
      [1, "ALARM", SNS],
      [1, "ALARM", POLICY],
      [2, "ALARM", POLICY],
      [3, "ALARM", POLICY],
      [4, "OK", SNS],
    ]);
    expect(mine[0]).toMatchObject({ accountId: "111111111111", region: "us-east-1" });
    const actions = await history("writes-high", { HistoryItemType: "Action", ScanBy: "TimestampAscending" });
    expect(actions).toHaveLength(5);
    expect(actions[0]?.HistorySummary).toBe(`Failed to execute action ${SNS}`);
    expect(logged.some((line) => line.includes("the scaling endpoint is down"))).toBe(true);

    unregister();
    failing();
    await putValue("Writes", start + 4, 500);
    await runUntil(start + 5);
    expect(await stateOf("writes-high")).toBe("ALARM");
    expect(invocations.filter((invocation) => invocation.alarmName === "writes-high")).toHaveLength(5);
  });

  it("evaluates a composite alarm over its children's states", async () => {
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: "both-high", AlarmRule: 'ALARM("writes-high") AND ALARM(latency-high)', AlarmActions: [SNS] }));
    expect(await stateOf("both-high", ["CompositeAlarm"])).toBe("INSUFFICIENT_DATA");
    await runUntil(Math.round((clock - T0) / MINUTE) + 1);
    // writes-high is in ALARM, latency-high in OK.
    expect(await stateOf("both-high", ["CompositeAlarm"])).toBe("OK");
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: "both-high", AlarmRule: "ALARM(writes-high) AND NOT ALARM(latency-high)" }));
    await runUntil(Math.round((clock - T0) / MINUTE) + 1);
    expect(await stateOf("both-high", ["CompositeAlarm"])).toBe("ALARM");
    expect(await history("both-high", { HistoryItemType: "StateUpdate" })).toEqual([]); // composite history needs AlarmTypes
    const composite = await history("both-high", { HistoryItemType: "StateUpdate", AlarmTypes: ["CompositeAlarm"] });
    expect(composite.map((item) => item.HistorySummary)).toEqual(["Alarm updated from OK to ALARM", "Alarm updated from INSUFFICIENT_DATA to OK"]);
  });

  it("keeps alarms and their history across a restart", async () => {
    const before = await history("latency-high");
    await cloudwatch.stop();
    cw.destroy();
    cloudwatch = await startLocalCloudWatch({ now: () => clock, evaluationIntervalMs: 3_600_000, snapshotPath: join(scratch, "snapshot.json") });
    cw = newClient(cloudwatch.endpoint);
    expect(await stateOf("writes-high")).toBe("ALARM");
    expect(await stateOf("both-high", ["CompositeAlarm"])).toBe("ALARM");
    expect(await history("latency-high")).toEqual(before);
  });
});
