import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  type DescribeAlarmsCommandInput,
  type DescribeAlarmsForMetricCommandInput,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { LOCAL_CREDENTIALS } from "../../local/local-clients";
import { rejection, SHOP_DIMENSIONS, shopReadsAlarm } from "@/tests/support/cloudwatch-alarm-fixtures";

// Alarm configuration through the real @aws-sdk/client-cloudwatch: put, describe, filters, paging, exact metric
// matching, deletion, validation errors as the SDK names them, and accounts and regions kept apart.
const MINUTE = 60_000;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const DEMO = "111111111111";

let cloudwatch: RunningLocalCloudWatch;
const clients: CloudWatchClient[] = [];

function client(region = "us-east-1", accessKeyId: string = LOCAL_CREDENTIALS.accessKeyId): CloudWatchClient {
  const made = new CloudWatchClient({ endpoint: cloudwatch.endpoint, region, credentials: { accessKeyId, secretAccessKey: "x" }, maxAttempts: 1 });
  clients.push(made);
  return made;
}

let cw: CloudWatchClient;

beforeAll(async () => {
  // The timer never fires during the test: evaluation is driven by evaluateAlarms where a test needs it.
  cloudwatch = await startLocalCloudWatch({ now: () => NOW, evaluationIntervalMs: 3_600_000 });
  cw = client();
});

afterAll(async () => {
  for (const made of clients) made.destroy();
  await cloudwatch.stop();
});

