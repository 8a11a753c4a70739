import "server-only";
import { AppError } from "@/lib/errors/app-error";

const MAX_MESSAGE_CHARS = 300;

/**
 * A failed CloudWatch call as a 502 that names the AWS error. Deliberately not toAppError's DynamoDB mapping:
 * there an AccessDeniedException is the caller's 403, but a dashboard whose metrics identity lacks
 * cloudwatch:GetMetricData is an upstream problem of the metrics panel, and the rest of the page keeps working.
 */
export function cloudWatchFailure(error: Error): AppError {
  // Network failures arrive as plain Errors whose `code` (ECONNREFUSED, ETIMEDOUT…) says more than the name.
  const code = (error as { code?: unknown }).code;
  const name = error.name === "Error" && typeof code === "string" ? code : error.name;
  const message = error.message.length > MAX_MESSAGE_CHARS ? `${error.message.slice(0, MAX_MESSAGE_CHARS)}…` : error.message;
  return new AppError("UPSTREAM", `CloudWatch failed: ${name}: ${message}`);
}
