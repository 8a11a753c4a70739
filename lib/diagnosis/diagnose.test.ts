import { describe, expect, it } from "vitest";
import { tableSeriesDefinitions } from "@/lib/metrics/metric-series";
import { diagnose, sortVerdicts, worstVerdict } from "./diagnose";
import type { DiagnosisInput, Verdict } from "./diagnosis-types";
import {
  diagnosisInput,
  everyKindInputs,
  gsi,
  hotKeyInput,
  insights,
  insightsResource,
  keySample,
  metricsFor,
  scanHeavyInput,
  sizeAudit,
  tableDetail,
  traffic,
  underProvisionedInput,
} from "./test-fixtures";

const kinds = (verdicts: Verdict[]) => verdicts.map((verdict) => verdict.kind);

describe("healthy and no data", () => {
  it("is healthy when traffic was published and nothing fired, saying that throttle metrics had no datapoints", () => {
    const verdicts = diagnose(diagnosisInput());
    expect(kinds(verdicts)).toEqual(["healthy"]);
    expect(verdicts[0]?.severity).toBe("ok");
    expect(verdicts[0]?.evidence.map((entry) => entry.label)).toEqual([
      "No throttle events were published between 14:00 and 15:00 UTC (DynamoDB publishes them only when it turns a request away)",
      "Reads peaked at 10% of provisioned (100 of 1,000 RCU/s) at 14:00 UTC",
      "Writes peaked at 5% of provisioned (50 of 1,000 WCU/s) at 14:00 UTC",
    ]);
  });

  it("throttle metrics absent with no traffic either is no data, not healthy", () => {
    const table = tableDetail();
    const verdicts = diagnose(diagnosisInput({ table, metrics: metricsFor(table, []) }));
    expect(kinds(verdicts)).toEqual(["no-data"]);
    expect(verdicts[0]).toMatchObject({ severity: "info", title: "There are no traffic figures for this table in this time range, so its health can't be confirmed." });
    expect(verdicts[0]?.evidence[0]).toMatchObject({ label: "No datapoint for consumed capacity, requests or throttle events between 14:00 and 15:00 UTC", window: { start: expect.any(Number), end: expect.any(Number) } });
  });

  it("throttle series missing from the CloudWatch answer is no data, even with traffic", () => {
    const table = tableDetail();
    const metrics = metricsFor(table, traffic(), ["ReadThrottleEvents", "WriteThrottleEvents"]);
    const verdicts = diagnose(diagnosisInput({ table, metrics }));
    expect(kinds(verdicts)).toEqual(["no-data"]);
    expect(verdicts[0]?.evidence[0]?.label).toContain("had no throttle series");
  });

  it("CloudWatch unavailable is a warning that says so, never healthy; the other sources still speak", () => {
    const skewed = keySample({ top1Share: 0.3, top10Share: 0.6 });
    const verdicts = diagnose(diagnosisInput({ metrics: null, metricsError: "AccessDenied: cloudwatch:GetMetricData", keySample: skewed }));
    expect(kinds(verdicts)).toEqual(["storage-skew", "no-data"]);
    const noData = verdicts[1];
    expect(noData).toMatchObject({ severity: "warning", title: "Traffic figures are unavailable right now, so it can't be checked whether requests are being turned away." });
    expect(noData?.evidence[0]?.label).toBe("CloudWatch could not be read at 15:00 UTC: AccessDenied: cloudwatch:GetMetricData");
  });

  it("keeps info verdicts next to healthy, and Contributor Insights being off is info with the command", () => {
    const table = tableDetail({ gsis: [gsi("GSI1")] });
    const ci = insights(insightsResource(null, { status: "DISABLED" }), insightsResource("GSI1", { status: "DISABLED" }));
    const verdicts = diagnose(diagnosisInput({ table, metrics: metricsFor(table, traffic()), contributorInsights: ci }));
    expect(kinds(verdicts)).toEqual(["contributor-insights-off", "healthy"]);
    const off = verdicts[0];
    expect(off).toMatchObject({ severity: "info", index: null });
    expect(off?.evidence.map((entry) => entry.label)).toEqual([
      "Contributor Insights is DISABLED for the table between 14:00 and 15:00 UTC",
      "Contributor Insights is DISABLED for the index GSI1 between 14:00 and 15:00 UTC",
    ]);
    expect(off?.suggestion).toContain("`aws dynamodb update-contributor-insights --table-name Shop --index-name GSI1 --contributor-insights-action ENABLE`");
    expect(off?.suggestion).toContain("would show");
    expect(worstVerdict(verdicts)?.kind).toBe("contributor-insights-off");
  });

  it("says nothing about Contributor Insights it couldn't read", () => {
    const ci = insights(insightsResource(null, { status: "UNAVAILABLE", error: "UnknownOperationException" }));
    expect(kinds(diagnose(diagnosisInput({ contributorInsights: ci })))).toEqual(["healthy"]);
  });
});

