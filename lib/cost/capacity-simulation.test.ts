import { describe, expect, it } from "vitest";
import { peakCapacity, simulateAutoScaling, simulateFixedPeak, type ResourceDemand } from "./capacity-simulation";

const NOON = Date.UTC(2026, 11, 3, 12, 0);
const repeat = (sum: number, minutes: number) => Array.from({ length: minutes }, () => sum);
/** Writes only; reads idle (they sit at their minimum of 1 and never touch the decrease quota). */
const writes = (writeUnits: number[], startMs = NOON): ResourceDemand => ({ startMs, readUnits: repeat(0, writeUnits.length), writeUnits });

describe("auto scaling at 70%, simulated minute by minute", () => {
  it("scales out after two minutes above the target, and counts what the delay throttled", () => {
    // 7/s (420 a minute) for 3 minutes, then 20/s (1200 a minute).
    const { write } = simulateAutoScaling(writes([...repeat(420, 3), ...repeat(1200, 7)]));
    // Start: 7 / 0.7 = 10. AlarmHigh needs two one-minute Sums above 0.7 × 10 × 60 = 420: 420 is not above it.
    // Minutes 3 and 4 serve 600 of 1200 (600 throttled each) → ALARM at the end of minute 4 → 600/60 / 0.7 = 14.3 → 15,
    // from minute 5. The alarm sees what was served, so the climb takes steps: minutes 5–6 serve 900 (300 throttled
    // each), both above 0.7 × 15 × 60 = 630 (minute 4's 600 is not) → 900/60 / 0.7 = 21.4 → 22 from minute 7.
    // Minutes 7–8 serve all 1200 > 0.7 × 22 × 60 = 924 → 20 / 0.7 = 28.6 → 29 from minute 9, where 1200 < 1218.
    expect(write.capacity).toEqual([10, 10, 10, 10, 10, 15, 15, 22, 22, 29]);
    expect(write.throttledUnits).toBe(600 + 600 + 300 + 300);
    expect(write.scaleOuts).toBe(3);
    expect(write.scaleIns).toBe(0);
    // (5 × 10 + 2 × 15 + 2 × 22 + 29) unit-minutes / 60.
    expect(write.capacityHours).toBeCloseTo(153 / 60, 10);
  });

  it("scales in only after 15 minutes at least 20 points below the target, then steps down again", () => {
    // 14/s for a minute (start at 14 / 0.7 = 20), then 8/s for 20 minutes, then 4/s for 17.
    const { write } = simulateAutoScaling(writes([840, ...repeat(480, 20), ...repeat(240, 17)]));
    // AlarmLow at 20 units: Sums below 0.5 × 20 × 60 = 600. 480 is; minutes 1–15 are the first 15 in a row, so the
    // scale-in comes at the end of minute 15: 8 / 0.7 = 11.4 → 12, from minute 16 (not at 14, whose window holds 840).
    // At 12: AlarmLow below 360, AlarmHigh above 504; 480 is neither. 240 is below 360 from minute 21; 15 of them end
    // at minute 35: 4 / 0.7 = 5.7 → 6 from minute 36.
    expect(write.capacity).toEqual([...repeat(20, 16), ...repeat(12, 20), ...repeat(6, 2)]);
    expect(write.scaleIns).toBe(2);
    expect(write.throttledUnits).toBe(0);
    expect(write.capacityHours).toBeCloseTo((16 * 20 + 20 * 12 + 2 * 6) / 60, 10);
  });

  it("stops at four decreases, waits an hour for the fifth, and gets four fresh ones at midnight UTC", () => {
    const start = Date.UTC(2026, 11, 3, 22, 0);
    // Each block of 15 minutes sits below 50% of the capacity the block before it set: 70/s, 35, 14, 7, 3.5, 1.4, 0.7.
    const series = [4200, ...repeat(2100, 15), ...repeat(840, 15), ...repeat(420, 15), ...repeat(210, 15), ...repeat(84, 59), ...repeat(42, 16)];
    const { write } = simulateAutoScaling(writes(series, start));
    // Scale-ins at the ends of minutes 15, 30, 45, 60 (22:16, 22:31, 22:46, 23:01): 100 → 50 → 20 → 10 → 5.
    // 1.4/s is below 0.5 × 5 from minute 61; the end of minute 75 (23:16) wants 2, but the fifth decrease must wait
    // an hour after 23:01: refused at the end of minutes 75–118 (23:16–23:59), 44 times. The end of minute 119 is
    // 00:00 on December 4: a new UTC day, so the decrease goes through there rather than at 00:01.
    // 0.7/s is below 0.5 × 2 from minute 120; at the end of minute 134 (00:15) → 1: only 15 minutes after the last
    // decrease, allowed as the new day's second.
    expect(write.capacity).toEqual([...repeat(100, 16), ...repeat(50, 15), ...repeat(20, 15), ...repeat(10, 15), ...repeat(5, 59), ...repeat(2, 15), 1]);
    expect(write.scaleIns).toBe(6);
    expect(write.decreasesRefused).toBe(44);
  });

  it("shares one decrease quota between a resource's reads and writes", () => {
    // Both dimensions step down together: 100 → 50 → 20 → 10 wants three decreases each, six in all.
    const series = [4200, ...repeat(2100, 15), ...repeat(840, 15), ...repeat(420, 17)];
    const { read, write } = simulateAutoScaling({ startMs: NOON, readUnits: series, writeUnits: series });
    // Ends of minutes 15 and 30: reads first, then writes (decreases 1–4). At the end of minute 45 both are refused
    // (the last decrease was 15 minutes before), and again at 46 and 47.
    for (const dimension of [read, write]) {
      expect(dimension.capacity).toEqual([...repeat(100, 16), ...repeat(50, 15), ...repeat(20, 17)]);
      expect(dimension.scaleIns).toBe(2);
      expect(dimension.decreasesRefused).toBe(3);
    }
  });

  it("keeps within the maximum (throttling above it) and the minimum", () => {
    const { write } = simulateAutoScaling(writes([...repeat(420, 2), ...repeat(1200, 5)]), { write: { max: 12 } });
    // 15 wanted at the end of minute 3 → 12. At 12, 720 a minute is served (480 throttled) and AlarmHigh (above 504)
    // stays in ALARM, but the target is already at its maximum.
    expect(write.capacity).toEqual([10, 10, 10, 10, 12, 12, 12]);
    expect(write.throttledUnits).toBe(2 * 600 + 3 * 480);
    expect(write.scaleOuts).toBe(1);

    // 1/s wants 2; the minimum of 5 holds it there from the start, and AlarmLow (below 150) cannot go under it.
    const low = simulateAutoScaling(writes(repeat(60, 20)), { write: { min: 5, max: 50 } }).write;
    expect(low.capacity).toEqual(repeat(5, 20));
    expect(low.scaleIns).toBe(0);
    expect(low.decreasesRefused).toBe(0);

    // A first minute needing 143 starts at the maximum of 50.
    expect(simulateAutoScaling(writes([6000]), { write: { max: 50 } }).write.capacity).toEqual([50]);
  });

  it("refuses bounds, targets and series it cannot simulate", () => {
    expect(() => simulateAutoScaling(writes([60]), { write: { min: 10, max: 5 } })).toThrow(RangeError);
    expect(() => simulateAutoScaling(writes([60]), { targetValue: 95 })).toThrow(RangeError);
    expect(() => simulateAutoScaling({ startMs: NOON, readUnits: [1, 2], writeUnits: [1] })).toThrow(/same minutes/);
    expect(() => simulateFixedPeak(writes([60, -1]))).toThrow(/writeUnits\[1\]/);
  });
});

describe("provisioned capacity fixed at the peak", () => {
  it("is the busiest minute's Sum / 60 rounded up, and never throttles the series it was sized on", () => {
    const series = [0, 30.5, 601, 599.5, 1200.25, 3];
    // 1200.25 / 60 = 20.004 → 21 units, six minutes: 6 × 21 / 60 = 2.1 unit-hours.
    const { write, read } = simulateFixedPeak(writes(series));
    expect(write.capacity).toEqual(repeat(21, 6));
    expect(write.throttledUnits).toBe(0);
    expect(write.capacityHours).toBeCloseTo(2.1, 10);
    // Idle reads still pay for DynamoDB's minimum of 1 unit.
    expect(read.capacity).toEqual(repeat(1, 6));
    expect(peakCapacity([1200])).toBe(20);
  });
});

describe("an empty series", () => {
  it("has no capacity, no hours and no throttling", () => {
    const empty = { capacity: [], capacityHours: 0, throttledUnits: 0, scaleOuts: 0, scaleIns: 0, decreasesRefused: 0 };
    expect(simulateAutoScaling(writes([]))).toEqual({ read: empty, write: empty });
    expect(simulateFixedPeak(writes([]))).toEqual({ read: empty, write: empty });
  });
});
