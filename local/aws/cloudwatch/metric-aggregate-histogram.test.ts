import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addStatisticSet, addValue, emptyAggregate, mergeInto, percentileOf, type Aggregate } from "./metric-aggregate";
import { MetricStore } from "./metric-store";

/**
 * The histogram is implied while a bucket holds one value and dropped once percentiles are unavailable (memory); these
 * tests hold it to what a bucket that always kept its full histogram answers.
 */

/** The reference: every value and its count kept, percentiles refused once a spread statistic set was added. */
type Reference = { values: Map<number, number>; sampleCount: number; sum: number; available: boolean };

type Step = { kind: "value"; value: number; count: number } | { kind: "set"; minimum: number; spread: number; count: number } | { kind: "merge"; values: number[] };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), value: fc.integer({ min: 0, max: 4 }), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("set" as const), minimum: fc.integer({ min: 0, max: 4 }), spread: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("merge" as const), values: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }) }),
);

function apply(steps: readonly Step[]): { aggregate: Aggregate; reference: Reference } {
  const aggregate = emptyAggregate();
  const reference: Reference = { values: new Map(), sampleCount: 0, sum: 0, available: true };
  const keep = (value: number, count: number) => reference.values.set(value, (reference.values.get(value) ?? 0) + count);
  for (const step of steps) {
    if (step.kind === "value") {
      addValue(aggregate, step.value, step.count);
      keep(step.value, step.count);
      reference.sampleCount += step.count;
      reference.sum += step.value * step.count;
    } else if (step.kind === "set") {
      const maximum = step.minimum + step.spread;
      // Sum between count × minimum and count × maximum, as a real statistic set's is.
      const sum = step.minimum * step.count + step.spread;
      addStatisticSet(aggregate, { sampleCount: step.count, sum, minimum: step.minimum, maximum });
      if (step.spread === 0) keep(step.minimum, step.count);
      else reference.available = false;
      reference.sampleCount += step.count;
      reference.sum += sum;
    } else {
      const part = emptyAggregate();
      for (const value of step.values) addValue(part, value, 1);
      mergeInto(aggregate, part);
      for (const value of step.values) keep(value, 1);
      reference.sampleCount += step.values.length;
      reference.sum += step.values.reduce((total, value) => total + value, 0);
    }
  }
  return { aggregate, reference };
}

function referencePercentile(reference: Reference, p: number): number | undefined {
  if (!reference.available || reference.sampleCount === 0) return undefined;
  const rank = (p * reference.sampleCount) / 100;
  let cumulative = 0;
  for (const [value, count] of [...reference.values].sort((a, b) => a[0] - b[0])) {
    cumulative += count;
    if (cumulative >= rank - reference.sampleCount * 1e-12 && cumulative > 0) return value;
  }
  return undefined;
}

describe("the histogram kept only where it answers percentiles", () => {
  it("answers every statistic and percentile as a bucket that kept every value would", () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 12 }), fc.integer({ min: 0, max: 100 }), (steps, p) => {
        const { aggregate, reference } = apply(steps);
        expect(aggregate.sampleCount).toBe(reference.sampleCount);
        expect(aggregate.sum).toBe(reference.sum);
        expect(aggregate.percentilesAvailable).toBe(reference.available);
        expect(percentileOf(aggregate, p)).toBe(referencePercentile(reference, p));
        if (reference.available) expect(new Map([...aggregate.histogram].sort())).toEqual(new Map([...reference.values].sort()));
      }),
    );
  });

  it("keeps no histogram for a spread statistic set, and an implied one for a single repeated value", () => {
    const consumed = emptyAggregate();
    addValue(consumed, 3, 1);
    addStatisticSet(consumed, { sampleCount: 40, sum: 61, minimum: 0.5, maximum: 5 });
    expect(consumed.histogram.size).toBe(0);
    expect(consumed.distinctValues).toBe(0);
    const provisioned = emptyAggregate();
    addStatisticSet(provisioned, { sampleCount: 1, sum: 20, minimum: 20, maximum: 20 });
    addValue(provisioned, 20, 2);
    expect(provisioned.distinctValues).toBe(1);
    expect([...provisioned.histogram]).toEqual([[20, 3]]);
    expect(percentileOf(provisioned, 99)).toBe(20);
  });

  it("round-trips implied, kept and dropped histograms through a snapshot, writing what a full histogram would", () => {
    const store = new MetricStore();
    const metric = { namespace: "AWS/DynamoDB", dimensions: [{ name: "TableName", value: "Sessions" }], timestampMs: 600_000, unit: "Count" };
    store.put({ ...metric, metricName: "ProvisionedWriteCapacityUnits", statistics: { sampleCount: 1, sum: 20, minimum: 20, maximum: 20 } });
    store.put({ ...metric, metricName: "ConsumedWriteCapacityUnits", statistics: { sampleCount: 90, sum: 130, minimum: 1, maximum: 2 } });
    store.put({ ...metric, metricName: "SuccessfulRequestLatency", values: [{ value: 3, count: 2 }, { value: 7, count: 1 }] });
    const state = store.exportState();
    const buckets = Object.fromEntries(state.series.map((series) => [series.metricName, series.sets[0]?.buckets[0]]));
    expect(buckets.ProvisionedWriteCapacityUnits).toMatchObject({ n: 1, h: [[20, 1]], p: true });
    expect(buckets.ConsumedWriteCapacityUnits).toMatchObject({ n: 90, s: 130, h: [], p: false });
    expect(buckets.SuccessfulRequestLatency).toMatchObject({ n: 3, h: [[3, 2], [7, 1]], p: true });
    const copy = new MetricStore();
    copy.importState(JSON.parse(JSON.stringify(state)));
    expect(copy.exportState()).toEqual(state);
  });
});
