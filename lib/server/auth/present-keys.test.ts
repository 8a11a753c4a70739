import { describe, expect, it } from "vitest";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import type { JobSnapshot, KeySampleResult } from "@/lib/jobs/job-types";
import type { StreamSampleResult } from "@/lib/streams/stream-types";
import { accessFor } from "./access";
import { presentInsights, presentJob } from "./present-keys";
import { keyDigest } from "./redact-item";

const settings = { redactAttributes: [], viewerShowsKeys: false };
const viewer = accessFor({ user: "v", role: "viewer" }, settings);
const engineer = accessFor({ user: "e", role: "engineer" }, settings);

const contributor = (keys: string[]) => ({ keys, total: 10, peakPerMinute: 1, peakAt: null, datapoints: [], partitionCap: null, throttled: null });
const insights = {
  table: "t",
  status: [],
  window: { range: "1h", start: 0, end: 1, period: 60 },
  fetchedAt: 0,
  report: {
    start: 0,
    end: 1,
    period: 60,
    fetchedAt: 0,
    cache: "miss",
    resources: [
      {
        table: "t",
        index: null,
        mode: "ACCESSED_AND_THROTTLED_KEYS",
        keySchema: { partitionKey: { name: "pk", type: "S" }, sortKey: null },
        rules: {
          PKC: { kind: "PKC", ruleName: "r", measures: "consumed-throughput-units", uniqueContributors: 1, aggregateValue: 10, contributors: [contributor(["alice@example.com"])] },
          SKC: { kind: "SKC", ruleName: "s", measures: "consumed-throughput-units", uniqueContributors: 1, aggregateValue: 10, contributors: [contributor(["alice@example.com", "order-7"])] },
        },
      },
    ],
  },
} as unknown as InsightsResponse;

describe("presentInsights", () => {
  it("gives viewers digests of every Contributor Insights key, without changing the shared report", () => {
    const before = JSON.stringify(insights);
    const shown = presentInsights(insights, viewer);
    expect(JSON.stringify(shown)).not.toContain("alice");
    expect(shown.report?.resources[0]?.rules.SKC?.contributors[0]?.keys).toEqual([keyDigest("alice@example.com"), keyDigest("order-7")]);
    // The same key has the same digest in every rule.
    expect(shown.report?.resources[0]?.rules.PKC?.contributors[0]?.keys[0]).toBe(keyDigest("alice@example.com"));
    expect(JSON.stringify(insights)).toBe(before);
    // The page must not link a digest: it names no partition.
    expect(shown.keysDigested).toBe(true);
    expect(presentInsights({ ...insights, report: null }, viewer).keysDigested).toBe(true);
  });

  it("gives engineers the keys", () => {
    const shown = presentInsights(insights, engineer);
    expect(shown).toBe(insights);
    expect(shown.keysDigested).toBeUndefined();
  });
});

describe("presentJob", () => {
  it("digests a key sample's top keys for viewers", () => {
    const entry = { key: { S: "alice" }, items: 3, bytes: 30, share: 1, maxOverestimate: 0 };
    const job = { kind: "key-sample", result: { topByItems: [entry], topByBytes: [entry] } } as unknown as JobSnapshot<unknown, KeySampleResult>;
    const shown = presentJob(job, viewer);
    expect(shown.result?.topByItems[0]?.key).toEqual({ REDACTED: "S", bytes: 5, digest: keyDigest("alice") });
    expect(JSON.stringify(shown)).not.toContain("alice");
    expect(presentJob(job, engineer)).toBe(job);
  });

  it("digests the keys a sample confirmed with COUNT queries too", () => {
    const entry = { key: { S: "bob" }, items: 3, bytes: 30, share: 1, maxOverestimate: 0 };
    const confirmation = { candidates: 1, confirmed: 1, queries: 1, rcuUsed: 0.5, stopReason: "done", keys: [entry] };
    const job = { kind: "key-sample", result: { topByItems: [], topByBytes: [], confirmation } } as unknown as JobSnapshot<unknown, KeySampleResult>;
    const shown = presentJob(job, viewer);
    expect(shown.result?.confirmation?.keys[0]?.key).toEqual({ REDACTED: "S", bytes: 3, digest: keyDigest("bob") });
    expect(JSON.stringify(shown)).not.toContain("bob");
  });

  it("digests a stream sample's partition keys, item keys and heat rows for viewers", () => {
    const row = { key: { S: "device-017" }, writes: 5, writeUnits: 5, writesPerSecond: 1, writeUnitsPerSecond: 1, peakWriteUnitsPerSecond: 2, share: 0.5, maxOverestimate: 0, ofPartitionLimit: 0.002 };
    const result = {
      topPartitions: [row],
      topItems: [{ ...row, sortKey: { N: "42" } }],
      heat: { start: 0, end: 1, periodSeconds: 1, keys: [{ key: { S: "device-017" }, total: 5, datapoints: [] }] },
    };
    const job = { kind: "stream-sample", result } as unknown as JobSnapshot<unknown, StreamSampleResult>;
    const before = JSON.stringify(job);
    const shown = presentJob(job, viewer);
    const digest = { REDACTED: "S", bytes: 10, digest: keyDigest("device-017") };
    expect(shown.result?.topPartitions[0]?.key).toEqual(digest);
    expect(shown.result?.topItems?.[0]?.sortKey).toMatchObject({ REDACTED: "N", digest: keyDigest("42") });
    expect(shown.result?.heat.keys[0]?.key).toEqual(digest);
    expect(shown.keysDigested).toBe(true);
    expect(JSON.stringify(shown)).not.toContain("device-017");
    expect(JSON.stringify(job)).toBe(before);
    expect(presentJob(job, engineer)).toBe(job);
  });
});
