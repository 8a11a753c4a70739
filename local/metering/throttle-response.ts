import type { ThrottleDecision } from "./capacity-enforcer";

export type WireResponse = { status: number; headers: Record<string, string>; body: string };

const MESSAGES = {
  IndexProvisioned: "The level of configured provisioned throughput for the index was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
  KeyRange: "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly.",
  Provisioned: "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.",
  AccountLimit: "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit increase",
  MaxOnDemand: "Throughput exceeds the maximum OnDemandThroughput configured on table or index",
} as const;

/**
 * The service's error for a throttled request: HTTP 400 with the exception's `__type`, and the reasons added in 2025.
 * Provisioned capacity (and key-range heat on a provisioned table) is ProvisionedThroughputExceededException; on-demand
 * limits, account limits and key-range heat on an on-demand table are ThrottlingException, whose model spells the
 * member `throttlingReasons` (REFERENCE.md writes ThrottlingReasons for all three; the SDK model is followed here).
 */
export function throttleResponse(decision: ThrottleDecision, requestId: string): WireResponse {
  const reasons = [{ reason: decision.reason, resource: decision.resource }];
  const isProvisioned = decision.cause === "Provisioned" || (decision.cause === "KeyRange" && !decision.onDemand);
  const message = decision.cause === "Provisioned" && decision.index ? MESSAGES.IndexProvisioned : MESSAGES[decision.cause];
  const body = isProvisioned
    ? { __type: "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", message, ThrottlingReasons: reasons }
    : { __type: "com.amazonaws.dynamodb.v20120810#ThrottlingException", message, throttlingReasons: reasons };
  return {
    status: 400,
    headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId },
    body: JSON.stringify(body),
  };
}
