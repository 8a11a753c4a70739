import { describe, expect, it } from "vitest";
import { baselinePhrase, compareWithBaseline, ratioText } from "./baseline-compare";
import { BASELINE_OFFSET_MS, type BaselineOffset } from "./baseline-window";
import { capacitySummary } from "./capacity-summary";
import type { MetricSeries, MetricsBaseline, MetricsResponse } from "./metrics-response";

const T0 = Date.UTC(2026, 10, 25, 14, 0);
const MINUTE = 60_000;
const timestamps = [0, 1, 2, 3].map((i) => T0 + i * MINUTE);
type Values = Array<number | null>;

function series(metric: string, stat: MetricSeries["stat"], values: Values, scope: { index?: string; operation?: MetricSeries["scope"]["operation"] } = {}): MetricSeries {
  const perSecond = metric.startsWith("Consumed");
  const where = scope.index ? `gsi:${scope.index}` : "table";
  return {
    id: `${where}${scope.operation ? `/op:${scope.operation}` : ""}/${metric}/${stat}${perSecond ? "/per_second" : ""}`,
    metric,
    stat,
    unit: perSecond ? "WCU/s" : "events",
    period: 60,
    scope: { table: "T", index: scope.index ?? null, operation: scope.operation ?? null },
    label: metric,
    values,
  };
}

const writes = (values: Values, index?: string) => series("ConsumedWriteCapacityUnits", "Sum", values, { index });
const reads = (values: Values, index?: string) => series("ConsumedReadCapacityUnits", "Sum", values, { index });
const writeThrottles = (values: Values) => series("WriteThrottleEvents", "Sum", values);
const getItems = (values: Values) => series("SuccessfulRequestLatency", "SampleCount", values, { operation: "GetItem" });

function response(list: MetricSeries[], baseline: MetricSeries[] | null = null, offset: BaselineOffset = "1w", partialFrom: number | null = null): MetricsResponse {
  const offsetMs = BASELINE_OFFSET_MS[offset];
  const end = T0 + 4 * MINUTE;
  const past: MetricsBaseline | null = baseline ? { offset, offsetMs, start: T0 - offsetMs, end: end - offsetMs, series: baseline, fetchedAt: T0, cache: "miss" } : null;
  return { table: "T", range: "custom", start: T0, end, period: 60, timestamps, partialFrom, series: list, fetchedAt: T0, cache: "miss", baseline: past };
}

function compare(live: MetricSeries[], past: MetricSeries[], options: { offset?: BaselineOffset; partialFrom?: number | null; index?: string | null } = {}) {
  const built = response(live, past, options.offset, options.partialFrom ?? null);
  if (!built.baseline) throw new Error("fixture has no baseline");
  return compareWithBaseline(built, built.baseline, options.index ?? null);
}

describe("compareWithBaseline", () => {
  it("gives ratios of totals and of peaks for reads and writes, in units over the window", () => {
    const result = compare([writes([30, 30, 30, 34]), reads([10, 10, 10, 10])], [writes([10, 10, 10, 10]), reads([12, 8, 10, 10])]);
    expect(result.hasBaselineData).toBe(true);
    expect(result.measures.writes).toEqual({
      measure: "writes",
      live: { total: 124 * 60, peak: 34, periods: 4 },
      past: { total: 40 * 60, peak: 10, periods: 4 },
      totalRatio: 3.1,
      peakRatio: 3.4,
      status: "compared",
    });
    expect(result.measures.reads.totalRatio).toBe(1);
    expect(result.measures.reads.peakRatio).toBeCloseTo(10 / 12);
  });

  it("sums requests over the operations and leaves the live window's partial period out of both sides", () => {
    const result = compare([getItems([60, 60, 60, 1])], [getItems([30, 30, 30, 30])], { partialFrom: timestamps[3] ?? null });
    expect(result.measures.requests).toMatchObject({ live: { total: 180, periods: 3 }, past: { total: 90, periods: 3 }, totalRatio: 2, status: "compared" });
  });

  it("never turns a missing baseline into zero", () => {
    const result = compare([writes([10, 10, 10, 10])], [writes([null, null, null, null])]);
    expect(result.hasBaselineData).toBe(false);
    expect(result.measures.writes).toMatchObject({ past: null, totalRatio: null, status: "no-baseline" });
    // Reads were not published on either side: no baseline is said first.
    expect(result.measures.reads.status).toBe("no-baseline");
  });

  it("says no live data when only the past has figures", () => {
    expect(compare([writes([null, null, null, null])], [writes([5, 5, 5, 5])]).measures.writes).toMatchObject({ live: null, status: "no-data" });
  });

  it("treats absent throttle events as none when that side had traffic, and compares from zero without a ratio", () => {
    const result = compare([writes([10, 10, 10, 10]), writeThrottles([null, 40, 2, null])], [writes([10, 10, 10, 10])]);
    expect(result.measures.throttles).toMatchObject({ live: { total: 42, peak: 40 }, past: { total: 0, peak: 0 }, totalRatio: null, status: "from-zero" });
    const quiet = compare([writes([10, 10, 10, 10])], [writes([10, 10, 10, 10])]);
    expect(quiet.measures.throttles.status).toBe("both-zero");
    // Without traffic on a side, nothing says whether it throttled.
    expect(compare([writes([10, 10, 10, 10])], [reads([null, null, null, null])]).measures.throttles.status).toBe("no-baseline");
  });

  it("reads one GSI's own series when asked for it", () => {
    const result = compare([writes([10, 10, 10, 10]), writes([8, 8, 8, 8], "GSI1")], [writes([10, 10, 10, 10]), writes([2, 2, 2, 2], "GSI1")], { index: "GSI1" });
    expect(result.measures.writes.totalRatio).toBe(4);
    expect(result.measures.requests.status).toBe("no-baseline");
  });
});

