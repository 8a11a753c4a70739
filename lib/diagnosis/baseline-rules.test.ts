import { describe, expect, it } from "vitest";
import { diagnose } from "./diagnose";
import type { OverviewDiagnosisInputs } from "./diagnosis-response";
import type { DiagnosisInput, Verdict } from "./diagnosis-types";
import { baselineFrom } from "./baseline-rules-fixtures";
import type { BaselinesInput, DiagnosisBaselines } from "./baseline-rules";
import { overviewVerdict } from "./overview-verdict";
import { at, diagnosisInput, every, gsi, metricsFor, none, range, tableDetail, traffic, underProvisionedInput, unusualTrafficInput, type SeriesValues } from "./test-fixtures";

const kinds = (verdicts: Verdict[]) => verdicts.map((verdict) => verdict.kind);
const shop = tableDetail();

function withTraffic(live: SeriesValues[], day: SeriesValues[] | null, week: SeriesValues[] | null, table = shop): DiagnosisInput & BaselinesInput {
  const baselines: DiagnosisBaselines | null = day && week ? { "1d": baselineFrom("1d", metricsFor(table, day)), "1w": baselineFrom("1w", metricsFor(table, week)) } : null;
  return { ...diagnosisInput({ table, metrics: metricsFor(table, live) }), baselines };
}

describe("unusual traffic", () => {
  it("says how far traffic is above the usual for this hour when it departs from both baselines", () => {
    const verdicts = diagnose(unusualTrafficInput());
    expect(kinds(verdicts)).toEqual(["unusual-traffic", "healthy"]);
    const [unusual] = verdicts;
    // 150 WCU/s is 3.0× yesterday's 50 and 2.5× last week's 60: both agree on at least 2.5×.
    expect(unusual).toMatchObject({ severity: "info", index: null, title: "Traffic is 2.5× the usual for this hour (writes, against the same hour yesterday and last week)." });
    expect(unusual?.evidence.map((entry) => entry.label)).toEqual([
      "Writes on the table averaged 150 WCU/s between 14:00 and 15:00 UTC, at most 150 WCU/s",
      "The same hour yesterday (2025-03-02, between 14:00 and 15:00 UTC): 50 WCU/s on average, at most 50 WCU/s; now 3.0×",
      "The same hour last week (2025-02-24, between 14:00 and 15:00 UTC): 60 WCU/s on average, at most 60 WCU/s; now 2.5×",
    ]);
    const day = 86_400_000;
    expect(unusual?.evidence.map((entry) => entry.window?.start)).toEqual([Date.UTC(2025, 2, 3, 14), Date.UTC(2025, 2, 3, 14) - day, Date.UTC(2025, 2, 3, 14) - 7 * day]);
    expect(unusual?.evidence.every((entry) => entry.link?.kind === "chart" && entry.link.seriesId === "table/ConsumedWriteCapacityUnits/Sum/per_second")).toBe(true);
    expect(unusual?.suggestion).toMatch(/^If it is expected/);
  });

  it("names a drop as a share below the usual, and both measures when both depart", () => {
    const verdicts = diagnose(withTraffic(traffic(20, 10), traffic(100, 40), traffic(80, 50)));
    const unusual = verdicts.find((verdict) => verdict.kind === "unusual-traffic");
    // Reads: 0.20 and 0.25 of the baselines (75% below at most); writes: 0.25 and 0.20 likewise.
    expect(unusual?.title).toBe("Traffic is 75% below the usual for this hour (writes, and reads 75% below, against the same hour yesterday and last week).");
    expect(unusual?.evidence.filter((entry) => entry.metric === "ConsumedReadCapacityUnits")).toHaveLength(3);
    expect(unusual?.suggestion).toMatch(/client stopped/);
  });

  it("is a warning when the window has throttling too", () => {
    const throttled: SeriesValues[] = [...traffic(100, 150), { metric: "WriteThrottleEvents", values: at(range(10, 20), 40) }, { metric: "WriteProvisionedThroughputThrottleEvents", values: at(range(10, 20), 40) }];
    const unusual = diagnose(withTraffic(throttled, traffic(100, 50), traffic(100, 60))).find((verdict) => verdict.kind === "unusual-traffic");
    expect(unusual?.severity).toBe("warning");
    expect(unusual?.suggestion).toMatch(/coincides with requests being turned away/);
  });

  it.each([
    ["it departs from yesterday only (a weekly rhythm)", traffic(100, 150), traffic(100, 50), traffic(100, 140)],
    ["it departs from last week only (a daily rhythm)", traffic(100, 150), traffic(100, 140), traffic(100, 50)],
    ["one baseline is up and the other down", traffic(100, 20), traffic(100, 60), traffic(100, 5)],
    ["the departure is under the threshold", traffic(100, 90), traffic(100, 50), traffic(100, 50)],
    ["the traffic is too little to matter", traffic(2, 4), traffic(2, 1), traffic(2, 1)],
    ["a baseline has no data", traffic(100, 150), traffic(100, 50), [] as SeriesValues[]],
    ["there was none then to compare with", traffic(100, 150), [{ metric: "ConsumedWriteCapacityUnits", values: every(0) }], traffic(100, 50)],
    ["the live window has no data", [] as SeriesValues[], traffic(100, 50), traffic(100, 50)],
  ])("is not given when %s", (_case, live, day, week) => {
    expect(kinds(diagnose(withTraffic(live, day, week)))).not.toContain("unusual-traffic");
  });

  it("is not given without baselines, and the overview names them as not checked", () => {
    const input = withTraffic(traffic(100, 150), null, null);
    const verdicts = diagnose(input);
    expect(kinds(verdicts)).toEqual(["healthy"]);
    const inputs: OverviewDiagnosisInputs = { metrics: { ok: true }, contributorInsights: { ok: true, enabled: 0 }, keySample: null, sizeAudit: null, baselines: { ok: false, error: "CloudWatch failed: ThrottlingException: Rate exceeded" } };
    const line = overviewVerdict(verdicts, inputs);
    expect(line).toMatchObject({ kind: "partial-check", check: "partial" });
    expect(line.notChecked).toEqual([{ check: "baselines", reason: "The same hour yesterday and last week could not be read: CloudWatch failed: ThrottlingException: Rate exceeded" }]);
    expect(line.partialNote).toBe("Partial check: capacity, throttling and request mix and busiest keys only; baselines not checked. Open the table for the full check.");
    // Read: a full check, and "baselines" among what was checked when something else is missing.
    expect(overviewVerdict(verdicts, { ...inputs, baselines: { ok: true } })).toMatchObject({ check: "full", kind: "healthy" });
    expect(overviewVerdict(verdicts, { ...inputs, baselines: { ok: true }, alarms: { ok: false, error: "denied" } }).partialNote).toContain("busiest keys and baselines only");
  });
});

