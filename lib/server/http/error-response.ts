import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { throttleInfo } from "@/lib/server/jobs/throttle-error";

const NO_STORE = { "Cache-Control": "no-store" } as const;

const THROTTLE_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "LimitExceededException",
]);

const CREDENTIAL_NAMES = new Set([
  "CredentialsProviderError",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "ExpiredToken",
]);

/** Maps an AWS SDK error to an AppError by its `name`, which is stable across SDK versions. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (!(error instanceof Error)) return undefined;
  if (error instanceof ReadOnlyViolationError) return undefined;
  const name = error.name;
  if (name === "ResourceNotFoundException") return new AppError("NOT_FOUND", "The table or index does not exist.");
  if (name === "ValidationException") return new AppError("BAD_REQUEST", `DynamoDB rejected the request: ${error.message}`);
  if (THROTTLE_NAMES.has(name)) return throttledError(error);
  if (name === "AccessDeniedException") {
    return new AppError("FORBIDDEN", "The server's AWS credentials are not allowed to do this; see the IAM policy in the README.");
  }
  if (CREDENTIAL_NAMES.has(name)) {
    return new AppError("UPSTREAM", `AWS rejected the server's credentials (${name}).`);
  }
  const code = (error as { code?: unknown }).code;
  if (name === "TimeoutError" || code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ETIMEDOUT") {
    return new AppError("UPSTREAM", `Could not reach AWS (${typeof code === "string" ? code : name}).`);
  }
  return undefined;
}

/** Seconds a throttled client should wait: DynamoDB's capacity refills every second, its burst over minutes. */
const THROTTLE_RETRY_AFTER_SECONDS = 5;

/**
 * A throttle reaches the page only after the SDK's own retries with backoff failed, so the message says so in plain
 * words (viewers may never have heard of capacity units), and names DynamoDB's reason when it gave one.
 */
function throttledError(error: Error): AppError {
  const reason = throttleInfo(error)?.reason;
  return new AppError(
    "THROTTLED",
    `DynamoDB is throttling this dashboard: the table is using all the capacity it is allowed right now${reason ? ` (${reason})` : ""}. The dashboard already retried; try again in a few seconds.`,
    THROTTLE_RETRY_AFTER_SECONDS,
  );
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError) {
    const headers: Record<string, string> = { ...NO_STORE };
    if (appError.retryAfterSeconds !== undefined) headers["Retry-After"] = String(appError.retryAfterSeconds);
    return Response.json(appError.toEnvelope(), { status: appError.status, headers });
  }
  // Unexpected: log the detail on the server, tell the client nothing internal.
  console.error("[dynamo-lens] unexpected error", error);
  return Response.json(new AppError("INTERNAL", "Internal server error.").toEnvelope(), {
    status: 500,
    headers: NO_STORE,
  });
}

export function jsonResponse(body: unknown, init: { status?: number } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: NO_STORE });
}
