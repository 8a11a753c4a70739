import { describe, expect, it } from "vitest";
import { choosePeriodSeconds, MAX_POINTS_PER_SERIES, periodMultipleForAge } from "./metric-period";
import { FUTURE_SKEW_MS, gridTimestamps, metricsTtlMs, partialFrom, resolveMetricWindow, type MetricWindow, type WindowRequest } from "./metric-window";
import { METRIC_RANGES, RANGE_DURATION_MS } from "./time-range";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// A "now" that is not aligned to anything, so alignment is visible.
const NOW = Date.UTC(2025, 5, 18, 14, 37, 23, 456);

function resolved(request: WindowRequest, nowMs = NOW): MetricWindow {
  const result = resolveMetricWindow(request, nowMs);
  if (!result.ok) throw new Error(`expected a window, got: ${result.message}`);
  return result.window;
}

function rejected(request: WindowRequest, nowMs = NOW): string {
  const result = resolveMetricWindow(request, nowMs);
  if (result.ok) throw new Error("expected the window to be refused");
  return result.message;
}

describe("period selection at every range", () => {
  it.each([
    ["15m", 60],
    ["1h", 60],
    ["3h", 60],
    ["12h", 60],
    ["1d", 60],
    ["3d", 300],
    ["1w", 600],
    ["2w", 900],
  ] as const)("%s → %i s", (range, period) => {
    const window = resolved({ range });
    expect(window.range).toBe(range);
    expect(window.periodSeconds).toBe(period);
    const periodMs = period * 1000;
    // Start aligned down, end aligned up, and the whole range inside.
    expect(window.startMs % periodMs).toBe(0);
    expect(window.endMs % periodMs).toBe(0);
    expect(window.startMs).toBeLessThanOrEqual(NOW - RANGE_DURATION_MS[range]);
    expect(window.startMs).toBeGreaterThan(NOW - RANGE_DURATION_MS[range] - periodMs);
    expect(window.endMs).toBeGreaterThanOrEqual(NOW);
    expect(window.endMs).toBeLessThan(NOW + periodMs);
    expect(gridTimestamps(window).length).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });

  it("covers every range the API offers", () => {
    for (const range of METRIC_RANGES) expect(resolved({ range }).periodSeconds % 60).toBe(0);
  });

  it("defaults to the last hour", () => {
    expect(resolved({})).toMatchObject({ range: "1h", periodSeconds: 60 });
  });

  it("reads a range ending at a given end", () => {
    const end = NOW - 2 * DAY;
    const window = resolved({ range: "3h", endMs: end });
    expect(window.endMs).toBe(Math.ceil(end / MINUTE) * MINUTE);
    expect(window.startMs).toBe(Math.floor((end - 3 * HOUR) / MINUTE) * MINUTE);
  });
});

