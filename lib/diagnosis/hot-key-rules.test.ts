import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import type { Verdict, VerdictKind } from "./diagnosis-types";
import {
  at,
  contributor,
  diagnosisInput,
  every,
  gsi,
  HOT,
  hotKeyInput,
  insights,
  insightsResource,
  metricsFor,
  range,
  tableDetail,
  traffic,
} from "./test-fixtures";

const kinds = (verdicts: Verdict[]): VerdictKind[] => verdicts.map((verdict) => verdict.kind);
const find = (verdicts: Verdict[], kind: VerdictKind): Verdict => {
  const verdict = verdicts.find((entry) => entry.kind === kind);
  if (!verdict) throw new Error(`no ${kind} verdict in ${kinds(verdicts).join(", ")}`);
  return verdict;
};

describe("hot-key", () => {
  it("names the dominant key when key-range throttles corroborate, with the per-key ceiling at 3× weighting", () => {
    const verdicts = diagnose(hotKeyInput());
    expect(kinds(verdicts)).toEqual(["hot-key"]);
    const verdict = find(verdicts, "hot-key");
    expect(verdict).toMatchObject({ severity: "critical", key: HOT, index: null });
    expect(verdict.title).toContain('"CUSTOMER#0"');
    const labels = verdict.evidence.map((entry) => entry.label);
    expect(labels[0]).toMatch(/"CUSTOMER#0" consumed 270,000 throughput units \(3 × WCU \+ RCU\) between 14:00 and 15:00 UTC, 83% of the top keys' total, 7\.5× the next key \("CUSTOMER#9", 36,000\)/);
    // 6,000 units in a minute against 1,000 WCU/s × 60 × 3 = 180,000 units.
    expect(labels[1]).toContain("used 6,000 units (3 × WCU + RCU: Contributor Insights adds reads and writes together): 3% of one key's write ceiling (1,000 WCU/s = 60,000 WCU a minute, 180,000 units at 3× weighting)");
    expect(labels[1]).toContain("hides bursts within the minute");
    expect(verdict.evidence).toContainEqual(
      expect.objectContaining({
        source: "metric",
        metric: "WriteKeyRangeThroughputThrottleEvents",
        label: "1,200 WriteKeyRangeThroughputThrottleEvents between 14:20 and 14:30 UTC (at most 120 per 1 min, at 14:20 UTC)",
        window: { start: Date.UTC(2025, 2, 3, 14, 20), end: Date.UTC(2025, 2, 3, 14, 30) },
        link: { kind: "chart", seriesId: "table/WriteKeyRangeThroughputThrottleEvents/Sum" },
      }),
    );
    expect(verdict.evidence.filter((entry) => entry.source === "contributor-insights").every((entry) => entry.link?.kind === "partition")).toBe(true);
    expect(verdict.evidence.some((entry) => entry.metric === "PKT" && entry.label.includes("1,200 throttled requests"))).toBe(true);
    expect(verdict.evidence.some((entry) => entry.metric === "SKC" && entry.label.includes('"CUSTOMER#0 / CART#001"'))).toBe(true);
  });

  it("treats throttling while utilization is low as a hot partition, not under-provisioning", () => {
    // Only the generic metric counted the throttles (no cause published); writes ran at 10% of provisioned.
    const table = tableDetail();
    const metrics = metricsFor(table, [...traffic(100, 100), { metric: "WriteThrottleEvents", values: at(range(5, 15), 80) }]);
    const off = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(off)).toEqual(["key-range-unknown-key"]);
    const unknown = find(off, "key-range-unknown-key");
    expect(unknown.title).toContain("uses little of its capacity");
    expect(unknown.evidence.map((entry) => entry.label)).toContainEqual(expect.stringMatching(/^Writes peaked at 10% of provisioned in the periods with throttle events/));

    const named = diagnose(diagnosisInput({ table, metrics, contributorInsights: hotKeyInput().contributorInsights }));
    expect(kinds(named)).toEqual(["hot-key"]);
  });

  it("the same throttles at full utilization are under-provisioning instead", () => {
    const table = tableDetail({ provisioned: { read: 1_000, write: 100 } });
    const metrics = metricsFor(table, [...traffic(100, 100), { metric: "WriteThrottleEvents", values: at(range(5, 15), 80) }]);
    expect(kinds(diagnose(diagnosisInput({ table, metrics })))).toEqual(["under-provisioned-writes"]);
  });

  it("names a hot key of a GSI from the index's own Contributor Insights", () => {
    const table = tableDetail({ gsis: [gsi("GSI1")] });
    const metrics = metricsFor(table, [...traffic(), { metric: "ReadKeyRangeThroughputThrottleEvents", index: "GSI1", values: at([3], 7) }]);
    const ci = insights(insightsResource(null), insightsResource("GSI1", { rules: { PKC: [contributor("STATUS#PENDING", 90_000), contributor("STATUS#PAID", 10_000)], PKT: [], SKC: null, SKT: null } }));
    const verdict = find(diagnose(diagnosisInput({ table, metrics, contributorInsights: ci })), "hot-key");
    expect(verdict).toMatchObject({ key: "STATUS#PENDING", index: "GSI1" });
    expect(verdict.title).toContain("in the index GSI1");
    expect(verdict.evidence[0]?.link).toEqual({ kind: "partition", index: "GSI1", key: "STATUS#PENDING" });
  });

  it("ranks throttled keys when the mode records only throttled keys", () => {
    const table = tableDetail();
    const metrics = metricsFor(table, [...traffic(), { metric: "WriteKeyRangeThroughputThrottleEvents", values: at([1], 50) }]);
    const ci = insights(insightsResource(null, { mode: "THROTTLED_KEYS", rules: { PKC: null, PKT: [contributor("DEVICE#7", 50, 50)], SKC: null, SKT: null } }));
    const verdict = find(diagnose(diagnosisInput({ table, metrics, contributorInsights: ci })), "hot-key");
    expect(verdict.key).toBe("DEVICE#7");
    expect(verdict.evidence[0]).toMatchObject({ metric: "PKT", label: expect.stringContaining('"DEVICE#7" had 50 throttled requests') });
  });
});

