/**
 * The diagnosis engine: metrics, Contributor Insights, the latest key sample and size audit in; plain verdicts with
 * their evidence out, worst first. Pure and client-safe. It never reports health from missing data.
 */
import { findSeries, hasData } from "@/lib/metrics/series-lookup";
import { alarmVerdicts, type AlarmsInput } from "./alarm-rules";
import { unusualTrafficVerdicts, withLastWeekThrottling, type BaselinesInput } from "./baseline-rules";
import { capacityVerdicts } from "./capacity-rules";
import { changeVerdicts, type ChangesInput } from "./change-rules";
import { onlyDiagnosisSeries } from "./diagnosis-series";
import { SEVERITIES, type DiagnosisInput, type Evidence, type Severity, type Verdict } from "./diagnosis-types";
import { capacityModeVerdicts } from "./cost-rules";
import { count, enableInsightsCommand, INSIGHTS_COST_NOTE, resourceName, utcTime, windowText } from "./evidence-text";
import { heatVerdicts } from "./hot-key-rules";
import { firedThrottles, resourceFacts, utilizationEvidence } from "./metric-facts";
import type { RuleContext } from "./rule-context";
import { replicationVerdicts } from "./replication-rules";
import { scalingVerdicts, withoutExplained, type ScalingInput } from "./scaling-rules";
import { scanVerdicts } from "./scan-rules";
import { largeItemVerdicts, storageSkewVerdicts } from "./storage-rules";

const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, rank])) as Record<Severity, number>;

/** Critical first; verdicts of one severity keep the order the rules gave them (most specific first). */
export function sortVerdicts(verdicts: readonly Verdict[]): Verdict[] {
  return [...verdicts].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The verdict a triage list shows for a table; null for none. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict | null {
  return sortVerdicts(verdicts)[0] ?? null;
}

/** Off for the table or a GSI (info): what it would show and how to turn it on. UNAVAILABLE and ENABLING say nothing. */
function insightsOff(input: DiagnosisInput, advised: ReadonlyArray<string | null>): Verdict[] {
  const ci = input.contributorInsights;
  if (!ci) return [];
  const off = ci.resources.filter((resource) => ["DISABLED", "DISABLING", "FAILED"].includes(resource.status) && !advised.includes(resource.index));
  const [first] = off;
  if (!first) return [];
  const evidence: Evidence[] = off.map((resource) => ({
    source: "contributor-insights",
    label: `Contributor Insights is ${resource.status} for ${resourceName(resource.index)} ${windowText(ci.window)}`,
    window: ci.window,
  }));
  const commands = off.map((resource) => `\`${enableInsightsCommand(input.table.name, resource.index)}\``).join(", ");
  return [
    {
      kind: "contributor-insights-off",
      severity: "info",
      title: "Tracking of the busiest keys is off, so if one key gets overloaded it can't be named.",
      index: off.some((resource) => resource.index === null) ? null : first.index,
      evidence,
      suggestion:
        "Contributor Insights would show, minute by minute, the partition keys (and partition and sort keys) that use the most throughput and that are throttled most, " +
        `which is how a hot key gets its name. To turn it on: ${commands}. ${INSIGHTS_COST_NOTE}`,
    },
  ];
}

function cloudWatchMissing(input: DiagnosisInput): Verdict {
  return {
    kind: "no-data",
    severity: "warning",
    title: "Traffic figures are unavailable right now, so it can't be checked whether requests are being turned away.",
    evidence: [{ source: "metric", label: `CloudWatch could not be read at ${utcTime(input.now)} UTC: ${input.metricsError ?? "no reason given"}` }],
    suggestion: "Nothing here means the table is healthy. Check the dashboard's access to CloudWatch (GetMetricData), then reload.",
  };
}

/** Traffic, among the series the rules see: consumption (table and GSIs), and read requests and returned items. */
const ACTIVITY = ["ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "SuccessfulRequestLatency", "ReturnedItemCount"];

/** No-data when nothing was published, or the throttle series weren't part of the answer; otherwise healthy if nothing fired. */
function dataVerdict(ctx: RuleContext, others: readonly Verdict[]): Verdict | null {
  const { metrics } = ctx;
  const window = { start: metrics.start, end: metrics.end };
  const genericThrottles = ["ReadThrottleEvents", "WriteThrottleEvents"].map((metric) => findSeries(metrics, { metric, stat: "Sum", index: null }));
  const throttleSeriesMissing = genericThrottles.some((series) => series === null);
  const throttled = ctx.facts.some((resource) => firedThrottles(resource).length > 0);
  const active = throttled || metrics.series.some((series) => ACTIVITY.includes(series.metric) && hasData(series.values));
  const consumed = ctx.facts[0]?.read.consumed ?? null;
  const chart = consumed ? { kind: "chart" as const, seriesId: consumed.id } : undefined;
  if (throttleSeriesMissing || !active) {
    const label = throttleSeriesMissing
      ? `The CloudWatch answer ${windowText(window)} had no throttle series (ReadThrottleEvents, WriteThrottleEvents) to check`
      : `No datapoint for consumed capacity, requests or throttle events ${windowText(window)}`;
    return {
      kind: "no-data",
      severity: "info",
      title: "There are no traffic figures for this table in this time range, so its health can't be confirmed.",
      evidence: [{ source: "metric", metric: throttleSeriesMissing ? "ReadThrottleEvents" : "ConsumedReadCapacityUnits", label, window, link: chart }],
      suggestion: "If the table had traffic in this range, CloudWatch hasn't published it (metrics arrive a minute or more late); try a longer range. An idle table has no figures at all.",
    };
  }
  const blocking = others.some((verdict) => verdict.severity === "critical" || verdict.severity === "warning" || verdict.kind === "not-determinable");
  if (throttled || blocking) return null;
  const throttleSum = genericThrottles.reduce<number | null>((sum, series) => {
    const values = series?.values.filter((value): value is number => value !== null) ?? [];
    return values.length === 0 ? sum : (sum ?? 0) + values.reduce((a, b) => a + b, 0);
  }, null);
  const [readSeries] = genericThrottles;
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: "ReadThrottleEvents, WriteThrottleEvents",
      label:
        throttleSum === null
          ? `No throttle events were published ${windowText(window)} (DynamoDB publishes them only when it turns a request away)`
          : `${count(throttleSum)} throttle events ${windowText(window)}`,
      window,
      link: readSeries ? { kind: "chart", seriesId: readSeries.id } : undefined,
    },
  ];
  for (const facts of [ctx.facts[0]?.read, ctx.facts[0]?.write]) {
    const utilization = facts ? utilizationEvidence(metrics, facts) : null;
    if (utilization) evidence.push(utilization);
  }
  return {
    kind: "healthy",
    severity: "ok",
    title: "No problems found in this time range: no requests were turned away and there was capacity to spare.",
    evidence,
    suggestion: "No action needed. CloudWatch's one-minute figures can hide bursts of a few seconds; the application's own error logs would show those.",
  };
}

