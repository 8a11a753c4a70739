import "server-only";

/**
 * The read commands Dynamo Lens may send. Everything else is refused before it is signed.
 * Keep iam/dynamo-lens-readonly.json in step with this list.
 */
export const DYNAMODB_READ_OPERATIONS = {
  exact: new Set(["Query", "Scan", "GetItem", "BatchGetItem"]),
  prefixes: ["List", "Describe"],
} as const;

export const CLOUDWATCH_READ_OPERATIONS = {
  exact: new Set(["GetMetricData", "ListMetrics", "DescribeInsightRules", "GetInsightRuleReport", "DescribeAlarms", "DescribeAlarmsForMetric", "DescribeAlarmHistory"]),
  prefixes: [],
} as const;

/** Application Auto Scaling: the four reads that say how a table's capacity is scaled and what scaling did. */
export const AUTOSCALING_READ_OPERATIONS = {
  exact: new Set(["DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScalingActivities", "DescribeScheduledActions"]),
  prefixes: [],
} as const;

/** CloudTrail: management events on a table and its auto scaling, for the change history. */
export const CLOUDTRAIL_READ_OPERATIONS = {
  exact: new Set(["LookupEvents"]),
  prefixes: [],
} as const;

/**
 * DynamoDB Streams: the four reads there are (the live tail and stream samples). Named one by one, not by prefix, so
 * a future write-like Streams API is refused until someone decides otherwise.
 */
export const DYNAMODB_STREAMS_READ_OPERATIONS = {
  exact: new Set(["DescribeStream", "GetShardIterator", "GetRecords", "ListStreams"]),
  prefixes: [],
} as const;

/** STS is used for one thing: assuming an account's role (ACCOUNTS_FILE roleArn). */
export const STS_OPERATIONS = {
  exact: new Set(["AssumeRole"]),
  prefixes: [],
} as const;

export type OperationAllowlist = { exact: ReadonlySet<string>; prefixes: readonly string[] };

export function isAllowedOperation(allowlist: OperationAllowlist, operation: string): boolean {
  return allowlist.exact.has(operation) || allowlist.prefixes.some((prefix) => operation.startsWith(prefix));
}
