import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { toAppError } from "@/lib/server/http/error-response";

const MAX_MESSAGE_CHARS = 300;

/** The names CloudTrail (and the SDK's common errors) answer a request over the rate limit with. */
const THROTTLE_NAMES = new Set(["ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded"]);

/** LookupEvents allows two requests per second per account and region; beyond that it answers a throttling error. */
export function isLookupThrottled(error: unknown): boolean {
  return error instanceof Error && THROTTLE_NAMES.has(error.name);
}

/**
 * A failed LookupEvents as the error the page shows. Like the alarms' and auto scaling's (alarmsFailure,
 * scalingFailure), it is an upstream problem of the change history, never the caller's 403, and a missing permission
 * names cloudtrail:LookupEvents so the operator knows what to grant. Credentials and unreachable endpoints keep the
 * shared mapping; anything else names CloudTrail's error (toAppError's ValidationException wording is DynamoDB's).
 * Throttling never gets here: the reader stops and reports a partial history instead (scope-changes.ts).
 */
export function changesFailure(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof ReadOnlyViolationError || error instanceof AppError) return error;
  if (error.name === "AccessDeniedException" || error.name === "AccessDenied") {
    return new AppError("UPSTREAM", `The server's AWS credentials may not call cloudtrail:LookupEvents (${error.name}), so the change history cannot be read; see the IAM policy in the README.`);
  }
  if (error.name !== "ValidationException" && error.name !== "ResourceNotFoundException" && error.name !== "AccessDeniedException") {
    const shared = toAppError(error);
    if (shared) return shared;
  }
  const code = (error as { code?: unknown }).code;
  const name = error.name === "Error" && typeof code === "string" ? code : error.name;
  const message = error.message.length > MAX_MESSAGE_CHARS ? `${error.message.slice(0, MAX_MESSAGE_CHARS)}…` : error.message;
  return new AppError("UPSTREAM", `CloudTrail failed: ${name}: ${message}`);
}
