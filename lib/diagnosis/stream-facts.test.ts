import { describe, expect, it } from "vitest";
import type { StreamSampleResult } from "@/lib/streams/stream-types";
import { diagnose, worstVerdict } from "./diagnose";
import type { DiagnosisInput, Verdict, VerdictKind } from "./diagnosis-types";
import { streamSampleInput } from "./from-sources";
import { at, diagnosisInput, HOT, hotKeyInput, insights, insightsResource, metricsFor, MINUTE, range, streamSample, T0, tableDetail, traffic } from "./test-fixtures";

const kinds = (verdicts: Verdict[]): VerdictKind[] => verdicts.map((verdict) => verdict.kind);
const find = (verdicts: Verdict[], kind: VerdictKind): Verdict => {
  const verdict = verdicts.find((entry) => entry.kind === kind);
  if (!verdict) throw new Error(`no ${kind} verdict in ${kinds(verdicts).join(", ")}`);
  return verdict;
};

const withStream = tableDetail({ stream: { enabled: true, viewType: "NEW_AND_OLD_IMAGES", arn: "arn:aws:dynamodb:us-east-1:123456789012:table/Shop/stream/2025-03-03T00:00:00.000", label: "2025-03-03T00:00:00.000" } });

/** Shop with key-range write throttles at 14:20–14:30 and writes at 10% of capacity, Contributor Insights off. */
function writeHeat(overrides: Partial<DiagnosisInput> = {}): DiagnosisInput {
  const table = overrides.table ?? withStream;
  const metrics = metricsFor(table, [
    ...traffic(100, 100),
    { metric: "WriteKeyRangeThroughputThrottleEvents", values: at(range(20, 30), 120) },
    { metric: "WriteThrottleEvents", values: at(range(20, 30), 120) },
  ]);
  return diagnosisInput({ table, metrics, contributorInsights: insights(insightsResource(null, { status: "DISABLED" })), ...overrides });
}

describe("hot key from a stream sample", () => {
  it("names the stream's dominant writer when Contributor Insights is off and writes throttle on a key range", () => {
    const verdicts = diagnose(writeHeat({ streamSample: streamSample() }));
    expect(kinds(verdicts)).toEqual(["hot-key", "contributor-insights-off"]);
    const verdict = find(verdicts, "hot-key");
    expect(verdict).toMatchObject({ severity: "critical", key: "device-017", index: null });
    expect(verdict.title).toContain('"device-017"');
    const [stream] = verdict.evidence;
    expect(stream).toMatchObject({ source: "stream", window: { start: T0 + 22 * MINUTE, end: T0 + 24 * MINUTE }, link: { kind: "partition", index: null, key: "device-017" } });
    expect(stream?.label).toContain('The stream: "device-017" took 38% of writes between 14:22:00 and 14:24:00 UTC (2 minutes), 4,560 writes at 38 a second, 2.1× one partition\'s write limit at its busiest second');
    expect(stream?.label).toContain("estimated write units");
    expect(stream?.label).toContain('4.2× the writes of the next key ("device-003")');
    // At 2.1× the limit, what the stream shows is what got through: throttled writes leave no record.
    expect(stream?.label).toContain("Throttled writes never reach the stream");
    expect(verdict.evidence.some((entry) => entry.metric === "WriteKeyRangeThroughputThrottleEvents")).toBe(true);
    expect(verdict.evidence.some((entry) => entry.source === "contributor-insights" && entry.label.includes("DISABLED"))).toBe(true);
    expect(verdict.suggestion).toMatch(/write sharding/);
    expect(worstVerdict(verdicts)?.kind).toBe("hot-key");
  });

  it("does so when Contributor Insights is on but reported no key, and when it was not read at all", () => {
    const empty = diagnose(writeHeat({ contributorInsights: insights(insightsResource(null)), streamSample: streamSample() }));
    expect(kinds(empty)).toEqual(["hot-key"]);
    const unread = diagnose(writeHeat({ contributorInsights: null, streamSample: streamSample() }));
    expect(find(unread, "hot-key").key).toBe("device-017");
  });

  it("says a keys-only estimate is a lower bound", () => {
    const verdict = find(diagnose(writeHeat({ streamSample: streamSample({ writeUnitMethod: "keys-only", viewType: "KEYS_ONLY" }) })), "hot-key");
    expect(verdict.evidence[0]?.label).toMatch(/at least this many write units: the stream has keys only/);
  });

  it("names no key when no writer dominates, but shows the stream's top writer", () => {
    const even = streamSample({
      topPartitions: [
        { key: "a", writes: 1_000, share: 0.2, writesPerSecond: 8, peakWriteUnitsPerSecond: 30 },
        { key: "b", writes: 900, share: 0.18, writesPerSecond: 7, peakWriteUnitsPerSecond: 30 },
      ],
    });
    const verdict = find(diagnose(writeHeat({ streamSample: even })), "key-range-unknown-key");
    expect(verdict.evidence.some((entry) => entry.source === "stream" && entry.label.includes('"a" took 20% of writes'))).toBe(true);
    // A sample was taken, so the suggestion does not ask for one.
    expect(verdict.action).toBeUndefined();
  });

  it("leaves read throttling alone: a stream sees writes only", () => {
    const table = withStream;
    const metrics = metricsFor(table, [...traffic(100, 100), { metric: "ReadKeyRangeThroughputThrottleEvents", values: at(range(20, 30), 120) }, { metric: "ReadThrottleEvents", values: at(range(20, 30), 120) }]);
    const verdicts = diagnose(writeHeat({ metrics, streamSample: streamSample() }));
    expect(kinds(verdicts)).toContain("key-range-unknown-key");
    expect(kinds(verdicts)).not.toContain("hot-key");
  });

  it("ignores a sample taken long after the window", () => {
    const late = streamSample({ window: { start: T0 + 120 * MINUTE, end: T0 + 122 * MINUTE }, finishedAt: T0 + 122 * MINUTE });
    const verdicts = diagnose(writeHeat({ streamSample: late }));
    expect(kinds(verdicts)).toContain("key-range-unknown-key");
    expect(verdicts.flatMap((verdict) => verdict.evidence).some((entry) => entry.source === "stream")).toBe(false);
  });

  it("uses a sample that ended within 30 minutes after the window", () => {
    const soon = streamSample({ window: { start: T0 + 70 * MINUTE, end: T0 + 72 * MINUTE }, finishedAt: T0 + 72 * MINUTE });
    expect(find(diagnose(writeHeat({ streamSample: soon })), "hot-key").key).toBe("device-017");
  });
});

