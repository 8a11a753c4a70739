import "server-only";
import { z } from "zod";
import type { ThrottleInfo } from "@/lib/jobs/job-types";

/** The exceptions DynamoDB answers a throttled data-plane request with. */
const THROTTLE_NAMES = new Set(["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"]);

const reasonsSchema = z.array(z.object({ reason: z.string().optional(), resource: z.string().optional() }));

/**
 * What a throttling exception says about its cause, or null for any other error. Since August 2025 these exceptions
 * carry ThrottlingReasons [{ reason, resource }]; the SDK models ThrottlingException's member as `throttlingReasons`
 * (lower case), so both spellings are read.
 */
export function throttleInfo(error: unknown): ThrottleInfo | null {
  if (!(error instanceof Error) || !THROTTLE_NAMES.has(error.name)) return null;
  const raw = "ThrottlingReasons" in error ? error.ThrottlingReasons : "throttlingReasons" in error ? error.throttlingReasons : undefined;
  const parsed = reasonsSchema.safeParse(raw);
  const first = parsed.success ? parsed.data[0] : undefined;
  return { reason: first?.reason ?? null, resource: first?.resource ?? null, message: error.message || error.name };
}