export function diagnose(given: DiagnosisInput & AlarmsInput & ScalingInput & BaselinesInput & ChangesInput): Verdict[] {
  // A firing alarm is where on-call starts: its verdict comes first among the critical ones.
  const verdicts: Verdict[] = alarmVerdicts(given);
  let advised: Array<string | null> = [];
  // The rules see only the series the overview batches too (diagnosis-series.ts): the table page, which fetches every
  // series, and the overview, which fetches just these, then reach the same verdicts from the same CloudWatch answer.
  const metrics = given.metrics ? onlyDiagnosisSeries(given.metrics) : null;
  const input: DiagnosisInput = { ...given, metrics };
  const ctx: RuleContext | null = metrics ? { input, metrics, thresholds: input.thresholds, facts: resourceFacts(metrics, input.table) } : null;
  if (ctx) {
    const heat = heatVerdicts(ctx);
    advised = heat.advisedInsights;
    // Auto scaling's verdicts come before the capacity ones: at its maximum, it is their explanation (scaling-rules.ts).
    const scaling = scalingVerdicts(ctx, given.scaling);
    // A change just before the throttling began is its likely cause: named before the verdicts that describe the shortfall.
    verdicts.push(...changeVerdicts(ctx, given.changes));
    verdicts.push(...heat.verdicts, ...scaling.verdicts, ...withoutExplained(capacityVerdicts(ctx), scaling.explained), ...scanVerdicts(ctx));
    verdicts.push(...replicationVerdicts(ctx));
    verdicts.push(...unusualTrafficVerdicts(ctx, given.baselines));
  }
  verdicts.push(...storageSkewVerdicts(input), ...largeItemVerdicts(input), ...insightsOff(input, advised));
  const last = ctx ? dataVerdict(ctx, verdicts) : cloudWatchMissing(input);
  if (last) verdicts.push(last);
  // After the data verdict: money never blocks "healthy", and among "ok" verdicts health is named first.
  verdicts.push(...capacityModeVerdicts(input.cost));
  // Throttling that also happened at this hour last week is noted on the verdicts about it (baseline-rules.ts).
  return sortVerdicts(ctx ? withLastWeekThrottling(ctx, verdicts, given.baselines) : verdicts);
}
