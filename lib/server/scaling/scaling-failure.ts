import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { toAppError } from "@/lib/server/http/error-response";

export type ScalingOperation = "DescribeScalableTargets" | "DescribeScalingPolicies" | "DescribeScalingActivities" | "DescribeScheduledActions";

const MAX_MESSAGE_CHARS = 300;

/**
 * A failed Application Auto Scaling read as the error the page shows. Like CloudWatch's (cloudwatch-failure.ts), it
 * is an upstream problem of the auto scaling panel, never the caller's 403, and a missing permission is named so the
 * operator knows which to grant. Throttling, credentials and unreachable endpoints keep the shared mapping (429 with
 * Retry-After, 502); anything else names the service's error (toAppError's ValidationException wording is DynamoDB's).
 */
export function scalingFailure(error: unknown, operation: ScalingOperation): unknown {
  if (!(error instanceof Error) || error instanceof ReadOnlyViolationError || error instanceof AppError) return error;
  if (error.name === "AccessDeniedException" || error.name === "AccessDenied") {
    return new AppError("UPSTREAM", `The server's AWS credentials may not call application-autoscaling:${operation} (${error.name}), so auto scaling cannot be read; see the IAM policy in the README.`);
  }
  if (error.name !== "ValidationException" && error.name !== "ResourceNotFoundException") {
    const shared = toAppError(error);
    if (shared) return shared;
  }
  const code = (error as { code?: unknown }).code;
  const name = error.name === "Error" && typeof code === "string" ? code : error.name;
  const message = error.message.length > MAX_MESSAGE_CHARS ? `${error.message.slice(0, MAX_MESSAGE_CHARS)}…` : error.message;
  return new AppError("UPSTREAM", `Application Auto Scaling failed: ${name}: ${message}`);
}