describe("key-range-unknown-key", () => {
  it("is critical when key-range throttles have no contributor data, and says how to enable Contributor Insights", () => {
    const input = hotKeyInput();
    const verdicts = diagnose({ ...input, contributorInsights: insights(insightsResource(null, { status: "DISABLED" })) });
    // The verdict itself says how to enable it, so there is no separate "off" note for the table.
    expect(kinds(verdicts)).toEqual(["key-range-unknown-key"]);
    const verdict = find(verdicts, "key-range-unknown-key");
    expect(verdict.severity).toBe("critical");
    expect(verdict.title).toBe("Requests to the table are being turned away because one key is overloaded, but which key is unknown.");
    expect(verdict.suggestion).toContain("`aws dynamodb update-contributor-insights --table-name Shop --contributor-insights-action ENABLE`");
    expect(verdict.suggestion).toMatch(/billed per million events.*not retroactive.*never turns it on/);
    expect(verdict.evidence.at(-1)).toMatchObject({ source: "contributor-insights", label: expect.stringContaining("Contributor Insights is DISABLED for the table") });
  });

  it("says the status couldn't be read when the API is unavailable", () => {
    const input = hotKeyInput();
    const unavailable = insights(insightsResource(null, { status: "UNAVAILABLE", error: "UnknownOperationException" }));
    const verdict = find(diagnose({ ...input, contributorInsights: unavailable }), "key-range-unknown-key");
    expect(verdict.evidence.at(-1)?.label).toBe("Contributor Insights' status for the table could not be read: UnknownOperationException");
  });

  it("says no single key stands out when contributors are even", () => {
    const input = hotKeyInput();
    const even = insights(insightsResource(null, { rules: { PKC: [contributor("A", 100), contributor("B", 90), contributor("C", 80)], PKT: [], SKC: [], SKT: [] } }));
    const verdict = find(diagnose({ ...input, contributorInsights: even }), "key-range-unknown-key");
    expect(verdict.title).toContain("no single key stands out");
    expect(verdict.key).toBeUndefined();
    expect(verdict.evidence.filter((entry) => entry.link?.kind === "partition").map((entry) => entry.link)).toEqual([
      { kind: "partition", index: null, key: "A" },
      { kind: "partition", index: null, key: "B" },
      { kind: "partition", index: null, key: "C" },
    ]);
  });
});