describe("concentration from a stream sample", () => {
  it("reports a dominant writer near one key's limit while nothing throttles", () => {
    const verdicts = diagnose(diagnosisInput({ table: withStream, streamSample: streamSample() }));
    const verdict = find(verdicts, "concentration");
    expect(verdict).toMatchObject({ severity: "warning", key: "device-017", index: null });
    expect(verdict.evidence[0]?.source).toBe("stream");
  });

  it("does not call a writer well under the limit capped", () => {
    const half = streamSample({ topPartitions: [{ key: "device-017", writes: 4_560, share: 0.6, writesPerSecond: 38, peakWriteUnitsPerSecond: 500 }] });
    const verdict = find(diagnose(diagnosisInput({ table: withStream, streamSample: half })), "concentration");
    expect(verdict.evidence[0]?.label).toContain("50% of one partition's write limit");
    expect(verdict.evidence[0]?.label).not.toContain("never reach the stream");
  });

  it("says nothing of a dominant writer far below the limit", () => {
    const quiet = streamSample({ topPartitions: [{ key: "device-017", writes: 4_560, share: 0.38, writesPerSecond: 38, peakWriteUnitsPerSecond: 60 }] });
    expect(kinds(diagnose(diagnosisInput({ table: withStream, streamSample: quiet })))).toEqual(["healthy"]);
  });
});

describe("stream evidence next to Contributor Insights", () => {
  it("corroborates Contributor Insights' hot key with the stream's figures for the same key", () => {
    const input = hotKeyInput();
    const sample = streamSample({ topPartitions: [{ key: HOT, writes: 6_000, share: 0.5, writesPerSecond: 50, peakWriteUnitsPerSecond: 1_500 }] });
    const verdicts = diagnose({ ...input, streamSample: sample });
    expect(kinds(verdicts)).toEqual(["hot-key"]);
    const verdict = find(verdicts, "hot-key");
    expect(verdict.evidence[0]?.source).toBe("contributor-insights");
    expect(verdict.evidence.at(-1)).toMatchObject({ source: "stream", link: { kind: "partition", index: null, key: HOT } });
    expect(verdict.evidence.at(-1)?.label).toContain(`"${HOT}" took 50% of writes`);
  });
});

describe("asking for a stream sample", () => {
  it("tells an unnamed write hot key's reader that the table's stream can name it now", () => {
    const verdict = find(diagnose(writeHeat()), "key-range-unknown-key");
    expect(verdict.suggestion).toMatch(/^This table has a stream, so a stream sample can name the busiest writers right now/);
    expect(verdict.suggestion).toMatch(/changes no setting, and costs only GetRecords calls/);
    expect(verdict.suggestion).toContain("update-contributor-insights");
    expect(verdict.action).toEqual({ kind: "stream-sample", label: "Sample the stream's writes", path: "/tables/Shop/stream?tab=sample" });
  });

  it("does not pretend without a stream", () => {
    const verdicts = diagnose(writeHeat({ table: tableDetail() }));
    const verdict = find(verdicts, "key-range-unknown-key");
    expect(verdict.suggestion).not.toMatch(/stream/i);
    expect(verdict.action).toBeUndefined();
    expect(verdicts.flatMap((entry) => entry.evidence).some((entry) => entry.source === "stream")).toBe(false);
  });
});

describe("streamSampleInput", () => {
  it("reads a stream sample's result as the diagnosis input", () => {
    const result = {
      window: { start: 1, end: 2 },
      records: 10,
      writesPerSecond: 5,
      stream: { arn: "a", viewType: "KEYS_ONLY" },
      writeUnitEstimate: { method: "keys-only", note: "n" },
      topPartitions: [{ key: { N: "17" }, writes: 4, writeUnits: 4, writesPerSecond: 2, writeUnitsPerSecond: 2, peakWriteUnitsPerSecond: 3, share: 0.4, maxOverestimate: 0, ofPartitionLimit: 0.003 }],
    } as unknown as StreamSampleResult;
    expect(streamSampleInput(result, 9)).toEqual({
      window: { start: 1, end: 2 },
      writes: 10,
      writesPerSecond: 5,
      viewType: "KEYS_ONLY",
      writeUnitMethod: "keys-only",
      topPartitions: [{ key: "17", writes: 4, share: 0.4, writesPerSecond: 2, peakWriteUnitsPerSecond: 3 }],
      finishedAt: 9,
    });
  });
});
