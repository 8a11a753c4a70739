/**
 * Hot keys: hot-key, concentration, key-range-unknown-key and not-determinable, per resource (the table and each
 * GSI), from the throttle metrics and Contributor Insights (REFERENCE.md, "Diagnosis rules worth starting from"), and
 * for the table's writes from a stream sample when Contributor Insights has nothing (stream-facts.ts).
 */
import type { ContributorInsightsInput, ContributorInsightsResource, Evidence, InsightRuleKind, Verdict } from "./diagnosis-types";
import { count, enableInsightsCommand, INSIGHTS_COST_NOTE, quoteKey, resourceName, windowText } from "./evidence-text";
import { hasHeat, heatEvidence, heatOf, insightsStatusEvidence, type Heat } from "./heat-signals";
import { ceilingEvidence, ceilingShare, dominance, dominanceEvidence, insightsFor, insightsState, keyOf, ranked, sortKeyEvidence, throttledKeyEvidence, type Dominance } from "./insights-facts";
import { fired, firedThrottles, type ResourceFacts } from "./metric-facts";
import type { RuleContext } from "./rule-context";
import { streamConcentration, streamCorroboration, streamDominance, streamHotKey, streamSampleAdvice, usableStreamSample, writeHeat } from "./stream-facts";

export type HeatResult = { verdicts: Verdict[]; /** Resources whose verdict already says how to enable Contributor Insights. */ advisedInsights: Array<string | null> };

const inIndex = (index: string | null) => (index === null ? "" : ` in the index ${index}`);

function perKeyCeiling(ctx: RuleContext): string {
  return `${count(ctx.thresholds.partitionReadUnitsPerSecond)} RCU/s and ${count(ctx.thresholds.partitionWriteUnitsPerSecond)} WCU/s`;
}

function hotKey(ctx: RuleContext, ci: ContributorInsightsResource, window: ContributorInsightsInput, rule: InsightRuleKind, found: Dominance, heat: Heat): Verdict {
  const index = ci.index;
  const key = keyOf(found.top);
  const evidence: Evidence[] = [dominanceEvidence(rule, found, window, index)];
  if (rule === "PKC") {
    evidence.push(ceilingEvidence(found.top, window, index, ctx.thresholds, true), ...sortKeyEvidence(ci, key, window), ...throttledKeyEvidence(ranked(ci.rules.PKT), window, index));
  }
  evidence.push(...heatEvidence(ctx, heat));
  return {
    kind: "hot-key",
    severity: "critical",
    title: `The key ${quoteKey(key)}${inIndex(index)} is getting more traffic than DynamoDB can give a single key, so some requests are being turned away.`,
    key,
    index,
    evidence,
    suggestion:
      `Spread this key's traffic. For writes, add a suffix (say a number from 0 to 9) to the partition key so the load falls on several keys ("write sharding"); ` +
      `for reads, cache the hot item (DAX or an application cache) or read it less often. ` +
      `More capacity on ${resourceName(index)} will not help: the ceiling of ${perKeyCeiling(ctx)} is per key.`,
  };
}

function concentration(ctx: RuleContext, ci: ContributorInsightsResource, window: ContributorInsightsInput, found: Dominance): Verdict {
  const index = ci.index;
  const key = keyOf(found.top);
  return {
    kind: "concentration",
    severity: "warning",
    title: `The key ${quoteKey(key)}${inIndex(index)} gets far more traffic than any other; nothing is being turned away yet.`,
    key,
    index,
    evidence: [dominanceEvidence("PKC", found, window, index), ceilingEvidence(found.top, window, index, ctx.thresholds, false), ...sortKeyEvidence(ci, key, window)],
    suggestion:
      `Nothing fails yet, but one key can take at most ${perKeyCeiling(ctx)} however much capacity ${resourceName(index)} has. ` +
      `If its traffic keeps growing, spread it (add a suffix to the partition key) or cache its reads before it reaches that ceiling.`,
  };
}

function unknownKey(ctx: RuleContext, resource: ResourceFacts, ci: ContributorInsightsResource | null, heat: Heat): Verdict {
  const index = resource.index;
  const name = resourceName(index);
  const certain = heat.keyRange.length > 0;
  const title = certain
    ? `Requests to ${name} are being turned away because one key is overloaded, but which key is unknown.`
    : `Requests to ${name} are being turned away while it uses little of its capacity, which points to one overloaded key; which key is unknown.`;
  const how =
    ci?.status === "ENABLING"
      ? "Contributor Insights is being turned on: it will name the key for traffic from now on, not for what already happened."
      : `Turn on Contributor Insights for ${name} to see which keys are busiest and which are throttled: \`${enableInsightsCommand(ctx.input.table.name, index)}\`. ${INSIGHTS_COST_NOTE}`;
  // The table's own writes can be named from its stream, now: the stream already records them.
  const advice = index === null ? streamSampleAdvice(ctx, heat) : null;
  return {
    kind: "key-range-unknown-key",
    severity: "critical",
    title,
    index,
    evidence: [...heatEvidence(ctx, heat), insightsStatusEvidence(ctx, ci, index)],
    suggestion: `${advice ? `${advice.text} ` : ""}${how} Meanwhile, look for a key your application uses far more than others (a popular item, a fixed date, a status value).`,
    ...(advice ? { action: advice.action } : {}),
  };
}