describe("not-determinable", () => {
  it("Contributor Insights enabled but empty while key-range throttles: not determinable, never healthy", () => {
    const input = hotKeyInput();
    const verdicts = diagnose({ ...input, contributorInsights: insights(insightsResource(null)) });
    expect(kinds(verdicts)).toEqual(["not-determinable"]);
    const verdict = find(verdicts, "not-determinable");
    expect(verdict.severity).toBe("critical");
    expect(verdict.title).toContain("cannot be determined");
    expect(verdict.evidence.at(-1)?.label).toBe("Contributor Insights is on for the table (ACCESSED_AND_THROTTLED_KEYS) but reported no keys between 14:00 and 15:00 UTC");
    expect(verdict.suggestion).toContain("does not look back");
  });

  it("enabled and empty with nothing throttled is simply healthy", () => {
    expect(kinds(diagnose(diagnosisInput({ contributorInsights: insights(insightsResource(null)) })))).toEqual(["healthy"]);
  });
});

describe("concentration", () => {
  const dominant = insights(insightsResource(null, { rules: { PKC: [contributor(HOT, 1_000_000, 40_000), contributor("CUSTOMER#9", 100_000, 2_000)], PKT: [], SKC: null, SKT: null } }));

  it("warns when one key dominates but nothing throttles", () => {
    const verdicts = diagnose(diagnosisInput({ contributorInsights: dominant }));
    expect(kinds(verdicts)).toEqual(["concentration"]);
    const verdict = find(verdicts, "concentration");
    expect(verdict).toMatchObject({ severity: "warning", key: HOT });
    expect(verdict.title).toContain("nothing is being turned away yet");
    // 40,000 units in its busiest minute: 22% of 180,000.
    expect(verdict.evidence[1]?.label).toContain("22% of one key's write ceiling");
    expect(verdict.evidence[1]?.label).not.toContain("hides bursts");
  });

  it("stays quiet for a dominant key far below the per-key ceiling", () => {
    const small = insights(insightsResource(null, { rules: { PKC: [contributor(HOT, 3_000, 100), contributor("B", 100, 5)], PKT: [], SKC: null, SKT: null } }));
    expect(kinds(diagnose(diagnosisInput({ contributorInsights: small })))).toEqual(["healthy"]);
  });

  it("honours configured thresholds and a scaled per-key ceiling", () => {
    const thresholds = { ...diagnosisInput().thresholds, partitionReadUnitsPerSecond: 30, partitionWriteUnitsPerSecond: 10 };
    const small = insights(insightsResource(null, { rules: { PKC: [contributor(HOT, 3_000, 900), contributor("B", 100, 5)], PKT: [], SKC: null, SKT: null } }));
    const verdict = find(diagnose(diagnosisInput({ contributorInsights: small, thresholds })), "concentration");
    // 900 units against 10 WCU/s × 60 × 3 = 1,800.
    expect(verdict.evidence[1]?.label).toContain("50% of one key's write ceiling (10 WCU/s = 600 WCU a minute, 1,800 units at 3× weighting)");
    const strict = { ...thresholds, hotKeyDominance: 50, concentrationShare: 0.99 };
    expect(kinds(diagnose(diagnosisInput({ contributorInsights: small, thresholds: strict })))).toEqual(["healthy"]);
  });

  it("is not reported when the table throttles for another reason", () => {
    const table = tableDetail();
    const metrics = metricsFor(table, [...traffic(), { metric: "ReadAccountLimitThrottleEvents", values: every(0).map((_, i) => (i === 4 ? 3 : 0)) }]);
    expect(kinds(diagnose(diagnosisInput({ table, metrics, contributorInsights: dominant })))).toEqual(["account-limit"]);
  });
});
