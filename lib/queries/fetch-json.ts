import { isErrorCode, type ErrorCode } from "@/lib/errors/app-error";

/** An API error as the browser sees it: the envelope's code and message, plus the HTTP status. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK",
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  } catch (error) {
    throw new ApiError(0, "NETWORK", error instanceof Error ? `Could not reach the server: ${error.message}` : "Could not reach the server.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = isErrorCode(envelope?.code) ? envelope.code : "INTERNAL";
    const message = typeof envelope?.message === "string" ? envelope.message : `Request failed with HTTP ${response.status}.`;
    throw new ApiError(response.status, code, message);
  }
  return body as T;
}

/** Retry network failures, 5xx and 429; a 4xx will not get better by asking again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) return false;
  return true;
}
