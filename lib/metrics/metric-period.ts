/**
 * Period selection for CloudWatch's AWS/DynamoDB metrics. Client-safe, pure.
 *
 * CloudWatch keeps 60 s datapoints for 15 days, 300 s for 63 days and 3600 s for 455 days, and GetMetricData
 * returns nothing unless the period is a multiple of what the start's age still has: a multiple of 60 up to
 * 15 days back, of 300 up to 63 days, of 3600 beyond. Periods under 60 s exist only for high-resolution custom
 * metrics; DynamoDB publishes one-minute data, so 60 s is the finest period worth asking for.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** About what a chart can draw without thinning, and well inside GetMetricData's 100,800 datapoints per call. */
export const MAX_POINTS_PER_SERIES = 1_500;

export const RETENTION_TIERS = [
  { maxAgeMs: 15 * DAY_MS, periodMultipleSeconds: 60 },
  { maxAgeMs: 63 * DAY_MS, periodMultipleSeconds: 300 },
  { maxAgeMs: 455 * DAY_MS, periodMultipleSeconds: 3_600 },
] as const;

export const MAX_RETENTION_MS = 455 * DAY_MS;

/** Periods we choose from, finest first; each is a multiple of 60, and those from 3600 up are multiples of 3600. */
export const PERIOD_LADDER_SECONDS = [60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400] as const;

/** The multiple a period must be for data starting this long ago; null when CloudWatch no longer has it. */
export function periodMultipleForAge(startAgeMs: number): number | null {
  const tier = RETENTION_TIERS.find((candidate) => startAgeMs <= candidate.maxAgeMs);
  return tier ? tier.periodMultipleSeconds : null;
}

/** The finest ladder period that keeps the window within MAX_POINTS_PER_SERIES and is valid for the start's age. */
export function choosePeriodSeconds(startMs: number, endMs: number, nowMs: number): number | null {
  const multiple = periodMultipleForAge(nowMs - startMs);
  if (multiple === null) return null;
  const minimumSeconds = (endMs - startMs) / 1000 / MAX_POINTS_PER_SERIES;
  const period = PERIOD_LADDER_SECONDS.find((candidate) => candidate >= minimumSeconds && candidate % multiple === 0);
  return period ?? null;
}