describe("baselinePhrase", () => {
  it("says how many times the same hour last week, the biggest departure first", () => {
    const result = compare([writes([30, 30, 30, 34]), reads([10, 10, 10, 10])], [writes([10, 10, 10, 10]), reads([10, 10, 10, 10])]);
    expect(baselinePhrase(result)).toBe("writes 3.1× the same hour last week, reads about the same");
  });

  it("says 'about the same as yesterday' when nothing departs by a quarter", () => {
    const result = compare([writes([11, 11, 11, 11]), reads([10, 10, 10, 10])], [writes([10, 10, 10, 10]), reads([9, 9, 9, 9])], { offset: "1d" });
    expect(baselinePhrase(result)).toBe("writes and reads about the same as yesterday");
    const readsOnly = compare([reads([10, 10, 10, 10])], [reads([9, 9, 9, 9])], { offset: "1d" });
    expect(baselinePhrase(readsOnly)).toBe("reads about the same as yesterday");
  });

  it("says when there is no baseline data", () => {
    expect(baselinePhrase(compare([writes([10, 10, 10, 10])], []))).toBe("no baseline data for last week");
    expect(baselinePhrase(compare([writes([10, 10, 10, 10])], [writes([null, null, null, null])], { offset: "1d" }))).toBe("no baseline data for yesterday");
  });

  it("states a drop as a share below, and traffic where there was none", () => {
    expect(baselinePhrase(compare([writes([4, 4, 4, 4])], [writes([10, 10, 10, 10])]))).toBe("writes 60% below the same hour last week");
    expect(baselinePhrase(compare([writes([4, 4, 4, 4])], [writes([0, 0, 0, 0])]))).toBe("writes where there were none the same hour last week");
  });

  it("falls back to requests when no consumption was published", () => {
    expect(baselinePhrase(compare([getItems([60, 60, 60, 60])], [getItems([20, 20, 20, 20])]))).toBe("requests 3.0× the same hour last week");
  });

  it("formats ratios: one decimal, whole numbers from 10, drops as a percentage below", () => {
    expect([ratioText(3.14), ratioText(12.4), ratioText(1), ratioText(0.42), ratioText(0.001), ratioText(0)]).toEqual(["3.1×", "12×", "1.0×", "58% below", "99% below", "100% below"]);
  });
});

describe("the summary line with a baseline", () => {
  it("states the difference after what it already says", () => {
    const live = [writes([30, 30, 30, 34]), series("ProvisionedWriteCapacityUnits", "Average", [50, null, null, null])];
    const summary = capacitySummary(response(live, [writes([10, 10, 10, 10])]), null, "UTC");
    expect(summary).toEqual({ tone: "good", text: "Writes peaked at 68% of provisioned; no throttling; writes 3.1× the same hour last week." });
  });

  it("adds it to 'no throttling' alone, and says when the baseline has nothing", () => {
    expect(capacitySummary(response([reads([10, 10, 10, 10])], [reads([9, 9, 9, 9])], "1d"), null, "UTC").text).toBe("No throttling in this window; reads about the same as yesterday.");
    expect(capacitySummary(response([reads([10, 10, 10, 10])], []), null, "UTC").text).toBe("No throttling in this window; no baseline data for last week.");
    expect(capacitySummary(response([reads([10, 10, 10, 10])]), null, "UTC").text).toBe("No throttling in this window.");
  });
});
