/**
 * Baselines: the same window one day or one week earlier, read from CloudWatch and laid on the live window's
 * timestamps. Which past window that is, which block of the past is fetched and cached for it, and whether CloudWatch
 * still has it at the live window's period. Client-safe, pure.
 */
import { MAX_RETENTION_MS, periodMultipleForAge } from "./metric-period";
import type { MetricWindow } from "./metric-window";

export const BASELINE_OFFSETS = ["1d", "1w"] as const;
export type BaselineOffset = (typeof BASELINE_OFFSETS)[number];

const DAY_MS = 86_400_000;
export const BASELINE_OFFSET_MS: Readonly<Record<BaselineOffset, number>> = { "1d": DAY_MS, "1w": 7 * DAY_MS };

/** How a baseline is named in sentences and chart legends. */
export const BASELINE_LABEL: Readonly<Record<BaselineOffset, "yesterday" | "last week">> = { "1d": "yesterday", "1w": "last week" };

export function isBaselineOffset(value: string): value is BaselineOffset {
  return (BASELINE_OFFSETS as readonly string[]).includes(value);
}

/**
 * The live window moved back by the offset, same period. Both offsets are whole days, and every period of the ladder
 * divides a day, so the shifted window stays aligned to its period and its grid has the live grid's length.
 */
export function shiftWindow(window: MetricWindow, offsetMs: number): MetricWindow {
  return { range: window.range, startMs: window.startMs - offsetMs, endMs: window.endMs - offsetMs, periodSeconds: window.periodSeconds };
}

/**
 * The block of the past fetched (and cached) for a shifted window: it starts at the shifted start rounded down to a
 * step of a quarter of the window (at least one period), and runs a window and a step long, so it holds the shifted
 * window. A live window slides a minute at a time; its baseline then stays inside one block for a quarter of the
 * window, and the viewers' refreshes cost one GetMetricData round per step, not one per minute, for 25% more points.
 */
export function baselineBlock(shifted: MetricWindow): MetricWindow {
  const periodMs = shifted.periodSeconds * 1000;
  const lengthMs = shifted.endMs - shifted.startMs;
  const stepMs = Math.max(periodMs, Math.ceil(lengthMs / 4 / periodMs) * periodMs);
  const startMs = Math.floor(shifted.startMs / stepMs) * stepMs;
  return { range: "custom", startMs, endMs: startMs + stepMs + lengthMs, periodSeconds: shifted.periodSeconds };
}

/**
 * Why CloudWatch cannot answer this past window at this period, or null when it can. GetMetricData returns nothing
 * for a period that is not a multiple of what the start's age still keeps (60 s up to 15 days back, 300 s up to 63,
 * 3600 s up to 455), and nothing at all beyond 455 days. A window near such a boundary can have a baseline that falls
 * past it: then there is no baseline at this period, and the response says why rather than showing empty lines.
 */
export function pastWindowProblem(window: MetricWindow, nowMs: number): string | null {
  const age = nowMs - window.startMs;
  if (age > MAX_RETENTION_MS) return "CloudWatch keeps metrics for 455 days; this past window is older.";
  const multiple = periodMultipleForAge(age);
  if (multiple === null || window.periodSeconds % multiple !== 0) {
    return `CloudWatch keeps data this old only at ${multiple ?? "coarser"}-second periods, not at this window's ${window.periodSeconds}-second period; choose a longer range to compare.`;
  }
  return null;
}