describe("PutMetricAlarm and DescribeAlarms", () => {
  it("stores a metric alarm and describes every member, starting in INSUFFICIENT_DATA", async () => {
    await cw.send(
      new PutMetricAlarmCommand(
        shopReadsAlarm("shop-reads", {
          AlarmDescription: "Shop reads above 4 RCU/s",
          AlarmActions: ["arn:aws:sns:us-east-1:111111111111:pager"],
          OKActions: ["arn:aws:sns:us-east-1:111111111111:pager"],
          TreatMissingData: "notBreaching",
          Unit: "Count",
        }),
      ),
    );
    const { MetricAlarms, CompositeAlarms } = await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["shop-reads"] }));
    expect(CompositeAlarms).toEqual([]);
    expect(MetricAlarms).toEqual([
      {
        AlarmName: "shop-reads",
        AlarmArn: `arn:aws:cloudwatch:us-east-1:${DEMO}:alarm:shop-reads`,
        AlarmDescription: "Shop reads above 4 RCU/s",
        AlarmConfigurationUpdatedTimestamp: new Date(NOW),
        ActionsEnabled: true,
        OKActions: ["arn:aws:sns:us-east-1:111111111111:pager"],
        AlarmActions: ["arn:aws:sns:us-east-1:111111111111:pager"],
        InsufficientDataActions: [],
        StateValue: "INSUFFICIENT_DATA",
        StateReason: "Unchecked: Initial alarm creation",
        StateUpdatedTimestamp: new Date(NOW),
        StateTransitionedTimestamp: new Date(NOW),
        Namespace: "AWS/DynamoDB",
        MetricName: "ConsumedReadCapacityUnits",
        Statistic: "Sum",
        Dimensions: SHOP_DIMENSIONS,
        Period: 60,
        Unit: "Count",
        EvaluationPeriods: 3,
        DatapointsToAlarm: 2,
        Threshold: 240,
        ComparisonOperator: "GreaterThanThreshold",
        TreatMissingData: "notBreaching",
      },
    ]);
  });

  it("stores a metric math alarm with its Metrics", async () => {
    const metrics = [
      { Id: "c", ReturnData: false, MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ConsumedReadCapacityUnits", Dimensions: SHOP_DIMENSIONS }, Period: 60, Stat: "Sum" } },
      { Id: "p", ReturnData: false, MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "ProvisionedReadCapacityUnits", Dimensions: SHOP_DIMENSIONS }, Period: 60, Stat: "Average" } },
      { Id: "u", Expression: "100 * (c / 60) / p", Label: "Read utilization", ReturnData: true },
    ];
    await cw.send(new PutMetricAlarmCommand({ AlarmName: "shop-read-utilization", Metrics: metrics, EvaluationPeriods: 2, Threshold: 80, ComparisonOperator: "GreaterThanOrEqualToThreshold" }));
    const [described] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["shop-read-utilization"] }))).MetricAlarms ?? [];
    expect(described?.Metrics).toEqual(metrics);
    expect(described).toMatchObject({ EvaluationPeriods: 2, Threshold: 80, StateValue: "INSUFFICIENT_DATA", Dimensions: [] });
    expect(described?.Namespace).toBeUndefined();
  });

  it("keeps the state when an alarm is updated, and replaces the configuration", async () => {
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("updated", { Threshold: 1 })));
    await cloudwatch.evaluateAlarms(NOW); // AWS/DynamoDB with no data: ignored, so still INSUFFICIENT_DATA
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("updated", { Threshold: 2, EvaluationPeriods: 1, DatapointsToAlarm: undefined })));
    const [described] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["updated"] }))).MetricAlarms ?? [];
    expect(described).toMatchObject({ Threshold: 2, EvaluationPeriods: 1, StateValue: "INSUFFICIENT_DATA" });
    expect(described?.DatapointsToAlarm).toBeUndefined();
  });

  it("returns only metric alarms unless AlarmTypes asks for composite ones, and filters by state, prefix and action", async () => {
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("filter-a", { AlarmActions: ["arn:aws:sns:us-east-1:111111111111:team-a"] })));
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("filter-b")));
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: "filter-composite", AlarmRule: 'ALARM("filter-a") OR ALARM(filter-b)' }));

    const names = async (input: DescribeAlarmsCommandInput) => {
      const output = await cw.send(new DescribeAlarmsCommand(input));
      return [...(output.MetricAlarms ?? []), ...(output.CompositeAlarms ?? [])].map((a) => a.AlarmName);
    };
    expect(await names({ AlarmNamePrefix: "filter-" })).toEqual(["filter-a", "filter-b"]);
    expect(await names({ AlarmNamePrefix: "filter-", AlarmTypes: ["CompositeAlarm"] })).toEqual(["filter-composite"]);
    expect(await names({ AlarmNamePrefix: "filter-", AlarmTypes: ["MetricAlarm", "CompositeAlarm"] })).toEqual(["filter-a", "filter-b", "filter-composite"]);
    expect(await names({ AlarmNamePrefix: "filter-", StateValue: "ALARM" })).toEqual([]);
    expect(await names({ AlarmNamePrefix: "filter-", StateValue: "INSUFFICIENT_DATA" })).toEqual(["filter-a", "filter-b"]);
    expect(await names({ ActionPrefix: "arn:aws:sns:us-east-1:111111111111:team-" })).toEqual(["filter-a"]);
    const [composite] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["filter-composite"], AlarmTypes: ["CompositeAlarm"] }))).CompositeAlarms ?? [];
    expect(composite).toMatchObject({ AlarmRule: 'ALARM("filter-a") OR ALARM(filter-b)', AlarmArn: `arn:aws:cloudwatch:us-east-1:${DEMO}:alarm:filter-composite`, StateValue: "INSUFFICIENT_DATA" });
  });

  it("pages by MaxRecords and NextToken in name order, and refuses a token from another request", async () => {
    for (let index = 7; index >= 1; index -= 1) await cw.send(new PutMetricAlarmCommand(shopReadsAlarm(`page-${index}`)));
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const output = await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "page-", MaxRecords: 3, NextToken: token }));
      pages.push((output.MetricAlarms ?? []).map((a) => a.AlarmName ?? ""));
      token = output.NextToken;
      if (pages.length === 1 && token !== undefined) {
        const replayed = await rejection(cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "filter-", MaxRecords: 3, NextToken: token })));
        expect(replayed).toMatchObject({ name: "InvalidNextToken", $metadata: { httpStatusCode: 400 } });
      }
    } while (token !== undefined);
    expect(pages).toEqual([["page-1", "page-2", "page-3"], ["page-4", "page-5", "page-6"], ["page-7"]]);
    expect(await rejection(cw.send(new DescribeAlarmsCommand({ NextToken: "not-a-token" })))).toMatchObject({ name: "InvalidNextToken" });
    expect(await rejection(cw.send(new DescribeAlarmsCommand({ MaxRecords: 101 })))).toMatchObject({ name: "ValidationException" });
  });
});

