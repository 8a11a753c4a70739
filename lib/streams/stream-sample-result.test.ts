import { describe, expect, it } from "vitest";
import type { StreamWriteSummary } from "./stream-sample-aggregator";
import { streamSampleResult, type StreamSampleContext } from "./stream-sample-result";

const T = Date.UTC(2025, 2, 3, 14, 0);

function summary(overrides: Partial<StreamWriteSummary> = {}): StreamWriteSummary {
  return {
    window: { start: T, end: T + 120_000 },
    records: 1_200,
    events: { INSERT: 1_000, MODIFY: 150, REMOVE: 50 },
    writeUnits: 2_400,
    peakWritesPerSecond: 40,
    peakWriteUnitsPerSecond: 80,
    method: "images",
    ttlDeletes: 0,
    unkeyed: 0,
    topPartitions: [{ key: { S: "hot" }, writes: 480, units: 1_440, peakUnitsPerSecond: 2_100, maxOverestimate: 0 }],
    topItems: [{ key: { S: "hot" }, sortKey: { S: "1" }, writes: 240, units: 720, peakUnitsPerSecond: 900, maxOverestimate: 0 }],
    distinctPartitions: { value: 30, approximate: false },
    counting: { mode: "exact", counters: 30 },
    heat: { start: T, end: T + 120_000, periodSeconds: 1, keys: [] },
    lag: { lagMs: 1_500, precisionMs: 1_000 },
    ...overrides,
  };
}

const context: StreamSampleContext = {
  stream: { arn: "arn:aws:dynamodb:us-east-1:123456789012:table/Shop/stream/2025", viewType: "NEW_AND_OLD_IMAGES" },
  startingPosition: "LATEST",
  partitionKey: "PK",
  sortKey: "SK",
  partitionWriteUnitsPerSecond: 1_000,
  reads: { getRecordsCalls: 240, throttledCalls: 0, callsPerShardPerSecond: 1, shardsReading: 2, shardsFinished: 0, shardsRead: 1, pollIntervalMs: 1_000 },
  warnings: [],
};

describe("streamSampleResult", () => {
  it("warns when the last read trailed the writes by more than the stream's rounding and a poll or two", () => {
    const keptUp = streamSampleResult(summary(), context);
    expect(keptUp.readerLag).toEqual({ seconds: 1.5, roundingSeconds: 1 });
    expect(keptUp.warnings.join(" ")).not.toContain("fell behind");
    // On DynamoDB Local creation times are whole minutes, so 70 s of apparent lag is still keeping up.
    expect(streamSampleResult(summary({ lag: { lagMs: 70_000, precisionMs: 60_000 } }), context).warnings.join(" ")).not.toContain("fell behind");
    const behind = streamSampleResult(summary({ lag: { lagMs: 42_000, precisionMs: 1_000 } }), context);
    expect(behind.warnings.join(" ")).toContain("fell behind the stream: its last read was about 42 s behind the writes (the stream's times are rounded to the second)");
  });

  it("turns counts into rates over the window, shares of writes and multiples of one partition's limit", () => {
    const result = streamSampleResult(summary(), context);
    expect(result).toMatchObject({ traffic: "writes", records: 1_200, writesPerSecond: 10, writeUnitsPerSecond: 20, peakWritesPerSecond: 40, partitionWriteUnitsPerSecond: 1_000 });
    expect(result.topPartitions[0]).toEqual({
      key: { S: "hot" },
      writes: 480,
      writeUnits: 1_440,
      writesPerSecond: 4,
      writeUnitsPerSecond: 12,
      peakWriteUnitsPerSecond: 2_100,
      share: 0.4,
      maxOverestimate: 0,
      ofPartitionLimit: 2.1,
    });
    expect(result.topItems?.[0]).toMatchObject({ sortKey: { S: "1" }, share: 0.2, ofPartitionLimit: 0.9 });
    expect(result.writeUnitEstimate.method).toBe("images");
    expect(result.writeUnitEstimate.note).toMatch(/estimate/);
    expect(result.peakMethod).toMatch(/spread evenly/);
    expect(result.warnings).toEqual([]);
    expect(result.notes[0]).toMatch(/^Write traffic/);
  });

  it("warns about a TRIM_HORIZON backlog, a summarised count and throttled reads", () => {
    const result = streamSampleResult(summary({ counting: { mode: "summary", counters: 2_000 }, distinctPartitions: { value: 80_000, approximate: true } }), {
      ...context,
      startingPosition: "TRIM_HORIZON",
      reads: { ...context.reads, throttledCalls: 3 },
      warnings: ["given"],
    });
    expect(result.warnings[0]).toBe("given");
    expect(result.warnings.join("\n")).toMatch(/TRIM_HORIZON/);
    expect(result.warnings.join("\n")).toMatch(/summary of 2,000 counters/);
    expect(result.warnings.join("\n")).toMatch(/3 GetRecords calls were throttled/);
  });

  it("counts an empty window as one second and no writes as no share", () => {
    const result = streamSampleResult(summary({ window: { start: T, end: T }, records: 0, writeUnits: 0, topPartitions: [], topItems: null }), context);
    expect(result).toMatchObject({ writesPerSecond: 0, topPartitions: [], topItems: null });
  });
});
