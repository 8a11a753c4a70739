import { CloudWatchClient, DescribeAlarmsCommand, PutCompositeAlarmCommand, PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { LOCAL_CREDENTIALS } from "../../local/local-clients";
import { rejection, shopReadsAlarm } from "@/tests/support/cloudwatch-alarm-fixtures";

// PutMetricAlarm and PutCompositeAlarm refusals through the real @aws-sdk/client-cloudwatch: the error names are the
// ones the SDK gives CloudWatch's query error codes (MissingParameter -> MissingRequiredParameterException, …).
let cloudwatch: RunningLocalCloudWatch;
let cw: CloudWatchClient;

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch({ evaluationIntervalMs: 3_600_000 });
  cw = new CloudWatchClient({ endpoint: cloudwatch.endpoint, region: "us-east-1", credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("shop-reads")));
});

afterAll(async () => {
  cw.destroy();
  await cloudwatch.stop();
});

describe("validation errors, named as the SDK names them", () => {
  const refused = async (input: PutMetricAlarmCommandInput) => rejection(cw.send(new PutMetricAlarmCommand(input)));

  it("missing required parameters", async () => {
    expect(await refused(shopReadsAlarm("x", { EvaluationPeriods: undefined }))).toMatchObject({ name: "MissingRequiredParameterException", $metadata: { httpStatusCode: 400 } });
    expect(await refused(shopReadsAlarm("x", { Threshold: undefined }))).toMatchObject({ name: "MissingRequiredParameterException" });
    expect(await refused(shopReadsAlarm("x", { Statistic: undefined }))).toMatchObject({ name: "MissingRequiredParameterException" });
  });

  it("values out of range or in conflict", async () => {
    expect(await refused(shopReadsAlarm("x", { DatapointsToAlarm: 4 }))).toMatchObject({ name: "ValidationException" });
    expect(await refused(shopReadsAlarm("x", { EvaluationPeriods: 0 }))).toMatchObject({ name: "ValidationException", message: expect.stringContaining("'evaluationPeriods'") });
    expect(await refused(shopReadsAlarm("x", { Period: 45 }))).toMatchObject({ name: "ValidationException" });
    expect(await refused(shopReadsAlarm("x", { Period: 60, EvaluationPeriods: 1441, DatapointsToAlarm: 1 }))).toMatchObject({ name: "ValidationException" });
    expect(await refused(shopReadsAlarm("x", { ExtendedStatistic: "p99" }))).toMatchObject({ name: "InvalidParameterCombinationException" });
    expect(await refused(shopReadsAlarm("x", { Unit: "Parsecs" as "Count" }))).toMatchObject({ name: "InvalidParameterValueException" });
    expect(await refused(shopReadsAlarm("x", { TreatMissingData: "sometimes" }))).toMatchObject({ name: "ValidationException" });
  });

  it("what the local service does not support is refused, saying so", async () => {
    expect(await refused(shopReadsAlarm("x", { ComparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold" }))).toMatchObject({
      name: "ValidationException",
      message: expect.stringContaining("does not support anomaly detection"),
    });
    const math = await refused({
      AlarmName: "x",
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: "GreaterThanThreshold",
      Metrics: [
        { Id: "m", ReturnData: false, MetricStat: { Metric: { Namespace: "N", MetricName: "M" }, Period: 60, Stat: "Sum" } },
        { Id: "e", Expression: "FILL(m, 0)", ReturnData: true },
      ],
    });
    expect(math).toMatchObject({ name: "ValidationException", message: expect.stringContaining("supports only + - * /") });
  });

  it("composite rules must parse and name existing alarms", async () => {
    const refusedComposite = (rule: string) => rejection(cw.send(new PutCompositeAlarmCommand({ AlarmName: "c", AlarmRule: rule })));
    expect(await refusedComposite("ALARM(nobody)")).toMatchObject({ name: "ValidationException", message: expect.stringContaining("nobody") });
    expect(await refusedComposite("ALARM(shop-reads")).toMatchObject({ name: "ValidationException" });
  });

  it("metric and composite alarms share one namespace of names and neither replaces the other", async () => {
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: "shop-watch", AlarmRule: "ALARM(shop-reads)" }));
    expect(await refused(shopReadsAlarm("shop-watch"))).toMatchObject({ name: "ValidationException", message: expect.stringContaining("is a composite alarm") });
    const composite = await rejection(cw.send(new PutCompositeAlarmCommand({ AlarmName: "shop-reads", AlarmRule: "TRUE" })));
    expect(composite).toMatchObject({ name: "ValidationException", message: expect.stringContaining("is a metric alarm") });
    const output = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["shop-reads", "shop-watch"], AlarmTypes: ["MetricAlarm", "CompositeAlarm"] }));
    expect(output.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual(["shop-reads"]);
    expect(output.CompositeAlarms?.map((alarm) => alarm.AlarmName)).toEqual(["shop-watch"]);
  });

  it("stores nothing it refused", async () => {
    const output = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["x", "c"], AlarmTypes: ["MetricAlarm", "CompositeAlarm"] }));
    expect([...(output.MetricAlarms ?? []), ...(output.CompositeAlarms ?? [])]).toEqual([]);
  });
});