describe("DescribeAlarmsForMetric", () => {
  it("matches namespace, metric name and the whole dimension set exactly, then Statistic and Period", async () => {
    const gsi = [
      { Name: "TableName", Value: "Orders" },
      { Name: "GlobalSecondaryIndexName", Value: "GSI1" },
    ];
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("orders-table", { Dimensions: [{ Name: "TableName", Value: "Orders" }], MetricName: "WriteThrottleEvents" })));
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("orders-gsi", { Dimensions: gsi, MetricName: "WriteThrottleEvents" })));
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("orders-gsi-5min", { Dimensions: gsi, MetricName: "WriteThrottleEvents", Period: 300, Statistic: "Maximum" })));
    const forMetric = async (input: Partial<DescribeAlarmsForMetricCommandInput>) =>
      ((await cw.send(new DescribeAlarmsForMetricCommand({ Namespace: "AWS/DynamoDB", MetricName: "WriteThrottleEvents", ...input }))).MetricAlarms ?? []).map((a) => a.AlarmName);

    expect(await forMetric({ Dimensions: [{ Name: "TableName", Value: "Orders" }] })).toEqual(["orders-table"]);
    expect(await forMetric({ Dimensions: [...gsi].reverse() })).toEqual(["orders-gsi", "orders-gsi-5min"]);
    expect(await forMetric({ Dimensions: gsi, Period: 300 })).toEqual(["orders-gsi-5min"]);
    expect(await forMetric({ Dimensions: gsi, Statistic: "Sum" })).toEqual(["orders-gsi"]);
    expect(await forMetric({})).toEqual([]);
    // Math alarms are not returned even when they use the metric.
    expect(await forMetric({ MetricName: "ConsumedReadCapacityUnits", Dimensions: SHOP_DIMENSIONS })).not.toContain("shop-read-utilization");
  });
});

describe("DeleteAlarms", () => {
  it("deletes the named alarms, and reports unknown names with ResourceNotFound after deleting the known ones", async () => {
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("doomed-1")));
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("doomed-2")));
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ["doomed-1"] }));
    const error = await rejection(cw.send(new DeleteAlarmsCommand({ AlarmNames: ["doomed-2", "never-was"] })));
    expect(error).toMatchObject({ name: "ResourceNotFound", $metadata: { httpStatusCode: 404 } });
    expect(error instanceof Error ? error.message : "").toContain("never-was");
    expect((await cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "doomed-" }))).MetricAlarms).toEqual([]);
  });

  it("refuses to delete an alarm that a composite alarm uses", async () => {
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("child")));
    await cw.send(new PutCompositeAlarmCommand({ AlarmName: "parent", AlarmRule: "ALARM(child)" }));
    expect(await rejection(cw.send(new DeleteAlarmsCommand({ AlarmNames: ["child"] })))).toMatchObject({ name: "ValidationException" });
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ["parent", "child"] }));
    expect((await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["parent", "child"], AlarmTypes: ["MetricAlarm", "CompositeAlarm"] }))).MetricAlarms).toEqual([]);
  });
});

describe("accounts and regions", () => {
  it("keeps each tenant's alarms apart, with the tenant's account and region in the ARN", async () => {
    const euWest = client("eu-west-1");
    const analytics = client("us-east-1", "analytics");
    await cw.send(new PutMetricAlarmCommand(shopReadsAlarm("twin")));
    expect((await euWest.send(new DescribeAlarmsCommand({ AlarmNames: ["twin", "shop-reads"] }))).MetricAlarms).toEqual([]);
    expect((await analytics.send(new DescribeAlarmsCommand({ AlarmNames: ["twin", "shop-reads"] }))).MetricAlarms).toEqual([]);
    expect((await analytics.send(new DescribeAlarmsForMetricCommand({ Namespace: "AWS/DynamoDB", MetricName: "ConsumedReadCapacityUnits", Dimensions: SHOP_DIMENSIONS }))).MetricAlarms).toEqual([]);

    await analytics.send(new PutMetricAlarmCommand(shopReadsAlarm("twin", { Threshold: 7 })));
    const [theirs] = (await analytics.send(new DescribeAlarmsCommand({ AlarmNames: ["twin"] }))).MetricAlarms ?? [];
    const [ours] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ["twin"] }))).MetricAlarms ?? [];
    expect(theirs).toMatchObject({ Threshold: 7, AlarmArn: "arn:aws:cloudwatch:us-east-1:222222222222:alarm:twin" });
    expect(ours).toMatchObject({ Threshold: 240, AlarmArn: `arn:aws:cloudwatch:us-east-1:${DEMO}:alarm:twin` });
    expect(cloudwatch.storesFor("analytics", "us-east-1").alarms.get("twin")?.type).toBe("MetricAlarm");
    expect(cloudwatch.storesFor("local", "eu-west-1").alarms.get("twin")).toBeUndefined();
  });
});
