import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import type { Verdict, VerdictKind } from "./diagnosis-types";
import { at, contributor, diagnosisInput, every, gsi, insights, insightsResource, metricsFor, range, tableDetail, traffic, underProvisionedInput } from "./test-fixtures";

const kinds = (verdicts: Verdict[]): VerdictKind[] => verdicts.map((verdict) => verdict.kind);
const find = (verdicts: Verdict[], kind: VerdictKind): Verdict => {
  const verdict = verdicts.find((entry) => entry.kind === kind);
  if (!verdict) throw new Error(`no ${kind} verdict in ${kinds(verdicts).join(", ")}`);
  return verdict;
};

describe("under-provisioned", () => {
  it("reports provisioned write throttles on the table, with utilization and a capacity to aim for", () => {
    const verdicts = diagnose(underProvisionedInput());
    expect(kinds(verdicts)).toEqual(["under-provisioned-writes", "contributor-insights-off"]);
    const verdict = find(verdicts, "under-provisioned-writes");
    expect(verdict).toMatchObject({ severity: "critical", index: null, title: "The table is set up for fewer writes per second than it gets, so some writes are being turned away." });
    expect(verdict.evidence.map((entry) => entry.label)).toEqual([
      "400 WriteProvisionedThroughputThrottleEvents between 14:10 and 14:20 UTC (at most 40 per 1 min, at 14:10 UTC)",
      "Writes peaked at 100% of provisioned (5 of 5 WCU/s) at 14:10 UTC",
    ]);
    expect(verdict.evidence[0]?.link).toEqual({ kind: "chart", seriesId: "table/WriteProvisionedThroughputThrottleEvents/Sum" });
    expect(verdict.suggestion).toContain("at least 8 WCU/s");
  });

  it("warns about reads near provisioned capacity before anything throttles", () => {
    const table = tableDetail({ provisioned: { read: 100, write: 1_000 } });
    const metrics = metricsFor(table, [{ metric: "ConsumedReadCapacityUnits", values: at([30], 85, every(50)) }, ...traffic(50, 10)]);
    const verdicts = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(verdicts)).toEqual(["under-provisioned-reads"]);
    expect(verdicts[0]).toMatchObject({ severity: "warning", title: expect.stringContaining("nearly all the reads per second") });
    // The table's settings stand in for CloudWatch's provisioned series, which has no data here.
    expect(verdicts[0]?.evidence[0]?.label).toBe("Reads peaked at 85% of provisioned (85 of 100 RCU/s) at 14:30 UTC");
  });

  it("ignores utilization against an on-demand table's (absent) provisioned capacity", () => {
    const table = tableDetail({ billingMode: "PAY_PER_REQUEST", provisioned: null });
    expect(kinds(diagnose(diagnosisInput({ table, metrics: metricsFor(table, traffic(5_000, 5_000)) })))).toEqual(["healthy"]);
  });
});

