import "server-only";
import type { Scope } from "@/lib/scope/scope";
import { env } from "@/lib/env";
import { GetInsightRuleReportCommand, type CloudWatchClient, type GetInsightRuleReportCommandOutput } from "@aws-sdk/client-cloudwatch";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { isAccessedRule, MAX_CONTRIBUTORS, ruleKindOf, throttledRuleOf, toContributor } from "@/lib/insights/insight-rules";
import type { ContributorReport, InsightRuleKind, InsightRuleReport, InsightsResourceReport, InsightsResourceStatus } from "@/lib/insights/insights-types";
import { metricsTtlMs, type MetricWindow } from "@/lib/metrics/metric-window";
import type { TableDetail } from "@/lib/tables/table-detail";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { cloudWatchFailure } from "@/lib/server/metrics/cloudwatch-failure";
import { clientKey, resolveClients, type InsightsClients } from "./insights-clients";
import { contributorInsightsStatus } from "./insights-status";

/** GetInsightRuleReport's quota is low (20 calls per second by default); a table with GSIs has several rules. */
const REPORT_CONCURRENCY = 4;
const METRICS = ["MaxContributorValue", "UniqueContributors", "SampleCount", "Sum"];

type Loaded = Omit<ContributorReport, "cache">;
// An entry holds up to (1 + GSIs) × 4 rules × 25 contributors × up to 1,500 datapoints.
// A failed report (a rule not found, a throttled GetInsightRuleReport) is asked again at most every 10 s, not once per viewer.
const cache = new TtlCache<Loaded>(64, Date.now, 10_000);

/**
 * The top contributors of every rule of every ENABLED resource (the table and its GSIs) over the window, or null when
 * none is enabled. Rule names come from DescribeContributorInsights. Datapoints use the window's period (one minute up
 * to a day), and values are per minute. Cached and coalesced like the metrics: a live window for at most a minute.
 * Any CloudWatch failure is a 502 that names the AWS error.
 */
export async function contributorReport(scope: Scope, tableName: string, window: MetricWindow, clients: InsightsClients = {}, nowMs: number = Date.now()): Promise<ContributorReport | null> {
  const { table, statuses } = await contributorInsightsStatus(scope, tableName, clients);
  const enabled = statuses.filter((status) => status.status === "ENABLED");
  if (enabled.length === 0) return null;
  const { dynamodb, cloudwatch } = resolveClients(scope, clients);
  const rules = enabled.flatMap((status) => status.rules).sort();
  const key = JSON.stringify([clientKey(dynamodb), clientKey(cloudwatch), table.name, window.startMs, window.endMs, window.periodSeconds, rules]);
  const { value, outcome } = await cache.lookup(key, metricsTtlMs(window, nowMs), () => loadReport(cloudwatch, table, enabled, window));
  return { ...value, cache: outcome };
}

async function loadReport(client: CloudWatchClient, table: TableDetail, enabled: InsightsResourceStatus[], window: MetricWindow): Promise<Loaded> {
  const jobs = enabled.flatMap((status) =>
    status.rules.flatMap((ruleName) => {
      const kind = ruleKindOf(ruleName);
      return kind ? [{ status, ruleName, kind }] : [];
    }),
  );
  const reports = await mapWithConcurrency(jobs, REPORT_CONCURRENCY, (job) => ruleReport(client, job.ruleName, job.kind, window));
  const resources = enabled.map((status): InsightsResourceReport => {
    const rules: Partial<Record<InsightRuleKind, InsightRuleReport>> = {};
    jobs.forEach((job, position) => {
      const report = reports[position];
      if (job.status === status && report) rules[job.kind] = report;
    });
    joinThrottles(rules);
    return { table: table.name, index: status.index, mode: status.mode, keySchema: keySchemaOf(table, status.index), rules };
  });
  return { start: window.startMs, end: window.endMs, period: window.periodSeconds, resources, fetchedAt: Date.now() };
}

async function send(client: CloudWatchClient, command: GetInsightRuleReportCommand): Promise<GetInsightRuleReportCommandOutput> {
  try {
    return await client.send(command);
  } catch (error) {
    // Our own guard refusing a command is a bug, not an upstream failure: let it surface as a 500.
    if (error instanceof Error && !(error instanceof ReadOnlyViolationError)) throw cloudWatchFailure(error);
    throw error;
  }
}

async function ruleReport(client: CloudWatchClient, ruleName: string, kind: InsightRuleKind, window: MetricWindow): Promise<InsightRuleReport> {
  const output = await send(
    client,
    new GetInsightRuleReportCommand({
      RuleName: ruleName,
      StartTime: new Date(window.startMs),
      EndTime: new Date(window.endMs),
      Period: window.periodSeconds,
      MaxContributorCount: MAX_CONTRIBUTORS,
      Metrics: METRICS,
      OrderBy: "Sum",
    }),
  );
  const accessed = isAccessedRule(kind);
  const contributors = (output.Contributors ?? []).map((contributor) =>
    toContributor(
      {
        keys: contributor.Keys ?? [],
        total: contributor.ApproximateAggregateValue ?? 0,
        datapoints: (contributor.Datapoints ?? []).flatMap((point) =>
          point.Timestamp && point.ApproximateValue !== undefined ? [{ t: point.Timestamp.getTime(), value: point.ApproximateValue }] : [],
        ),
      },
      window.periodSeconds,
      accessed,
      env().partitionCapScale,
    ),
  );
  return {
    kind,
    ruleName,
    measures: accessed ? "consumed-throughput-units" : "throttled-requests",
    uniqueContributors: output.ApproximateUniqueCount ?? null,
    aggregateValue: output.AggregateValue ?? null,
    contributors,
  };
}

/** Gives each accessed key its throttled requests from the matching throttled-keys rule, where that can be known. */
function joinThrottles(rules: Partial<Record<InsightRuleKind, InsightRuleReport>>): void {
  for (const report of Object.values(rules)) {
    const throttledKind = throttledRuleOf(report.kind);
    const throttled = throttledKind ? rules[throttledKind] : undefined;
    if (!throttled) continue;
    const byKeys = new Map(throttled.contributors.map((contributor) => [JSON.stringify(contributor.keys), contributor.total]));
    // A full top list may have cut this key off; a shorter one lists every throttled key.
    const listsAll = throttled.contributors.length < MAX_CONTRIBUTORS;
    for (const contributor of report.contributors) contributor.throttled = byKeys.get(JSON.stringify(contributor.keys)) ?? (listsAll ? 0 : null);
  }
}

function keySchemaOf(table: TableDetail, index: string | null): InsightsResourceReport["keySchema"] {
  const gsi = index === null ? undefined : table.gsis.find((candidate) => candidate.name === index);
  return gsi ? gsi.keys : table.keys;
}