describe("throttling at this hour last week", () => {
  function sessionsWith(weekThrottles: SeriesValues[], dayThrottles: SeriesValues[] = []): DiagnosisInput & BaselinesInput {
    const input = underProvisionedInput();
    const past = (extra: SeriesValues[]) => metricsFor(input.table, [{ metric: "ConsumedWriteCapacityUnits", values: every(1) }, ...extra]);
    return { ...input, baselines: { "1d": baselineFrom("1d", past(dayThrottles)), "1w": baselineFrom("1w", past(weekThrottles)) } };
  }
  const writesVerdict = (verdicts: Verdict[]) => verdicts.find((verdict) => verdict.kind === "under-provisioned-writes");

  it("is noted on the verdict about today's throttling, with last week's count and times", () => {
    const verdict = writesVerdict(diagnose(sessionsWith([{ metric: "WriteThrottleEvents", values: at(range(12, 16), 30) }])));
    const note = verdict?.evidence.at(-1);
    expect(note).toEqual({
      source: "metric",
      metric: "WriteThrottleEvents",
      label: "Throttling also happened the same hour last week: 120 WriteThrottleEvents between 14:12 and 14:16 UTC on 2025-02-24",
      window: { start: Date.UTC(2025, 1, 24, 14, 12), end: Date.UTC(2025, 1, 24, 14, 16) },
      link: { kind: "chart", seriesId: "table/WriteThrottleEvents/Sum" },
    });
  });

  it("is not noted when last week had none, when only yesterday had some, or for the other direction", () => {
    const plain = writesVerdict(diagnose(underProvisionedInput()));
    expect(writesVerdict(diagnose(sessionsWith([])))).toEqual(plain);
    expect(writesVerdict(diagnose(sessionsWith([], [{ metric: "WriteThrottleEvents", values: at([15], 30) }])))).toEqual(plain);
    expect(writesVerdict(diagnose(sessionsWith([{ metric: "ReadThrottleEvents", values: at([15], 30) }])))).toEqual(plain);
    expect(writesVerdict(diagnose(sessionsWith([{ metric: "WriteThrottleEvents", values: none() }])))).toEqual(plain);
  });

  it("looks at the verdict's own index", () => {
    const table = tableDetail({ gsis: [gsi("GSI1", { read: 10, write: 10 })] });
    const live = metricsFor(table, [...traffic(85, 10), { metric: "WriteProvisionedThroughputThrottleEvents", index: "GSI1", values: at(range(1, 3), 5) }, { metric: "WriteThrottleEvents", index: "GSI1", values: at(range(1, 3), 5) }]);
    const week = (index: string | null) => baselineFrom("1w", metricsFor(table, [...traffic(85, 10), { metric: "WriteThrottleEvents", index, values: at([2], 7) }]), ["GSI1"]);
    const base: DiagnosisInput & BaselinesInput = diagnosisInput({ table, metrics: live });
    const noteOf = (baselines: DiagnosisBaselines) => diagnose({ ...base, baselines }).find((verdict) => verdict.kind === "gsi-back-pressure")?.evidence.find((entry) => entry.label.startsWith("Throttling also happened"));
    expect(noteOf({ "1d": week(null), "1w": week("GSI1") })?.label).toBe("Throttling also happened the same hour last week: 7 WriteThrottleEvents on the index GSI1 between 14:02 and 14:03 UTC on 2025-02-24");
    expect(noteOf({ "1d": week(null), "1w": week(null) })).toBeUndefined();
  });
});
