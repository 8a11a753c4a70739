import { describe, expect, it } from "vitest";
import { jobIdSchema, keySampleRequestSchema, sizeAuditParamsSchema, streamSampleRequestSchema } from "./job-params";

const valid = { kind: "size-audit", mode: "sample", sampleSize: 1_000, rcuBudget: 500, rcuPerSecond: 50, segments: 4 };

describe("sizeAuditParamsSchema", () => {
  it("accepts a sample and a full audit, defaulting the threshold to 350 KB", () => {
    expect(sizeAuditParamsSchema.parse(valid)).toEqual({ ...valid, thresholdBytes: 358_400 });
    const fullAudit = { kind: "size-audit", mode: "full", rcuBudget: 500_000.5, rcuPerSecond: 1, segments: 16, thresholdBytes: 1_024 };
    expect(sizeAuditParamsSchema.parse(fullAudit)).toEqual(fullAudit);
  });

  it.each([
    [{ mode: "partial" }, "mode"],
    [{ sampleSize: undefined }, "sampleSize"],
    [{ sampleSize: 0 }, "sampleSize"],
    [{ sampleSize: 1_000_001 }, "sampleSize"],
    [{ sampleSize: 2.5 }, "sampleSize"],
    [{ mode: "full" }, "sampleSize"],
    [{ rcuBudget: 0 }, "rcuBudget"],
    [{ rcuBudget: 1_000_001 }, "rcuBudget"],
    [{ rcuBudget: "5" }, "rcuBudget"],
    [{ rcuPerSecond: 10_001 }, "rcuPerSecond"],
    [{ rcuPerSecond: 0.5 }, "rcuPerSecond"],
    [{ segments: 0 }, "segments"],
    [{ segments: 17 }, "segments"],
    [{ segments: 1.5 }, "segments"],
    [{ thresholdBytes: 0 }, "thresholdBytes"],
    [{ thresholdBytes: 409_601 }, "thresholdBytes"],
    [{ kind: "key-sample" }, "kind"],
    [{ extra: true }, ""],
  ])("rejects %j", (change, path) => {
    const result = sizeAuditParamsSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(path);
  });
});

describe("keySampleRequestSchema", () => {
  const sample = { kind: "key-sample", mode: "sample", sampleSize: 2_000, rcuBudget: 500, segments: 4 };

  it("accepts a sample and a full read, with the rate, index and acknowledgement optional", () => {
    expect(keySampleRequestSchema.parse(sample)).toEqual(sample);
    const full = { kind: "key-sample", mode: "full", rcuBudget: 1_000_000, rcuPerSecond: 10_000, segments: 16, index: "ByTenant", acknowledgeRecentThrottling: true };
    expect(keySampleRequestSchema.parse(full)).toEqual(full);
  });

  it.each([
    [{ mode: "partial" }, "mode"],
    [{ sampleSize: undefined }, "sampleSize"],
    [{ sampleSize: 0 }, "sampleSize"],
    [{ sampleSize: 1.5 }, "sampleSize"],
    [{ mode: "full" }, "sampleSize"],
    [{ rcuBudget: 0 }, "rcuBudget"],
    [{ rcuBudget: 1_000_001 }, "rcuBudget"],
    [{ rcuPerSecond: 0.5 }, "rcuPerSecond"],
    [{ rcuPerSecond: 10_001 }, "rcuPerSecond"],
    [{ segments: 0 }, "segments"],
    [{ segments: 17 }, "segments"],
    [{ index: "x" }, "index"],
    [{ index: "bad name!" }, "index"],
    [{ acknowledgeRecentThrottling: "yes" }, "acknowledgeRecentThrottling"],
    [{ thresholdBytes: 1_000 }, ""],
    [{ kind: "size-audit" }, "kind"],
  ])("rejects %j", (change, path) => {
    const result = keySampleRequestSchema.safeParse({ ...sample, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(path);
  });
});

describe("jobIdSchema", () => {
  it("accepts a random UUID and nothing else", () => {
    expect(jobIdSchema.safeParse(crypto.randomUUID()).success).toBe(true);
    for (const bad of ["", "abc", "../etc", `${crypto.randomUUID()}x`]) expect(jobIdSchema.safeParse(bad).success).toBe(false);
  });
});

describe("streamSampleRequestSchema", () => {
  it("accepts a duration, defaulting to LATEST and no record limit", () => {
    expect(streamSampleRequestSchema.parse({ kind: "stream-sample", durationSeconds: 60 })).toEqual({ kind: "stream-sample", durationSeconds: 60, startingPosition: "LATEST" });
    const full = { kind: "stream-sample", durationSeconds: 3_600, maxRecords: 10_000_000, startingPosition: "TRIM_HORIZON" };
    expect(streamSampleRequestSchema.parse(full)).toEqual(full);
  });

  it.each([
    [{ durationSeconds: 0 }, "durationSeconds"],
    [{ durationSeconds: 3_601 }, "durationSeconds"],
    [{ durationSeconds: 1.5 }, "durationSeconds"],
    [{ durationSeconds: undefined }, "durationSeconds"],
    [{ maxRecords: 0 }, "maxRecords"],
    [{ maxRecords: 10_000_001 }, "maxRecords"],
    [{ startingPosition: "AT_SEQUENCE_NUMBER" }, "startingPosition"],
    [{ extra: true }, ""],
  ])("rejects %j", (change, path) => {
    const result = streamSampleRequestSchema.safeParse({ kind: "stream-sample", durationSeconds: 60, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join(".")).toBe(path);
  });
});