describe("custom windows and CloudWatch's retention tiers", () => {
  it.each([
    ["an hour, under 3 hours old", NOW - HOUR, NOW, 60, 60],
    ["a day, 10 days old", NOW - 10 * DAY, NOW - 9 * DAY, 60, 60],
    ["an hour, 20 days old (5-minute data only)", NOW - 20 * DAY, NOW - 20 * DAY + HOUR, 300, 300],
    ["ten days, 50 days old", NOW - 50 * DAY, NOW - 40 * DAY, 600, 300],
    ["an hour, 100 days old (hourly data only)", NOW - 100 * DAY, NOW - 100 * DAY + HOUR, 3_600, 3_600],
    ["a year, 400 days old", NOW - 400 * DAY, NOW - 35 * DAY, 21_600, 3_600],
    ["455 days back to now", NOW - 455 * DAY + 13 * HOUR, NOW, 43_200, 3_600],
  ])("%s", (_name, startMs, endMs, period, multiple) => {
    const window = resolved({ startMs, endMs });
    expect(window.range).toBe("custom");
    expect(window.periodSeconds).toBe(period);
    expect(window.periodSeconds % multiple).toBe(0);
    expect(periodMultipleForAge(NOW - window.startMs)).toBe(multiple);
    expect(gridTimestamps(window).length).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    expect(window.startMs % (period * 1000)).toBe(0);
    expect(window.endMs % (period * 1000)).toBe(0);
  });

  it("moves to a coarser tier when aligning the start pushes it past 15 days", () => {
    // Raw start 15 days minus 30 s ago: a 60 s multiple would do, but the 120 s-aligned start is over 15 days old.
    const startMs = NOW - 15 * DAY + 30_000;
    const window = resolved({ startMs, endMs: startMs + 2 * DAY });
    expect(NOW - window.startMs).toBeGreaterThan(15 * DAY);
    expect(window.periodSeconds % 300).toBe(0);
  });

  it("starts a period late rather than before retention at its very edge", () => {
    const window = resolved({ startMs: NOW - 455 * DAY + HOUR, endMs: NOW });
    expect(NOW - window.startMs).toBeLessThanOrEqual(455 * DAY);
    expect(window.startMs).toBeGreaterThanOrEqual(NOW - 455 * DAY + HOUR);
  });

  it("uses start to now when only start is given", () => {
    const window = resolved({ startMs: NOW - 30 * MINUTE });
    expect(window.endMs).toBe(Math.ceil(NOW / MINUTE) * MINUTE);
  });

  it("chooses null beyond 455 days", () => {
    expect(choosePeriodSeconds(NOW - 456 * DAY, NOW - 455.5 * DAY, NOW)).toBeNull();
  });
});

describe("validation", () => {
  it("refuses start after end, and start equal to end", () => {
    expect(rejected({ startMs: NOW - HOUR, endMs: NOW - 2 * HOUR })).toMatch(/start must be before end/);
    expect(rejected({ startMs: NOW - HOUR, endMs: NOW - HOUR })).toMatch(/start must be before end/);
  });

  it("refuses a window beyond retention", () => {
    expect(rejected({ startMs: NOW - 500 * DAY, endMs: NOW - 499 * DAY })).toMatch(/beyond CloudWatch's 455-day retention/);
  });

  it("refuses an end in the future beyond the skew, and accepts one within it", () => {
    expect(rejected({ startMs: NOW - HOUR, endMs: NOW + FUTURE_SKEW_MS + 1 })).toMatch(/future/);
    expect(resolved({ startMs: NOW - HOUR, endMs: NOW + FUTURE_SKEW_MS }).endMs).toBeGreaterThan(NOW);
    expect(rejected({ startMs: NOW + HOUR })).toMatch(/start must be before end/);
  });

  it("refuses a range together with a start", () => {
    expect(rejected({ range: "1h", startMs: NOW - HOUR })).toMatch(/either range or start/);
  });
});

describe("grid, TTL and the partial period", () => {
  it("lays one ascending timestamp per period from start to end (exclusive)", () => {
    const window = resolved({ startMs: Date.UTC(2025, 5, 18, 10, 0), endMs: Date.UTC(2025, 5, 18, 10, 5) });
    expect(gridTimestamps(window)).toEqual([0, 1, 2, 3, 4].map((minute) => Date.UTC(2025, 5, 18, 10, minute)));
  });

  it("caches a live window for at most a minute and a settled one for ten", () => {
    expect(metricsTtlMs(resolved({ range: "1h" }), NOW)).toBe(60_000);
    expect(metricsTtlMs(resolved({ range: "2w" }), NOW)).toBe(60_000);
    expect(metricsTtlMs(resolved({ startMs: NOW - 3 * HOUR, endMs: NOW - 2 * HOUR }), NOW)).toBe(600_000);
  });

  it("marks the period that contains now, and nothing for a past window", () => {
    const live = resolved({ range: "1h" });
    expect(partialFrom(live, NOW)).toBe(Math.floor(NOW / MINUTE) * MINUTE);
    expect(partialFrom(resolved({ startMs: NOW - 3 * HOUR, endMs: NOW - 2 * HOUR }), NOW)).toBeNull();
  });
});
