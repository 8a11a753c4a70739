import { autoScalingRoleIdentity, DYNAMODB_AUTOSCALING_PRINCIPAL, iamUserIdentity, type TrailIdentity } from "../aws/cloudtrail/identities";
import type { CloudTrailRecorder } from "../aws/cloudtrail/recorder";
import type { RequestScope } from "../aws/shared/sigv4-scope";
import { dynamoDbManagementCall, isManagementRead, MANAGEMENT_WRITES } from "./management-events";
import type { TableCapacityModel } from "./table-catalog";
import type { WireResponse } from "./throttle-response";

export type ProxyTrailOptions = {
  recorder: CloudTrailRecorder;
  /** CloudTrail records the Describe and List calls too, as read-only events; off by default so the history shows changes. */
  recordReads?: boolean;
  /** Who made a call; by default the IAM user of its access key, or auto scaling's role when it calls (defaultCallerIdentity). */
  identity?: (scope: RequestScope, userAgent: string, atMs: number) => TrailIdentity;
};

/**
 * The caller CloudTrail names: Application Auto Scaling's calls (the local service signs them with a user agent naming
 * its service principal, which is what CloudTrail's userAgent shows for them) are its service-linked role's; any other
 * call is the IAM user of its access key.
 */
export function defaultCallerIdentity(scope: RequestScope, userAgent: string, atMs: number): TrailIdentity {
  return userAgent.includes(DYNAMODB_AUTOSCALING_PRINCIPAL) ? autoScalingRoleIdentity(scope.accountId, atMs) : iamUserIdentity(scope.accessKeyId, scope.accountId);
}

export type RecordCall = (operation: string, request: Record<string, unknown>, scope: RequestScope, headers: Record<string, string>, answer: WireResponse, before?: TableCapacityModel) => void;

/** What the proxy does with each answered call: records the management ones in CloudTrail, failures included. */
export function proxyTrail(options: ProxyTrailOptions | undefined, now: () => number): RecordCall {
  if (!options) return () => undefined;
  const recorded = (operation: string) => MANAGEMENT_WRITES.has(operation) || (options.recordReads === true && isManagementRead(operation));
  return (operation, request, scope, headers, answer, before) => {
    if (!recorded(operation)) return;
    const atMs = now();
    const userAgent = [headers["user-agent"], headers["x-amz-user-agent"]].filter(Boolean).join(" ");
    const identity = (options.identity ?? defaultCallerIdentity)(scope, userAgent, atMs);
    options.recorder.record(
      scope,
      dynamoDbManagementCall({ operation, request, status: answer.status, body: answer.body, identity, atMs, tenant: scope, before, requestId: answer.headers["x-amzn-requestid"], userAgent: headers["user-agent"] }),
    );
  };
}