describe("ordering", () => {
  it("sorts critical first and keeps the rules' order within a severity", () => {
    const hot = hotKeyInput();
    const input: DiagnosisInput = { ...hot, keySample: keySample({ top1Share: 0.12, top10Share: 0.3 }), sizeAudit: sizeAudit({ stats: { ...sizeAudit().stats, meanBytes: 70_000 } }) };
    const verdicts = diagnose(input);
    expect(kinds(verdicts)).toEqual(["hot-key", "storage-skew", "large-items"]);
    expect(verdicts.map((verdict) => verdict.severity)).toEqual(["critical", "info", "info"]);
  });

  it("worstVerdict picks the most severe, null for none", () => {
    const verdicts = [...diagnose(diagnosisInput()), ...diagnose(scanHeavyInput()), ...diagnose(underProvisionedInput())];
    expect(worstVerdict(verdicts)?.kind).toBe("under-provisioned-writes");
    expect(sortVerdicts(verdicts).map((verdict) => verdict.severity)).toEqual(["critical", "warning", "info", "ok"]);
    expect(worstVerdict([])).toBeNull();
  });
});

describe("every verdict", () => {
  const verdicts = everyKindInputs().flatMap(diagnose);
  const metricNames = new Set(tableSeriesDefinitions({ table: "T", gsis: ["G"], onDemand: false, periodSeconds: 60 }).map((definition) => definition.metric));

  it("covers every kind", () => {
    expect(new Set(kinds(verdicts))).toEqual(
      new Set([
        "hot-key",
        "key-range-unknown-key",
        "not-determinable",
        "concentration",
        "gsi-back-pressure",
        "under-provisioned-reads",
        "under-provisioned-writes",
        "on-demand-limit",
        "account-limit",
        "scan-heavy",
        "storage-skew",
        "large-items",
        "contributor-insights-off",
        "unusual-traffic",
        "capacity-mode-savings",
        "capacity-mode-fine",
        "no-data",
        "healthy",
      ]),
    );
  });

  it("has a plain-sentence title: capitalised, ending in a full stop, no metric names or jargon", () => {
    for (const { title } of verdicts) {
      expect(title).toMatch(/^[A-Z].*\.$/);
      for (const metric of metricNames) expect(title).not.toContain(metric);
      expect(title).not.toMatch(/\b(RCU|WCU|RRU|WRU|GSI|PKC|PKT|SKC|SKT|CloudWatch|Contributor Insights|throttl\w*|partition)\b|[A-Z][a-z]+[A-Z][a-z]+(Events|Units|Count)/);
    }
  });

  it("names its metric or source for every piece of evidence, with a time window and a link for metrics", () => {
    for (const verdict of verdicts) {
      expect(verdict.evidence.length).toBeGreaterThan(0);
      expect(verdict.suggestion.length).toBeGreaterThan(0);
      for (const entry of verdict.evidence) {
        expect(entry.label.length).toBeGreaterThan(0);
        if (entry.source === "metric" && verdict.kind !== "no-data") {
          expect(entry.metric).toBeTruthy();
          expect(entry.link?.kind).toBe("chart");
        }
        if (entry.source === "contributor-insights" && entry.link) expect(entry.link.kind).toBe("partition");
        const cloudWatchDown = verdict.kind === "no-data" && verdict.severity === "warning";
        if (!cloudWatchDown && entry.source !== "size-audit") expect(entry.window).toBeDefined();
      }
    }
  });
});
