import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addStatisticSet, addValue, compactHistogram, emptyAggregate, MAX_EXACT_DISTINCT_VALUES, mergeInto, percentileOf } from "./metric-aggregate";
import { parseStatistic, statisticValue } from "./metric-statistic";

/** Nearest-rank percentile of a plain list, the definition the store promises; in hundredths of a percent so the rank is exact. */
function nearestRank(values: number[], hundredths: number): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((hundredths * sorted.length) / 10_000));
  return sorted[rank - 1];
}

const valuesArbitrary = fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 });

describe("aggregates", () => {
  it("merges any split of the samples into the same statistics as one bucket of all of them", () => {
    fc.assert(
      fc.property(valuesArbitrary, fc.array(fc.nat(), { maxLength: 6 }), (values, cuts) => {
        const whole = emptyAggregate();
        for (const value of values) addValue(whole, value, 1);
        const bounds = [...new Set(cuts.map((cut) => cut % (values.length + 1)))].sort((a, b) => a - b);
        const merged = emptyAggregate();
        let from = 0;
        for (const to of [...bounds, values.length]) {
          const part = emptyAggregate();
          for (const value of values.slice(from, to)) addValue(part, value, 1);
          mergeInto(merged, part);
          from = Math.max(from, to);
        }
        expect(merged.sampleCount).toBe(whole.sampleCount);
        expect(merged.sum).toBe(whole.sum);
        expect(merged.minimum).toBe(whole.minimum);
        expect(merged.maximum).toBe(whole.maximum);
        expect(new Map([...merged.histogram].sort())).toEqual(new Map([...whole.histogram].sort()));
      }),
    );
  });

  it("answers percentiles by nearest rank, exactly", () => {
    fc.assert(
      fc.property(valuesArbitrary, fc.integer({ min: 0, max: 10_000 }), (values, hundredths) => {
        const aggregate = emptyAggregate();
        for (const value of values) addValue(aggregate, value, 1);
        expect(percentileOf(aggregate, hundredths / 100)).toBe(nearestRank(values, hundredths));
      }),
    );
  });

  it("treats Values/Counts as repeated samples", () => {
    const aggregate = emptyAggregate();
    addValue(aggregate, 1, 3);
    addValue(aggregate, 5, 1);
    expect(aggregate).toMatchObject({ sampleCount: 4, sum: 8, minimum: 1, maximum: 5 });
    expect(percentileOf(aggregate, 75)).toBe(1);
    expect(percentileOf(aggregate, 76)).toBe(5);
  });

  it("expands a statistic set into values only when its minimum equals its maximum, as CloudWatch does", () => {
    const flat = emptyAggregate();
    addStatisticSet(flat, { sampleCount: 4, sum: 40, minimum: 10, maximum: 10 });
    expect(percentileOf(flat, 50)).toBe(10);

    const spread = emptyAggregate();
    addValue(spread, 3, 1);
    addStatisticSet(spread, { sampleCount: 2, sum: 10, minimum: 4, maximum: 6 });
    expect(spread).toMatchObject({ sampleCount: 3, sum: 13, minimum: 3, maximum: 6 });
    expect(percentileOf(spread, 50)).toBeUndefined();
  });

  it("gives no percentile when any value is negative", () => {
    const aggregate = emptyAggregate();
    addValue(aggregate, -1, 1);
    addValue(aggregate, 4, 1);
    expect(percentileOf(aggregate, 50)).toBeUndefined();
    expect(statisticValue(aggregate, { kind: "Sum" })).toBe(3);
  });

  it("bounds a bucket's histogram without touching its exact statistics", () => {
    const aggregate = emptyAggregate();
    for (let index = 0; index < 5_000; index += 1) addValue(aggregate, 1 + index / 1_000, 1);
    compactHistogram(aggregate);
    expect(aggregate.histogram.size).toBeLessThanOrEqual(MAX_EXACT_DISTINCT_VALUES);
    expect(aggregate.sampleCount).toBe(5_000);
    expect(aggregate.minimum).toBe(1);
    expect(aggregate.maximum).toBe(5.999);
    const p50 = percentileOf(aggregate, 50) ?? Number.NaN;
    expect(Math.abs(p50 - 3.499) / 3.499).toBeLessThan(0.005);
  });
});

describe("statistics", () => {
  it.each([
    ["Sum", { kind: "Sum" }],
    ["SampleCount", { kind: "SampleCount" }],
    ["p99", { kind: "percentile", percent: 99 }],
    ["p99.9", { kind: "percentile", percent: 99.9 }],
    ["p0", { kind: "percentile", percent: 0 }],
    ["p100", { kind: "percentile", percent: 100 }],
  ])("parses %s", (text, expected) => {
    expect(parseStatistic(text)).toEqual(expected);
  });

  it.each(["sum", "Avg", "p101", "p99.999", "P99", "tm99", "IQM", ""])("rejects %j", (text) => {
    expect(parseStatistic(text)).toBeUndefined();
  });

  it("computes the five standard statistics", () => {
    const aggregate = emptyAggregate();
    for (const value of [2, 4, 9]) addValue(aggregate, value, 1);
    expect(statisticValue(aggregate, { kind: "Sum" })).toBe(15);
    expect(statisticValue(aggregate, { kind: "Average" })).toBe(5);
    expect(statisticValue(aggregate, { kind: "Minimum" })).toBe(2);
    expect(statisticValue(aggregate, { kind: "Maximum" })).toBe(9);
    expect(statisticValue(aggregate, { kind: "SampleCount" })).toBe(3);
    expect(statisticValue(emptyAggregate(), { kind: "Sum" })).toBeUndefined();
  });
});