describe("gsi-back-pressure", () => {
  it("names the GSI that throttles its base table's writes, and doesn't blame the table's own capacity", () => {
    const table = tableDetail({ gsis: [gsi("GSI1", { read: 10, write: 10 })] });
    const metrics = metricsFor(table, [
      ...traffic(100, 100),
      { metric: "ConsumedWriteCapacityUnits", index: "GSI1", values: at(range(40, 45), 10, every(4)) },
      { metric: "WriteProvisionedThroughputThrottleEvents", index: "GSI1", values: at(range(40, 45), 25) },
      { metric: "WriteThrottleEvents", index: "GSI1", values: at(range(40, 45), 25) },
      { metric: "WriteThrottleEvents", values: at(range(40, 45), 25) },
    ]);
    const verdicts = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(verdicts)).toEqual(["gsi-back-pressure"]);
    const verdict = find(verdicts, "gsi-back-pressure");
    expect(verdict).toMatchObject({ severity: "critical", index: "GSI1", title: "Writes to the table are being turned away because the index GSI1 cannot keep up with them." });
    expect(verdict.evidence.map((entry) => entry.link)).toEqual([
      { kind: "chart", seriesId: "gsi:GSI1/WriteProvisionedThroughputThrottleEvents/Sum" },
      { kind: "chart", seriesId: "table/WriteThrottleEvents/Sum" },
      { kind: "chart", seriesId: "gsi:GSI1/ConsumedWriteCapacityUnits/Sum/per_second" },
    ]);
    expect(verdict.evidence[0]?.label).toBe("125 WriteProvisionedThroughputThrottleEvents on the index GSI1 between 14:40 and 14:45 UTC (at most 25 per 1 min, at 14:40 UTC)");
    expect(verdict.evidence[2]?.label).toBe("Writes on the index GSI1 peaked at 100% of provisioned (10 of 10 WCU/s) at 14:40 UTC");
    expect(verdict.suggestion).toContain("Give GSI1 at least the write capacity");
  });

  it("throttled keys on the GSI from its capacity shortfall don't make it a hot key", () => {
    const table = tableDetail({ gsis: [gsi("GSI1", { read: 10, write: 10 })] });
    const metrics = metricsFor(table, [...traffic(), { metric: "WriteProvisionedThroughputThrottleEvents", index: "GSI1", values: at(range(40, 45), 25) }]);
    const statuses = ["PENDING", "PAID", "SHIPPED"].map((status) => contributor(`STATUS#${status}`, 1_000, 40));
    const ci = insights(insightsResource(null), insightsResource("GSI1", { rules: { PKC: statuses, PKT: statuses.map((entry) => ({ ...entry, total: 40 })), SKC: null, SKT: null } }));
    expect(kinds(diagnose(diagnosisInput({ table, metrics, contributorInsights: ci })))).toEqual(["gsi-back-pressure"]);
  });

  it("a GSI's read throttles are the index's own reads, not back-pressure", () => {
    const table = tableDetail({ gsis: [gsi("GSI1")] });
    const metrics = metricsFor(table, [...traffic(), { metric: "ReadProvisionedThroughputThrottleEvents", index: "GSI1", values: at([2], 9) }]);
    const verdicts = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(verdicts)).toEqual(["under-provisioned-reads"]);
    expect(verdicts[0]).toMatchObject({ index: "GSI1", title: "The index GSI1 is set up for fewer reads per second than it gets, so some reads are being turned away." });
  });
});

describe("limits", () => {
  it("on-demand-limit from the on-demand maximum's throttle events", () => {
    const table = tableDetail({ billingMode: "PAY_PER_REQUEST", provisioned: null, onDemandMax: { read: 200, write: null } });
    const metrics = metricsFor(table, [...traffic(200, 10), { metric: "ReadMaxOnDemandThroughputThrottleEvents", values: at([7, 8], 30) }]);
    const verdicts = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(verdicts)).toEqual(["on-demand-limit"]);
    expect(verdicts[0]?.evidence[0]?.metric).toBe("ReadMaxOnDemandThroughputThrottleEvents");
    expect(verdicts[0]?.suggestion).toContain("--on-demand-throughput");
  });

  it("account-limit from the account-limit throttle events, one verdict for the table and its GSIs", () => {
    const table = tableDetail({ billingMode: "PAY_PER_REQUEST", provisioned: null, gsis: [gsi("GSI1", null)] });
    const metrics = metricsFor(table, [
      ...traffic(),
      { metric: "WriteAccountLimitThrottleEvents", values: at([3], 12) },
      { metric: "ReadAccountLimitThrottleEvents", index: "GSI1", values: at([4], 2) },
    ]);
    const verdicts = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(verdicts)).toEqual(["account-limit"]);
    expect(verdicts[0]?.evidence.map((entry) => entry.metric)).toEqual(["WriteAccountLimitThrottleEvents", "ReadAccountLimitThrottleEvents"]);
    expect(verdicts[0]?.suggestion).toContain("Service Quotas");
  });
});
