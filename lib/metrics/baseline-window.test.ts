import { describe, expect, it } from "vitest";
import { baselineBlock, BASELINE_OFFSET_MS, isBaselineOffset, pastWindowProblem, shiftWindow } from "./baseline-window";
import { gridTimestamps, resolveMetricWindow, type MetricWindow } from "./metric-window";
import { METRIC_RANGES } from "./time-range";

const NOW = Date.UTC(2026, 10, 25, 14, 37, 20);
const DAY = 86_400_000;

function resolved(request: Parameters<typeof resolveMetricWindow>[0]): MetricWindow {
  const result = resolveMetricWindow(request, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.window;
}

describe("baseline windows", () => {
  it("knows its offsets", () => {
    expect(BASELINE_OFFSET_MS).toEqual({ "1d": DAY, "1w": 7 * DAY });
    expect(["1d", "1w", "2w", ""].map(isBaselineOffset)).toEqual([true, true, false, false]);
  });

  it.each(METRIC_RANGES.flatMap((range) => (["1d", "1w"] as const).map((offset) => [range, offset] as const)))("shifts range=%s back %s onto a grid as long as the live one, aligned to the period", (range, offset) => {
    const live = resolved({ range });
    const past = shiftWindow(live, BASELINE_OFFSET_MS[offset]);
    expect(gridTimestamps(past).map((ms) => ms + BASELINE_OFFSET_MS[offset])).toEqual(gridTimestamps(live));
    expect(past.startMs % (past.periodSeconds * 1000)).toBe(0);
    // The cached block holds the past window, starts on the period grid, and is a quarter of the periods longer.
    const block = baselineBlock(past);
    const periodMs = past.periodSeconds * 1000;
    const periods = (past.endMs - past.startMs) / periodMs;
    expect(block.startMs).toBeLessThanOrEqual(past.startMs);
    expect(block.endMs).toBeGreaterThanOrEqual(past.endMs);
    expect(block.startMs % periodMs).toBe(0);
    expect((block.endMs - block.startMs) / periodMs).toBe(periods + Math.ceil(periods / 4));
  });

  it("keeps a sliding live window's baseline in one block for a quarter of the window", () => {
    // A live hour is 61 one-minute periods (its end rounds up), so a block lasts 16 minutes: an hour of refreshes
    // every minute costs 4 or 5 past reads instead of 60.
    const blocks = Array.from({ length: 60 }, (_, minute) => baselineBlock(shiftWindow(resolved({ range: "1h", endMs: Date.UTC(2026, 10, 25, 13, minute, 30) }), DAY)));
    expect(new Set(blocks.map((block) => block.startMs)).size).toBeLessThanOrEqual(5);
  });

  it("says when CloudWatch no longer keeps the past window at the live period", () => {
    expect(pastWindowProblem(shiftWindow(resolved({ range: "1h" }), 7 * DAY), NOW)).toBeNull();
    // 14 days back at one-minute periods is fine; a week before that needs 5-minute periods.
    const old = resolved({ startMs: NOW - 14 * DAY, endMs: NOW - 14 * DAY + 3_600_000 });
    expect(old.periodSeconds).toBe(60);
    expect(pastWindowProblem(shiftWindow(old, 7 * DAY), NOW)).toMatch(/only at 300-second periods/);
    const ancient = resolved({ startMs: NOW - 454 * DAY, endMs: NOW - 453 * DAY });
    expect(pastWindowProblem(shiftWindow(ancient, 7 * DAY), NOW)).toMatch(/455 days/);
  });
});
