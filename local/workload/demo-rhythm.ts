/**
 * The demo traffic's daily and weekly rhythm, in UTC, so baselines (the same window a day or a week earlier) have
 * something to compare: a multiplier on the steady customer traffic that is 1 at night and at most 1.6, at 15:00 on
 * Tuesdays. Weekday afternoons reach 1.3–1.36, weekend afternoons 1.15. It never goes below 1: the demo's signals
 * (the hot key, GSI1 at its auto scaling maximum, Sessions' bursts) are set by traffic that is not scaled, so they hold
 * at any hour.
 */
const PEAK_HOUR_UTC = 15;
const MAX_LIFT = 0.6;
/** How busy each day's afternoon gets, Sunday first: Tuesday is the week's peak. */
export const WEEKDAY_WEIGHT = [0.25, 0.5, 1, 0.6, 0.55, 0.5, 0.25] as const;

/** 0 at 03:00 UTC, 1 at 15:00 UTC, smooth in between. */
export function timeOfDayShape(atMs: number): number {
  const hours = (atMs % 86_400_000) / 3_600_000;
  return 0.5 - 0.5 * Math.cos((2 * Math.PI * (hours - (PEAK_HOUR_UTC - 12))) / 24);
}

/** The multiplier on the steady traffic at `atMs`. */
export function demoRhythm(atMs: number): number {
  const weight = WEEKDAY_WEIGHT[new Date(atMs).getUTCDay()] ?? 0;
  return 1 + MAX_LIFT * timeOfDayShape(atMs) * weight;
}
