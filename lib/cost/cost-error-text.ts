import { ApiError } from "@/lib/queries/fetch-json";

/**
 * What the Cost section says when the cost route fails. The server's message is always shown whole: for a region the
 * price table does not cover (409 CONFLICT) it says how to set PRICES_FILE, which is the fix. Pure, client-safe.
 */
export type CostErrorText = { title: string; message: string; retry: boolean };

export function costErrorText(error: unknown): CostErrorText {
  const message = error instanceof Error && error.message ? error.message : "The server gave no reason.";
  if (error instanceof ApiError && error.status === 409) {
    return { title: "No prices for this table's region", message, retry: false };
  }
  if (error instanceof ApiError && error.status === 400) {
    return { title: "The cost range was not accepted", message, retry: false };
  }
  if (error instanceof ApiError && error.status === 404) {
    return { title: "The cost could not be worked out", message, retry: false };
  }
  // Network failures, 5xx and throttling may pass: CloudWatch or the server may answer next time.
  return { title: "The cost could not be worked out", message: `${message} The rest of the page still works.`, retry: true };
}
