import { describe, expect, it } from "vitest";
import { queryKey, tableSeriesDefinitions } from "@/lib/metrics/metric-series";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import { diagnose, worstVerdict } from "./diagnose";
import type { OverviewDiagnosisInputs } from "./diagnosis-response";
import { diagnosisSeriesDefinitions, READ_OPERATIONS } from "./diagnosis-series";
import type { DiagnosisInput } from "./diagnosis-types";
import { overviewVerdict, PARTIAL_TITLE, tablesToReport } from "./overview-verdict";
import { at, contributor, diagnosisInput, every, everyKindInputs, insights, insightsResource, metricsFor, none, range, scanHeavyInput, tableDetail, traffic } from "./test-fixtures";

const ALL_READ: OverviewDiagnosisInputs = { metrics: { ok: true }, contributorInsights: { ok: true, enabled: 0 }, keySample: null, sizeAudit: null };
const SKIPPED: OverviewDiagnosisInputs = { ...ALL_READ, contributorInsights: { ok: false, skipped: "Contributor Insights is on for this table, but the overview reads its reports for at most 20 tables per refresh." } };

/** What the overview's batch holds for a table: the answers to the queries it asks CloudWatch, and nothing else. */
function asBatched(input: DiagnosisInput): DiagnosisInput {
  const metrics = input.metrics;
  if (!metrics) return input;
  const { table } = input;
  // The input lib/server/metrics/series-queries.ts builds for a described table.
  const replicaRegions = table.replicas.map((replica) => replica.region);
  const asked = new Set(diagnosisSeriesDefinitions({ table: table.name, gsis: table.gsis.map((entry) => entry.name), onDemand: table.billingMode === "PAY_PER_REQUEST", periodSeconds: metrics.period, replicaRegions }).map(queryKey));
  const batched: MetricsResponse = { ...metrics, series: metrics.series.filter((series) => asked.has(queryKey(series))) };
  return { ...input, metrics: batched };
}

/** A global table whose copy in eu-west-1 gets changes 2.5 minutes late for the last 40 minutes. */
function replicaLagInput(): DiagnosisInput {
  const table = tableDetail({ name: "Profiles", replicas: [{ region: "eu-west-1", status: "ACTIVE", statusDescription: null }], globalTableVersion: "2019.11.21" });
  const base = metricsFor(table, traffic());
  const replication = tableSeriesDefinitions({ table: table.name, gsis: [], onDemand: false, periodSeconds: 60, replicaRegions: ["eu-west-1"] })
    .filter((definition) => definition.scope.receivingRegion)
    .map(({ id, metric, stat, unit, scope, label }) => ({ id, metric, stat, unit, scope, label, period: 60, values: metric === "ReplicationLatency" ? at(range(20, 60), 150_000, every(1_000)) : none() }));
  return diagnosisInput({ table, metrics: { ...base, series: [...base.series, ...replication] } });
}

describe("the overview's batch gives the page's verdicts", () => {
  it("asks 26 table-level queries per table and 16 per GSI, the read operations' requests and items among them", () => {
    const definitions = diagnosisSeriesDefinitions({ table: "T", gsis: ["G1", "G2"], onDemand: false, periodSeconds: 60 });
    const queries = new Set(definitions.map(queryKey));
    expect(queries.size).toBe(26 + 2 * 16);
    for (const operation of READ_OPERATIONS) {
      expect(queries).toContain(`table/op:${operation}/SuccessfulRequestLatency/SampleCount`);
      expect(queries).toContain(`table/op:${operation}/ReturnedItemCount/Sum`);
    }
  });

  it("for a table whose only problem is scan-heavy access: same kind, severity and title, from a full check", () => {
    const page = scanHeavyInput();
    const pageWorst = worstVerdict(diagnose(page));
    expect(pageWorst?.kind).toBe("scan-heavy");
    const line = overviewVerdict(diagnose(asBatched(page)), ALL_READ);
    expect(line).toMatchObject({ kind: "scan-heavy", severity: "warning", title: pageWorst?.title, check: "full", notChecked: [], partialNote: null });
  });

  it("for every fixture of every verdict kind: the very same verdicts, evidence included", () => {
    for (const input of [...everyKindInputs(), replicaLagInput()]) expect(diagnose(asBatched(input))).toEqual(diagnose(input));
    expect(worstVerdict(diagnose(asBatched(replicaLagInput())))?.kind).toBe("replica-lag");
  });

  it("lets no series outside the batch sway a verdict: write latency alone is no traffic to either path", () => {
    const table = tableDetail();
    const page = diagnosisInput({ table, metrics: metricsFor(table, [{ metric: "SuccessfulRequestLatency", stat: "Average", operation: "PutItem", values: every(4) }]) });
    expect(diagnose(page).map((verdict) => verdict.kind)).toEqual(["no-data"]);
    expect(diagnose(asBatched(page))).toEqual(diagnose(page));
  });
});

