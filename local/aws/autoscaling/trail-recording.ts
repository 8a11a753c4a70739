import { iamUserIdentity, type TrailIdentity } from "../cloudtrail/identities";
import type { CloudTrailRecorder } from "../cloudtrail/recorder";
import type { AwsJsonOperation } from "../shared/aws-json-server";
import { AwsServiceError } from "../shared/service-error";
import type { RequestScope } from "../shared/sigv4-scope";

export const AUTOSCALING_EVENT_SOURCE = "application-autoscaling.amazonaws.com";

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

const isEmpty = (output: unknown) => output === undefined || output === null || (typeof output === "object" && Object.keys(output).length === 0);

/**
 * Wraps the operations so each configuration call (and each Describe call, with recordReads) is recorded in CloudTrail
 * at the service's clock, with the request as sent, the answer (none for an empty one) or the error it was refused with.
 * Application Auto Scaling's events name no resources; the target is in requestParameters (resourceId).
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
        const record = (response: unknown, error: AwsServiceError | null) =>
          options.recorder.record(context.scope, {
            eventSource: AUTOSCALING_EVENT_SOURCE,
            eventName: name,
            atMs: context.nowMs,
            identity: identityOf(context.scope, context.nowMs),
            request: input !== null && typeof input === "object" ? (input as Record<string, unknown>) : null,
            response: readOnly || isEmpty(response) ? null : (response as Record<string, unknown>),
            error: error ? { code: error.code, message: error.message } : null,
            readOnly,
            resources: [],
          });
        try {
          const output: unknown = await operation(input, context);
          record(output, null);
          return output;
        } catch (error) {
          // Refused calls are recorded with their error code, as CloudTrail records them; unexpected failures are the service's.
          if (error instanceof AwsServiceError) record(null, error);
          throw error;
        }
      },
    ];
  });
  return new Map(wrapped);
}
