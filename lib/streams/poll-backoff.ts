/**
 * How long a reader waits between two GetRecords calls on one shard. AWS allows about 5 GetRecords calls a second per
 * shard, shared by every reader (the table's Lambda or KCL consumers too), and answers the excess with
 * LimitExceededException. A throttled reader doubles its interval, up to 16× the configured one; each successful call
 * halves it again, back down to the configured interval. Client-safe and pure.
 */

export const MAX_BACKOFF_FACTOR = 16;

/** The exceptions DynamoDB Streams answers a reader over the shared rate with (the SDK's error `name`). */
const STREAM_THROTTLE_NAMES = new Set(["LimitExceededException", "ThrottlingException"]);

export function isStreamThrottle(error: unknown): boolean {
  return error instanceof Error && STREAM_THROTTLE_NAMES.has(error.name);
}

/** The factor after a throttled call: doubled, at most MAX_BACKOFF_FACTOR. */
export function backOff(factor: number): number {
  return Math.min(MAX_BACKOFF_FACTOR, Math.max(1, factor) * 2);
}

/** The factor after a successful call: halved, at least 1 (easing back, so one success does not invite a new throttle). */
export function easeBack(factor: number): number {
  return Math.max(1, factor / 2);
}

/** The wait before the shard's next call. */
export function pollDelayMs(pollIntervalMs: number, factor: number): number {
  return pollIntervalMs * Math.min(MAX_BACKOFF_FACTOR, Math.max(1, factor));
}
