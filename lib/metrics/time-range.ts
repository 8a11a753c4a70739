/** The time ranges the metrics API and the capacity charts offer. Client-safe. */

export const METRIC_RANGES = ["15m", "1h", "3h", "12h", "1d", "3d", "1w", "2w"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const RANGE_DURATION_MS: Readonly<Record<MetricRange, number>> = {
  "15m": 15 * MINUTE_MS,
  "1h": HOUR_MS,
  "3h": 3 * HOUR_MS,
  "12h": 12 * HOUR_MS,
  "1d": DAY_MS,
  "3d": 3 * DAY_MS,
  "1w": 7 * DAY_MS,
  "2w": 14 * DAY_MS,
};

export const DEFAULT_METRIC_RANGE: MetricRange = "1h";

export function isMetricRange(value: string): value is MetricRange {
  return (METRIC_RANGES as readonly string[]).includes(value);
}

/**
 * An instant from a query string: epoch milliseconds, or an ISO 8601 date-time with a zone ("Z" or an offset).
 * A zone is required because a zone-less time would be read in the server's zone, not the viewer's.
 */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,15}$/.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  return Number.isFinite(ms) ? ms : null;
}