function noSingleKey(ctx: RuleContext, ci: ContributorInsightsResource, window: ContributorInsightsInput, heat: Heat): Verdict {
  const index = ci.index;
  const top = ranked(ci.rules.PKC).slice(0, 3);
  const topEvidence: Evidence[] = top.map((entry) => ({
    source: "contributor-insights",
    metric: "PKC",
    label: `Contributor Insights on ${resourceName(index)}: ${quoteKey(keyOf(entry))} consumed ${count(entry.total)} throughput units (3 × WCU + RCU) ${windowText(window.window)}`,
    window: window.window,
    link: { kind: "partition", index, key: keyOf(entry) },
  }));
  return {
    kind: "key-range-unknown-key",
    severity: "critical",
    title: `Requests to ${resourceName(index)} are being turned away because part of it is overloaded, but no single key stands out.`,
    index,
    evidence: [...heatEvidence(ctx, heat), ...topEvidence, ...throttledKeyEvidence(ranked(ci.rules.PKT), window, index)],
    suggestion:
      "Several busy keys seem to share one partition, or traffic jumped faster than DynamoDB could split it. " +
      "Spread writes over more key values (add a suffix to the partition key), and check the busiest partition and sort keys in Contributor Insights.",
  };
}

function notDeterminable(ctx: RuleContext, ci: ContributorInsightsResource, window: ContributorInsightsInput, heat: Heat): Verdict {
  const index = ci.index;
  const name = resourceName(index);
  const certain = heat.keyRange.length > 0;
  return {
    kind: "not-determinable",
    severity: certain ? "critical" : "warning",
    title: certain
      ? `Requests to ${name} are being turned away because one key is overloaded, but which key cannot be determined from the data available.`
      : `Requests to ${name} are being turned away in a way that points to one overloaded key, but which key cannot be determined from the data available.`,
    index,
    evidence: [
      ...heatEvidence(ctx, heat),
      {
        source: "contributor-insights",
        metric: ci.rules.PKC === null ? "PKT" : "PKC",
        label: `Contributor Insights is on for ${name}${ci.mode ? ` (${ci.mode})` : ""} but reported no keys ${windowText(window.window)}`,
        window: window.window,
      },
    ],
    suggestion:
      "Contributor Insights does not look back: if it was turned on after these throttles, it can only name the key next time. " +
      "It also does not see PartiQL requests (ExecuteStatement) or reads answered by DAX, and in THROTTLED_KEYS mode it lists only throttled keys. " +
      "Check when it was enabled against the time of the throttles, and whether this traffic uses PartiQL.",
  };
}

/**
 * The table's verdict from a stream sample when Contributor Insights has nothing: a dominant writer with write heat is
 * the hot key; without any throttling, near one key's limit, a concentration. Read heat is not the stream's to explain.
 */
function streamVerdict(ctx: RuleContext, resource: ResourceFacts, heat: Heat, ci: ContributorInsightsResource | null): Verdict | null {
  const sample = resource.index === null ? usableStreamSample(ctx) : null;
  const found = sample && streamDominance(sample, ctx.thresholds);
  if (!sample || !found) return null;
  if (hasHeat(heat)) return writeHeat(heat) ? streamHotKey(ctx, sample, found, heat, ci) : null;
  return firedThrottles(resource).length === 0 ? streamConcentration(ctx, sample, found) : null;
}

/** A table verdict gets the stream's word on its key (or on the stream's top writer) as corroborating evidence. */
function withStream(ctx: RuleContext, resource: ResourceFacts, verdict: Verdict): Verdict {
  const evidence = resource.index === null ? streamCorroboration(ctx, verdict.key) : null;
  return evidence ? { ...verdict, evidence: [...verdict.evidence, evidence] } : verdict;
}

function resourceHeat(ctx: RuleContext, resource: ResourceFacts, result: HeatResult): void {
  const input = ctx.input.contributorInsights;
  const ci = insightsFor(input, resource.index);
  const heat = heatOf(ctx, resource);
  const state = insightsState(ci);
  if (state !== "data" || !ci || !input) {
    const fromStream = streamVerdict(ctx, resource, heat, ci);
    if (fromStream) {
      result.verdicts.push(fromStream);
      return;
    }
    if (!hasHeat(heat)) return;
    if (state === "empty" && ci && input) {
      result.verdicts.push(withStream(ctx, resource, notDeterminable(ctx, ci, input, heat)));
      return;
    }
    result.verdicts.push(withStream(ctx, resource, unknownKey(ctx, resource, ci, heat)));
    result.advisedInsights.push(resource.index);
    return;
  }
  const accessed = ranked(ci.rules.PKC);
  const throttledKeys = ranked(ci.rules.PKT);
  // Throttled-key reports count every throttled request whatever its cause, so they point at a hot key only when
  // capacity or a limit doesn't already explain the throttling. Accessed keys rank the traffic when there are any.
  const explained = [resource.read, resource.write].some((facts) => [facts.causes.provisioned, facts.causes.maxOnDemand, facts.causes.accountLimit].some(fired));
  const heated = hasHeat(heat) || (throttledKeys.length > 0 && !explained);
  const rule: InsightRuleKind = accessed.length > 0 ? "PKC" : "PKT";
  const found = dominance(accessed.length > 0 ? accessed : throttledKeys, ctx.thresholds);
  if (heated) {
    result.verdicts.push(withStream(ctx, resource, found ? hotKey(ctx, ci, input, rule, found, heat) : noSingleKey(ctx, ci, input, heat)));
    return;
  }
  // Provisioned or limit throttles have their own verdicts; concentration means nothing throttles at all.
  const quiet = firedThrottles(resource).length === 0;
  if (found && rule === "PKC" && quiet && ceilingShare(found.top, ctx.thresholds) >= ctx.thresholds.concentrationMinCapShare) {
    result.verdicts.push(withStream(ctx, resource, concentration(ctx, ci, input, found)));
  }
}

export function heatVerdicts(ctx: RuleContext): HeatResult {
  const result: HeatResult = { verdicts: [], advisedInsights: [] };
  for (const resource of ctx.facts) resourceHeat(ctx, resource, result);
  return result;
}
