import "server-only";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { diagnose } from "@/lib/diagnosis/diagnose";
import type { DiagnosisOverviewResponse, OverviewDiagnosisInputs } from "@/lib/diagnosis/diagnosis-response";
import { overviewVerdict, tablesToReport } from "@/lib/diagnosis/overview-verdict";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";
import type { Access } from "@/lib/server/auth/access";
import { contributorInsightsStatus, type InsightsStatusResult } from "@/lib/server/insights/insights-status";
import { tableInsights } from "@/lib/server/insights/table-insights";
import { describeForOverview, lastHour, overviewBatch, type OverviewBatch } from "@/lib/server/metrics/overview-metrics";
import { listTableNames } from "@/lib/server/tables/list-tables";
import { scopeAlarms } from "@/lib/server/alarms/scope-alarms";
import { alarmsSource } from "./alarms-source";
import { baselineSources } from "./baseline-source";
import { diagnosisThresholds, insightsSource, jobInputs, sourceFailure } from "./diagnosis-sources";
import { changesSources } from "./changes-source";
import { costSources } from "./cost-source";
import { scalingSources } from "./scaling-source";

/**
 * Contributor Insights reports are the one input that cannot be batched: GetInsightRuleReport reads one rule per
 * call (up to four per table and GSI), under a low quota. The overview reads them for at most this many tables with
 * Contributor Insights on, most trouble first; the others get a partial check that says so.
 */
export const MAX_INSIGHTS_REPORTS = 20;
/**
 * Contributor Insights *status* is read for every table. Without it no quiet table's worst verdict is known (when it
 * is off, that is the page's top verdict, above "healthy"), nor which kind a hot-partition verdict is. It is one
 * DescribeContributorInsights per table and GSI, the same control-plane cost as the DescribeTable the table list
 * already makes for every table, and cached for 30 s and shared with the table pages (insights-status.ts).
 * ListContributorInsights could list a whole account in a page but gives no rule names, so it could not stand in.
 */
const STATUS_CONCURRENCY = 8;
/**
 * Tables diagnosed at a time. A table whose reports are read costs up to REPORT_CONCURRENCY (4) GetInsightRuleReport
 * calls in flight, so two at a time stay under its quota; every other table's inputs are already cached by then.
 */
const DIAGNOSE_CONCURRENCY = 2;

type Described = { name: string; detail: TableDetail };
type Metrics = { ok: true; batch: OverviewBatch } | { ok: false; error: string };

const settle = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: "fulfilled", value }),
    (reason: unknown) => ({ status: "rejected", reason }),
  );

const hasEnabled = (status: PromiseSettledResult<InsightsStatusResult>) => status.status === "fulfilled" && status.value.statuses.some((resource) => resource.status === "ENABLED");

/**
 * Each table's worst verdict over the last hour, from the same engine and the same facts as its page: the batched
 * metrics carry every series the rules read (diagnosis-series.ts), Contributor Insights and the latest key sample and
 * size audit are read as the page reads them. A check is partial only where Contributor Insights reports were left
 * unread (over the budget) or a source failed, and then it says so (overview-verdict.ts).
 */
export async function overviewDiagnosis(scope: Scope, access: Access, now = Date.now()): Promise<DiagnosisOverviewResponse> {
  const window = lastHour(now);
  const tables = await describeForOverview(scope, await listTableNames(scope));
  const described: Described[] = tables.flatMap(({ name, detail }) => (detail ? [{ name, detail }] : []));
  // One DescribeAlarms listing (cached a minute, shared with the table pages) gives every table its alarms.
  // Auto scaling likewise: one read of the scope's targets and activities, one 24 h peaks batch for its auto scaled tables.
  // Baselines too: the same hour yesterday and last week of every table, one batched round each (baseline-source.ts).
  // And the cost: each table's 14-day answer, the one its Cost section shows (cost-source.ts).
  const [metrics, statuses, alarmsRead, scalingRead, changesRead, baselineRead, costRead] = await Promise.all([
    overviewBatch(scope, tables, now).then(
      (batch): Metrics => ({ ok: true, batch }),
      (error: unknown): Metrics => ({ ok: false, error: sourceFailure(error, "CloudWatch metrics") }),
    ),
    mapWithConcurrency(described, STATUS_CONCURRENCY, ({ name }) => settle(contributorInsightsStatus(scope, name))),
    settle(scopeAlarms(scope, now)),
    scalingSources(scope, described.map(({ name }) => name), window, now),
    // One CloudTrail read of the scope (per event source, paged and paced) gives every table its changes.
    changesSources(scope, described.map(({ name }) => name), window, access, now),
    baselineSources(scope, described, window, now),
    costSources(scope, described.map(({ name }) => name), now),
  ]);
  const enabled = new Set(
    described.filter((_, position) => {
      const status = statuses[position];
      return status !== undefined && hasEnabled(status);
    }).map(({ name }) => name),
  );
  const reported = tablesToReport(metrics.ok ? metrics.batch.overview.order : described.map(({ name }) => name), enabled, MAX_INSIGHTS_REPORTS);

  const thresholds = diagnosisThresholds();
  const verdicts = await mapWithConcurrency(described, DIAGNOSE_CONCURRENCY, async ({ name, detail }, position) => {
    const status = statuses[position];
    let insights: PromiseSettledResult<InsightsResponse> | null = null;
    if (status?.status === "rejected") insights = status;
    else if (!enabled.has(name) || reported.has(name)) insights = await settle(tableInsights(scope, name, window, {}, now));
    const ci = insights ? insightsSource(insights, access) : null;
    const jobs = jobInputs(scope, name, access);
    const alarms = alarmsSource(alarmsRead, name, window, now);
    const scaling = scalingRead.get(name);
    const changes = changesRead.get(name);
    const baselines = baselineRead.get(name);
    const cost = costRead.get(name);
    const inputs: OverviewDiagnosisInputs = {
      metrics: metrics.ok ? { ok: true } : { ok: false, error: metrics.error },
      contributorInsights: ci?.inputs ?? { ok: false, skipped: `Contributor Insights is on for this table, but the overview reads its reports for at most ${MAX_INSIGHTS_REPORTS} tables per refresh.` },
      ...jobs.inputs,
      alarms: alarms.inputs,
      scaling: scaling?.inputs,
      changes: changes?.inputs,
      baselines: baselines?.inputs,
      cost: cost?.inputs,
    };
    const found = diagnose({
      table: detail,
      metrics: metrics.ok ? metrics.batch.metricsFor(name) : null,
      metricsError: metrics.ok ? null : metrics.error,
      contributorInsights: ci?.input ?? null,
      ...jobs.input,
      alarms: alarms.alarms,
      scaling: scaling?.scaling ?? null,
      changes: changes?.changes ?? null,
      baselines: baselines?.baselines ?? null,
      cost: cost?.cost ?? null,
      thresholds,
      now,
    });
    return { ...overviewVerdict(found, inputs), alarmsInAlarm: alarms.inputs.ok ? alarms.inputs.inAlarm : null, cost: cost?.fleet ?? null };
  });

  const byName = new Map(described.map(({ name }, position) => [name, verdicts[position] ?? null]));
  const result: DiagnosisOverviewResponse["tables"] = {};
  for (const { name } of tables) result[name] = byName.get(name) ?? null;
  return { window: { start: window.startMs, end: window.endMs }, tables: result, generatedAt: now, keysDigested: access.digestsKeys };
}
