import { iamUserIdentity, type TrailIdentity } from "../cloudtrail/identities";
import type { CloudTrailRecorder } from "../cloudtrail/recorder";
import type { AwsJsonOperation } from "../shared/aws-json-server";
import { AwsServiceError } from "../shared/service-error";
import type { RequestScope } from "../shared/sigv4-scope";

/**
 * Application Auto Scaling's calls are recorded under EC2 Auto Scaling's event source, told apart by
 * `additionalEventData.service` (the Application Auto Scaling user guide's sample records, e.g. RegisterScalableTarget).
 */
export const AUTOSCALING_EVENT_SOURCE = "autoscaling.amazonaws.com";
const ADDITIONAL_EVENT_DATA = { service: "application-autoscaling" } as const;

/** The configuration calls CloudTrail records as management events that change something. */
export const CONFIGURATION_CALLS: ReadonlySet<string> = new Set([
  "RegisterScalableTarget",
  "DeregisterScalableTarget",
  "PutScalingPolicy",
  "DeleteScalingPolicy",
  "PutScheduledAction",
  "DeleteScheduledAction",
]);

export type AutoScalingTrailOptions = {
  recorder: CloudTrailRecorder;
  /** The Describe calls are read-only management events; off by default so the history shows changes. */
  recordReads?: boolean;
  /** Who made a call; by default the IAM user of its access key. */
  identity?: (scope: RequestScope, atMs: number) => TrailIdentity;
};

/**
 * Wraps the operations so each configuration call (and each Describe call, with recordReads) is recorded in CloudTrail
 * at the service's clock, with the request as sent and the error it was refused with. As in AWS's sample records, the
 * answer is not recorded (responseElements null, even for RegisterScalableTarget's ARN) and no resources are named:
 * the target is in requestParameters (resourceId).
 */
export function recordedOperations(operations: ReadonlyMap<string, AwsJsonOperation>, options: AutoScalingTrailOptions | undefined): ReadonlyMap<string, AwsJsonOperation> {
  if (!options) return operations;
  const identityOf = options.identity ?? ((scope: RequestScope) => iamUserIdentity(scope.accessKeyId, scope.accountId));
  const wrapped = [...operations].map(([name, operation]): [string, AwsJsonOperation] => {
    const readOnly = !CONFIGURATION_CALLS.has(name);
    if (readOnly && options.recordReads !== true) return [name, operation];
    return [
      name,
      async (input, context) => {
        const record = (error: AwsServiceError | null) =>
          options.recorder.record(context.scope, {
            eventSource: AUTOSCALING_EVENT_SOURCE,
            eventName: name,
            atMs: context.nowMs,
            identity: identityOf(context.scope, context.nowMs),
            request: input !== null && typeof input === "object" ? (input as Record<string, unknown>) : null,
            response: null,
            error: error ? { code: error.code, message: error.message } : null,
            readOnly,
            resources: [],
            additionalEventData: ADDITIONAL_EVENT_DATA,
          });
        try {
          const output: unknown = await operation(input, context);
          record(null);
          return output;
        } catch (error) {
          // Refused calls are recorded with their error code, as CloudTrail records them; unexpected failures are the service's.
          if (error instanceof AwsServiceError) record(error);
          throw error;
        }
      },
    ];
  });
  return new Map(wrapped);
}
