/**
 * The time window of a metrics request: validated, its period chosen, and aligned to that period. Client-safe, pure.
 */
import { choosePeriodSeconds, MAX_RETENTION_MS } from "./metric-period";
import { DEFAULT_METRIC_RANGE, RANGE_DURATION_MS, type MetricRange } from "./time-range";

/** Clocks disagree a little; an end this far ahead of the server's clock is still accepted. */
export const FUTURE_SKEW_MS = 5 * 60_000;
/**
 * DynamoDB's metrics reach CloudWatch a minute or more after the fact, so a window ending this recently may still
 * gain datapoints: it is cached like a live one.
 */
export const SETTLE_MS = 10 * 60_000;
export const LIVE_TTL_MAX_MS = 60_000;
export const PAST_TTL_MS = 10 * 60_000;

export type MetricWindow = {
  range: MetricRange | "custom";
  /** Epoch ms, aligned down to the period: the first grid timestamp. */
  startMs: number;
  /** Epoch ms, aligned up to the period, exclusive: the grid's last timestamp is endMs - period. */
  endMs: number;
  periodSeconds: number;
};

/** What a request may give: a range ending now, a range ending at `endMs`, or `startMs` to `endMs` (default now). */
export type WindowRequest = { range?: MetricRange; startMs?: number; endMs?: number };

export type WindowResult = { ok: true; window: MetricWindow } | { ok: false; message: string };

const DAY_MS = 86_400_000;
const fail = (message: string): WindowResult => ({ ok: false, message });

function beyondRetention(startMs: number, nowMs: number): WindowResult {
  const days = Math.floor((nowMs - startMs) / DAY_MS);
  return fail(`The window starts ${days} days ago, beyond CloudWatch's 455-day retention; nothing older can be read.`);
}

export function resolveMetricWindow(request: WindowRequest, nowMs: number): WindowResult {
  if (request.range !== undefined && request.startMs !== undefined) return fail("Give either range or start (with an optional end), not both.");
  const range = request.startMs !== undefined ? "custom" : (request.range ?? DEFAULT_METRIC_RANGE);
  const endMs = request.endMs ?? nowMs;
  const startMs = range === "custom" ? (request.startMs ?? nowMs) : endMs - RANGE_DURATION_MS[range];
  if (startMs >= endMs) return fail("start must be before end.");
  if (endMs > nowMs + FUTURE_SKEW_MS) return fail("end is in the future; CloudWatch has no data there yet.");
  if (nowMs - startMs > MAX_RETENTION_MS) return beyondRetention(startMs, nowMs);

  // Aligning widens the window, which can push it into a coarser retention tier or past the point limit, so settle
  // on a period whose aligned window still accepts it. Periods only grow here, so this ends within the ladder.
  let periodSeconds = choosePeriodSeconds(startMs, endMs, nowMs);
  for (;;) {
    if (periodSeconds === null) return beyondRetention(startMs, nowMs);
    const periodMs = periodSeconds * 1000;
    const alignedDown = Math.floor(startMs / periodMs) * periodMs;
    // At the very edge of retention, rounding down would ask for a period CloudWatch no longer has: start a period later.
    const aligned = {
      startMs: nowMs - alignedDown > MAX_RETENTION_MS ? alignedDown + periodMs : alignedDown,
      endMs: Math.ceil(endMs / periodMs) * periodMs,
    };
    if (aligned.startMs >= aligned.endMs) return beyondRetention(startMs, nowMs);
    const next = choosePeriodSeconds(aligned.startMs, aligned.endMs, nowMs);
    if (next === periodSeconds) return { ok: true, window: { range, ...aligned, periodSeconds } };
    periodSeconds = next;
  }
}

/** The shared, ascending timestamps (epoch ms) every series of a window is laid on. */
export function gridTimestamps(window: MetricWindow): number[] {
  const periodMs = window.periodSeconds * 1000;
  const length = Math.round((window.endMs - window.startMs) / periodMs);
  return Array.from({ length }, (_, index) => window.startMs + index * periodMs);
}

/** Whether the window may still gain datapoints: it reaches into the last SETTLE_MS. */
export function isLiveWindow(window: MetricWindow, nowMs: number): boolean {
  return window.endMs > nowMs - SETTLE_MS;
}

/** How long a fetched window stays fresh: one period, at most a minute, while live; ten minutes once settled. */
export function metricsTtlMs(window: MetricWindow, nowMs: number): number {
  return isLiveWindow(window, nowMs) ? Math.min(window.periodSeconds * 1000, LIVE_TTL_MAX_MS) : PAST_TTL_MS;
}

/**
 * The grid timestamp of the period that contains `nowMs`, or null when the window does not reach now. That period is
 * still filling: its Sum (and so its per-second rate) is lower than the finished period will be.
 */
export function partialFrom(window: MetricWindow, nowMs: number): number | null {
  if (nowMs < window.startMs || nowMs >= window.endMs) return null;
  const periodMs = window.periodSeconds * 1000;
  return Math.floor((nowMs - window.startMs) / periodMs) * periodMs + window.startMs;
}
