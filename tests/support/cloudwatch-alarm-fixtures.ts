import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { expect } from "vitest";

/** Fixtures for the local CloudWatch's alarm tests, which send them through the real @aws-sdk/client-cloudwatch. */

export const SHOP_DIMENSIONS = [{ Name: "TableName", Value: "Shop" }];

/** A valid single-metric alarm on Shop's consumed reads (2 of 3 minutes above 240 RCU); tests override what they check. */
export function shopReadsAlarm(name: string, overrides: Partial<PutMetricAlarmCommandInput> = {}): PutMetricAlarmCommandInput {
  return {
    AlarmName: name,
    Namespace: "AWS/DynamoDB",
    MetricName: "ConsumedReadCapacityUnits",
    Dimensions: SHOP_DIMENSIONS,
    Statistic: "Sum",
    Period: 60,
    EvaluationPeriods: 3,
    DatapointsToAlarm: 2,
    Threshold: 240,
    ComparisonOperator: "GreaterThanThreshold",
    ...overrides,
  };
}

/** The error a call that must fail rejects with; fails the test if it succeeds. */
export const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