describe("a partial check", () => {
  // Nothing throttles and traffic is modest; only Contributor Insights' report shows one key taking most of it.
  const concentrated = () =>
    diagnosisInput({
      contributorInsights: insights(insightsResource(null, { rules: { PKC: [contributor("CUSTOMER#0", 270_000, 20_000), contributor("CUSTOMER#9", 36_000, 900)], PKT: [], SKC: [], SKT: [] } })),
    });

  it("for a table whose only problem needs the unbatched Contributor Insights report: partial, never healthy", () => {
    const page = worstVerdict(diagnose(concentrated()));
    expect(page).toMatchObject({ kind: "concentration", severity: "warning" });
    // Without the report (over the overview's budget), the rules find nothing, and the overview must not call that healthy.
    const found = diagnose(asBatched({ ...concentrated(), contributorInsights: null }));
    expect(worstVerdict(found)?.kind).toBe("healthy");
    const line = overviewVerdict(found, SKIPPED);
    expect(line).toMatchObject({ kind: "partial-check", severity: "info", title: PARTIAL_TITLE, check: "partial" });
    expect(line.notChecked).toEqual([{ check: "busiest keys", reason: expect.stringContaining("at most 20 tables") }]);
    expect(line.partialNote).toBe("Partial check: capacity, throttling and request mix only; busiest keys not checked. Open the table for the full check.");
  });

  it("with the report read, is a full check with the page's verdict", () => {
    const line = overviewVerdict(diagnose(asBatched(concentrated())), { ...ALL_READ, contributorInsights: { ok: true, enabled: 1 } });
    expect(line).toMatchObject({ kind: "concentration", severity: "warning", check: "full" });
  });

  it("still shows a problem it found, marked partial", () => {
    const line = overviewVerdict(diagnose(scanHeavyInput()), { ...SKIPPED, keySample: { finishedAt: 1 } });
    expect(line).toMatchObject({ kind: "scan-heavy", severity: "warning", check: "partial" });
    expect(line.partialNote).toBe("Partial check: capacity, throttling and request mix and storage skew only; busiest keys not checked. Open the table for the full check.");
  });

  it("when CloudWatch failed, shows the page's warning and says what could not be checked", () => {
    const line = overviewVerdict(diagnose(diagnosisInput({ metrics: null, metricsError: "CloudWatch failed: ThrottlingException: Rate exceeded" })), {
      ...ALL_READ,
      metrics: { ok: false, error: "CloudWatch failed: ThrottlingException: Rate exceeded" },
    });
    expect(line).toMatchObject({ kind: "no-data", severity: "warning", check: "partial" });
    expect(line.notChecked).toEqual([{ check: "capacity, throttling and request mix", reason: "CloudWatch metrics could not be read: CloudWatch failed: ThrottlingException: Rate exceeded" }]);
    expect(line.partialNote).toBe("Partial check: busiest keys only; capacity, throttling and request mix not checked. Open the table for the full check.");
  });

  it("when Contributor Insights could not be read, says so", () => {
    const line = overviewVerdict(diagnose(diagnosisInput()), { ...ALL_READ, contributorInsights: { ok: false, error: "Rate exceeded" } });
    expect(line).toMatchObject({ kind: "partial-check", check: "partial", notChecked: [{ check: "busiest keys", reason: "Contributor Insights could not be read: Rate exceeded" }] });
  });

  it("when the alarms or the auto scaling could not be read, is partial and names them: a firing alarm may be hidden", () => {
    const line = overviewVerdict(diagnose(diagnosisInput()), {
      ...ALL_READ,
      alarms: { ok: false, error: "AccessDenied: cloudwatch:DescribeAlarms" },
      scaling: { ok: false, error: "ThrottlingException" },
    });
    expect(line).toMatchObject({ kind: "partial-check", check: "partial" });
    expect(line.notChecked).toEqual([
      { check: "alarms", reason: "CloudWatch alarms could not be read: AccessDenied: cloudwatch:DescribeAlarms" },
      { check: "auto scaling", reason: "Auto scaling could not be read: ThrottlingException" },
    ]);
    expect(line.partialNote).toBe("Partial check: capacity, throttling and request mix and busiest keys only; alarms and auto scaling not checked. Open the table for the full check.");
  });
});

describe("tablesToReport", () => {
  it("picks the tables with Contributor Insights on, most trouble first, up to the budget", () => {
    const order = ["Throttled", "Busy", "Quiet", "Idle"];
    expect([...tablesToReport(order, new Set(["Idle", "Busy", "Throttled"]), 2)]).toEqual(["Throttled", "Busy"]);
    expect([...tablesToReport(order, new Set(["Idle"]), 2)]).toEqual(["Idle"]);
    expect(tablesToReport(order, new Set(), 2).size).toBe(0);
  });
});
