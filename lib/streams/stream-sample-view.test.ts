import { describe, expect, it } from "vitest";
import { buildHeatMap } from "@/lib/insights/heat-map";
import type { StreamHeatSeries, StreamSampleParams, StreamSampleResult } from "./stream-types";
import { formatRate, formatShare, heatContributors, partitionLimitText, sampleHeadline, streamSampleEndText } from "./stream-sample-view";

const params: StreamSampleParams = { kind: "stream-sample", durationSeconds: 60, maxRecords: null, startingPosition: "LATEST", pollIntervalMs: 1000 };

describe("numbers in the stream sample", () => {
  it("keeps small rates visible and rounds large ones", () => {
    expect(formatRate(0.04)).toBe("0.0");
    expect(formatRate(0.44)).toBe("0.4");
    expect(formatRate(9.96)).toBe("10.0");
    expect(formatRate(1234.5)).toBe("1,235");
    expect(formatRate(Number.NaN)).toBe("—");
    expect(formatShare(0.3846)).toBe("38.5%");
  });

  it("marks a key whose peak reached one partition's write limit", () => {
    expect(partitionLimitText(2.1)).toEqual({ text: "2.10×", over: true });
    expect(partitionLimitText(1)).toEqual({ text: "1.00×", over: true });
    expect(partitionLimitText(0.42)).toEqual({ text: "0.42×", over: false });
    expect(partitionLimitText(0.004)).toEqual({ text: "0.004×", over: false });
  });
});

describe("the stream's heat series as heat map rows", () => {
  const heat: StreamHeatSeries = {
    start: 1_000_000,
    end: 1_060_000,
    periodSeconds: 1,
    keys: [
      { key: { S: "device-007" }, total: 900, datapoints: [{ t: 1_000_000, v: 10 }, { t: 1_001_000, v: 40 }, { t: 1_059_000, v: 5 }] },
      { key: { N: "12345678901234567890123456789012345678" }, total: 3, datapoints: [{ t: 1_002_000, v: 3 }] },
      { key: { REDACTED: "S", bytes: 10, digest: "#0123456789" }, total: 1, datapoints: [] },
    ],
  };

  it("names each key as its text (a digest for viewers) and finds its busiest column", () => {
    const contributors = heatContributors(heat);
    expect(contributors.map((row) => row.keys)).toEqual([["device-007"], ["12345678901234567890123456789012345678"], ["#0123456789"]]);
    expect(contributors[0]).toMatchObject({ total: 900, peakPerMinute: 40, peakAt: 1_001_000, partitionCap: null, throttled: null });
    expect(contributors[2]).toMatchObject({ peakPerMinute: 0, peakAt: null });
  });

  it("fills the heat map's cells per second over the sampled window", () => {
    const map = buildHeatMap(heatContributors(heat), heat.start, heat.end, heat.periodSeconds);
    expect(map.columns).toHaveLength(60);
    expect(map.rows[0]?.cells.slice(0, 3)).toEqual([10, 40, null]);
    expect(map.rows[0]?.cells[59]).toBe(5);
    expect(map.max).toBe(40);
  });
});

describe("how a stream sample ended", () => {
  it("says it in words for each stop reason", () => {
    expect(streamSampleEndText({ status: "succeeded", stopReason: "end", params })).toBe("The stream sample read for its 1 min");
    expect(streamSampleEndText({ status: "succeeded", stopReason: "sample-size", params: { ...params, maxRecords: 5000 } })).toBe("The stream sample stopped at its limit of 5,000 records");
    expect(streamSampleEndText({ status: "cancelled", stopReason: "cancelled", params })).toBe("The stream sample was cancelled");
    expect(streamSampleEndText({ status: "succeeded", stopReason: "throttled", params })).toMatch(/throttled/);
    expect(streamSampleEndText({ status: "failed", stopReason: null, params })).toBe("The stream sample failed");
  });
});

describe("the headline", () => {
  it("states the records, the window, where it started and the rates", () => {
    const result = { records: 1200, window: { start: 0, end: 60_000 }, startingPosition: "LATEST", writesPerSecond: 20, peakWritesPerSecond: 61.4 } as StreamSampleResult;
    expect(sampleHeadline(result)).toBe("1,200 writes read over 1 min, from when it started (LATEST): 20 writes/s on average, 61 writes/s in the busiest second.");
    expect(sampleHeadline({ ...result, startingPosition: "TRIM_HORIZON" })).toMatch(/oldest record the stream held/);
  });
});
