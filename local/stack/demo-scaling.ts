import { ApplicationAutoScalingClient, PutScalingPolicyCommand, RegisterScalableTargetCommand } from "@aws-sdk/client-application-auto-scaling";
import { CloudWatchClient, DeleteAlarmsCommand, DescribeAlarmsCommand, PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { FleetAccount } from "../fleet/demo-fleet";

/**
 * The demo's alarms and auto scaling, in the demo account's home region:
 * - Shop's GSI1 writes scale between 5 and 10 WCU at 70% utilization. GSI1 takes ~8 writes/s with 45 s spikes at
 *   20/s every 4 minutes, 1 WCU each: 10.25 WCU/s on average, so the maximum is exceeded and the spikes are throttled
 *   once the burst is spent (12 would not do: 4 WCU/s of headroom between spikes refills more burst than a spike uses).
 * - Sessions has no auto scaling; an alarm on its write throttles (bursts every 2 minutes) is in ALARM.
 * - An alarm on Shop's read capacity at 80% of its 100 RCU stays OK.
 */
export const DEMO_SCALING = {
  table: "Shop",
  index: "GSI1",
  resourceId: "table/Shop/index/GSI1",
  dimension: "dynamodb:index:WriteCapacityUnits",
  min: 5,
  max: 10,
  targetValue: 70,
  policyName: "DynamoDBWriteCapacityUtilization:table/Shop/index/GSI1",
} as const;

export const SESSIONS_THROTTLE_ALARM = "Sessions write throttles";
export const SHOP_READS_ALARM = "Shop reads above 80% of provisioned";

export const DEMO_ALARMS: readonly PutMetricAlarmCommandInput[] = [
  {
    AlarmName: SESSIONS_THROTTLE_ALARM,
    AlarmDescription: "Any write to Sessions throttled in the last 5 minutes.",
    Namespace: "AWS/DynamoDB",
    MetricName: "WriteThrottleEvents",
    Dimensions: [{ Name: "TableName", Value: "Sessions" }],
    Statistic: "Sum",
    Period: 300,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 0,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: "notBreaching",
  },
  {
    AlarmName: SHOP_READS_ALARM,
    AlarmDescription: "Shop consumes more than 80% of its 100 provisioned RCU for 3 minutes.",
    Namespace: "AWS/DynamoDB",
    MetricName: "ConsumedReadCapacityUnits",
    Dimensions: [{ Name: "TableName", Value: "Shop" }],
    Statistic: "Sum",
    Period: 60,
    EvaluationPeriods: 3,
    DatapointsToAlarm: 3,
    Threshold: 0.8 * 100 * 60,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: "missing",
  },
];

/** GSI1 starts at the policy's minimum, as a table does when auto scaling is turned on for it, so the history shows it scale out. */
export async function lowerGsi1ToMinimum(admin: DynamoDBClient): Promise<void> {
  const table = await admin.send(new DescribeTableCommand({ TableName: DEMO_SCALING.table }));
  const gsi = table.Table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === DEMO_SCALING.index);
  const read = gsi?.ProvisionedThroughput?.ReadCapacityUnits;
  if (read === undefined) throw new Error(`${DEMO_SCALING.table} has no provisioned ${DEMO_SCALING.index}`);
  if (gsi?.ProvisionedThroughput?.WriteCapacityUnits === DEMO_SCALING.min) return;
  await admin.send(
    new UpdateTableCommand({
      TableName: DEMO_SCALING.table,
      GlobalSecondaryIndexUpdates: [{ Update: { IndexName: DEMO_SCALING.index, ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: DEMO_SCALING.min } } }],
    }),
  );
}

/** Creates the demo's alarms and auto scaling through the real SDK clients, signed as the demo account. */
export async function setUpDemoScaling(options: { autoscalingEndpoint: string; cloudwatchEndpoint: string; account: FleetAccount; region: string }): Promise<void> {
  const config = { region: options.region, credentials: options.account.credentials, maxAttempts: 3 };
  const autoscaling = new ApplicationAutoScalingClient({ ...config, endpoint: options.autoscalingEndpoint });
  const cloudwatch = new CloudWatchClient({ ...config, endpoint: options.cloudwatchEndpoint });
  try {
    // A CloudWatch snapshot keeps the alarms of an earlier run's policy, which this run's auto scaling does not know.
    const leftovers = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: `TargetTracking-${DEMO_SCALING.resourceId}-`, MaxRecords: 100 }));
    const names = (leftovers.MetricAlarms ?? []).flatMap((alarm) => (alarm.AlarmName ? [alarm.AlarmName] : []));
    if (names.length > 0) await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: names }));
    const target = { ServiceNamespace: "dynamodb", ResourceId: DEMO_SCALING.resourceId, ScalableDimension: DEMO_SCALING.dimension } as const;
    await autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: DEMO_SCALING.min, MaxCapacity: DEMO_SCALING.max }));
    await autoscaling.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: DEMO_SCALING.policyName,
        PolicyType: "TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration: { TargetValue: DEMO_SCALING.targetValue, PredefinedMetricSpecification: { PredefinedMetricType: "DynamoDBWriteCapacityUtilization" } },
      }),
    );
    for (const alarm of DEMO_ALARMS) await cloudwatch.send(new PutMetricAlarmCommand(alarm));
  } finally {
    autoscaling.destroy();
    cloudwatch.destroy();
  }
}
