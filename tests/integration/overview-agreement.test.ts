// One truth per table (issue 19): on the demo, the overview's worst verdict for each table is the one its page shows
// for the same window. The demo stack runs 30 minutes of simulated history and no live traffic, as the e2e stack does,
// so no datapoint can arrive between the two reads, and Date is frozen so both resolve the same "last hour".
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as overviewRoute from "@/app/api/diagnosis/overview/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import { worstVerdict } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import { diagnosisSeriesDefinitions } from "@/lib/diagnosis/diagnosis-series";
import { queryKey } from "@/lib/metrics/metric-series";
import { describeTable } from "@/lib/server/tables/describe-table";
import { startLocalStack, type LocalStack } from "../../local/stack/local-stack";
import { callRoute } from "../support/local-tables";
import { localStats, resetLocalStats } from "../support/metrics-fixtures";
import { warmCosts } from "../support/cost-warmup";

const DEMO_TABLES = ["Events", "Sessions", "Shop"];
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ seed: true, historyMs: 30 * 60_000, workload: false, heapMb: 512 });
  // The dashboard's own clients read this stack (through the metering proxy); lib/env.ts reads these on first use.
  for (const [name, value] of Object.entries(stack.dashboardEnv)) vi.stubEnv(name, value);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now());
}, 240_000);

afterAll(async () => {
  vi.useRealTimers();
  await stack?.stop();
});

describe("the overview and the table page on the demo", () => {
  it("give every demo table the same worst verdict for the same window, each from a full check", async () => {
    await warmCosts(DEMO_TABLES);
    await resetLocalStats(stack.cloudwatch.endpoint);
    const { status, body } = await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {});
    expect(status, JSON.stringify(body)).toBe(200);
    const overview = body as DiagnosisOverviewResponse;
    expect(Object.keys(overview.tables).sort()).toEqual(DEMO_TABLES);

    // Every table's diagnosis series share GetMetricData calls of up to 500 queries.
    const queries = (await Promise.all(DEMO_TABLES.map((name) => describeTable(LOCAL_SCOPE, name)))).reduce(
      (sum, table) => sum + new Set(diagnosisSeriesDefinitions({ table: table.name, gsis: table.gsis.map((gsi) => gsi.name), onDemand: table.billingMode === "PAY_PER_REQUEST", periodSeconds: 60 }).map(queryKey)).size,
      0,
    );
    // ...plus one batch of the last 24 h's peaks for the auto scaled tables, when there are any (scaling-source.ts),
    // and one round for each baseline, the same hour yesterday and last week (baseline-source.ts).
    const scaled = Object.values(overview.tables).some((line) => line?.inputs.scaling?.ok === true && line.inputs.scaling.targets > 0);
    expect((await localStats(stack.cloudwatch.endpoint)).GetMetricData).toBe(Math.ceil(queries / 500) + (scaled ? 1 : 0) + 2);

    for (const table of DEMO_TABLES) {
      const page = await callRoute(diagnosisRoute.GET, `/api/tables/${table}/diagnosis?range=1h`, { table });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      const diagnosis = page.body as DiagnosisResponse;
      expect(diagnosis.window).toEqual(overview.window);
      const worst = worstVerdict(diagnosis.verdicts);
      const line = overview.tables[table];
      expect(line, table).toMatchObject({ kind: worst?.kind, severity: worst?.severity, title: worst?.title, check: "full", notChecked: [], inputs: diagnosis.inputs });
      // The alarms too: both read the scope's one alarm listing, so the count in ALARM is the page's.
      expect(diagnosis.inputs.alarms?.ok, table).toBe(true);
      expect(line?.alarmsInAlarm, table).toBe(diagnosis.inputs.alarms?.ok ? diagnosis.inputs.alarms.inAlarm : null);
      // The demo's auto scaling (issue 13): Shop's GSI1 writes sit at their maximum, Sessions has none and throttles.
      if (table === "Shop") expect(diagnosis.verdicts).toContainEqual(expect.objectContaining({ kind: "scaling-at-maximum", index: "GSI1" }));
      if (table === "Sessions") expect(diagnosis.verdicts).toContainEqual(expect.objectContaining({ kind: "no-auto-scaling", index: null }));
      // Each demo table has a problem today (hot key, throttled writes, scans), so agreement is not "both healthy".
      expect(["critical", "warning"], `${table}: ${line?.kind ?? "none"}`).toContain(line?.severity);
    }
  }, 120_000);

  it("puts the demo's firing alarm on Sessions first, on its page and in the overview, with the count in ALARM", async () => {
    const page = (await callRoute(diagnosisRoute.GET, "/api/tables/Sessions/diagnosis?range=1h", { table: "Sessions" })).body as DiagnosisResponse;
    expect(worstVerdict(page.verdicts)?.kind).toBe("alarm-firing");
    expect(worstVerdict(page.verdicts)?.title).toMatch(/^Alarm “Sessions write throttles” is firing since /);
    const overview = (await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {})).body as DiagnosisOverviewResponse;
    expect(overview.tables.Sessions).toMatchObject({ kind: "alarm-firing", alarmsInAlarm: 1 });
    // The demo's alarm on Shop's read utilization is OK: nothing in ALARM there.
    expect(overview.tables.Shop?.alarmsInAlarm).toBe(0);
  });

  it("shows Events as scan-heavy on its page, so the overview no longer calls it healthy", async () => {
    const page = (await callRoute(diagnosisRoute.GET, "/api/tables/Events/diagnosis?range=1h", { table: "Events" })).body as DiagnosisResponse;
    expect(page.verdicts.map((verdict) => verdict.kind)).toContain("scan-heavy");
    const overview = (await callRoute(overviewRoute.GET, "/api/diagnosis/overview", {})).body as DiagnosisOverviewResponse;
    expect(overview.tables.Events?.severity).not.toBe("ok");
    // Contributor Insights is on for Shop (table and GSI1) and off for Events (whose chatty device only its stream names):
    // both were read (the page's inputs, not "skipped").
    expect(overview.tables.Events?.inputs.contributorInsights).toEqual({ ok: true, enabled: 0 });
    expect(overview.tables.Shop?.inputs.contributorInsights).toEqual({ ok: true, enabled: 2 });
  });
});
