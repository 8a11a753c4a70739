/**
 * Reading Contributor Insights for the rules: what state a resource's data is in, which key dominates, and how its
 * busiest minute compares with DynamoDB's per-key ceiling.
 */
import type { Contributor, ContributorInsightsInput, ContributorInsightsResource, DiagnosisThresholds, Evidence, InsightRuleKind } from "./diagnosis-types";
import { count, percent, quoteKey, ratio, resourceName, utcTime, windowText } from "./evidence-text";

/** "data": at least one key reported; "empty": enabled and read, but no key; "none": off, unreadable or not read. */
export type InsightsState = "data" | "empty" | "none";

export function insightsFor(input: ContributorInsightsInput | null, index: string | null): ContributorInsightsResource | null {
  return input?.resources.find((resource) => resource.index === index) ?? null;
}

export function insightsState(resource: ContributorInsightsResource | null): InsightsState {
  if (!resource || resource.status !== "ENABLED") return "none";
  const reports = [resource.rules.PKC, resource.rules.PKT].filter((report): report is Contributor[] => report !== null);
  if (reports.length === 0) return "none";
  return reports.some((report) => report.length > 0) ? "data" : "empty";
}

/** Most first, whatever order the report came in. */
export function ranked(contributors: Contributor[] | null): Contributor[] {
  return [...(contributors ?? [])].filter((entry) => entry.total > 0).sort((a, b) => b.total - a.total);
}

export const keyOf = (contributor: Contributor): string => contributor.keys[0] ?? "";

export type Dominance = { top: Contributor; second: Contributor | null; share: number };

/** The top key dominates when it is ≥ dominance × the next key, or holds ≥ concentrationShare of everything listed. */
export function dominance(list: Contributor[], thresholds: DiagnosisThresholds): Dominance | null {
  const [top, second] = list;
  if (!top) return null;
  const sum = list.reduce((total, entry) => total + entry.total, 0);
  const share = sum > 0 ? top.total / sum : 0;
  const dominant = !second || top.total >= thresholds.hotKeyDominance * second.total || share >= thresholds.concentrationShare;
  return dominant ? { top, second: second ?? null, share } : null;
}

const RULE_WORDS: Record<InsightRuleKind, { what: string; unit: string }> = {
  PKC: { what: "consumed", unit: "throughput units (3 × WCU + RCU)" },
  SKC: { what: "consumed", unit: "throughput units (3 × WCU + RCU)" },
  PKT: { what: "had", unit: "throttled requests" },
  SKT: { what: "had", unit: "throttled requests" },
};

/** '"CUSTOMER#0" consumed 270,000 throughput units (3 × WCU + RCU) between …, 7.5× the next key ("CUSTOMER#9", 36,000)'. */
export function dominanceEvidence(rule: InsightRuleKind, found: Dominance, input: ContributorInsightsInput, index: string | null): Evidence {
  const { top, second } = found;
  const words = RULE_WORDS[rule];
  const next = second
    ? `, ${second.total > 0 ? ratio(top.total / second.total) : "far more than"} the next key (${quoteKey(keyOf(second))}, ${count(second.total)})`
    : ", the only key Contributor Insights reported";
  return {
    source: "contributor-insights",
    metric: rule,
    label: `Contributor Insights on ${resourceName(index)}: ${quoteKey(top.keys.join(" / "))} ${words.what} ${count(top.total)} ${words.unit} ${windowText(input.window)}, ${percent(found.share)} of the top keys' total${next}`,
    window: input.window,
    link: { kind: "partition", index, key: keyOf(top) },
  };
}

/** One key's ceiling in Contributor Insights' units (3 × WCU + RCU per minute): reads and writes each give 180,000 by default. */
export function keyCeilings(thresholds: DiagnosisThresholds): { readUnits: number; writeUnits: number } {
  return { readUnits: thresholds.partitionReadUnitsPerSecond * 60, writeUnits: thresholds.partitionWriteUnitsPerSecond * 60 * 3 };
}

/** The share of one key's ceiling a key's busiest minute reached, as writes (3× weighted); the larger of the two readings. */
export function ceilingShare(contributor: Contributor, thresholds: DiagnosisThresholds): number {
  const { readUnits, writeUnits } = keyCeilings(thresholds);
  return Math.max(contributor.peakPerMinute / writeUnits, contributor.peakPerMinute / readUnits);
}

/** The busiest minute against the per-key ceiling; Contributor Insights adds reads and writes together, so say so. */
export function ceilingEvidence(contributor: Contributor, input: ContributorInsightsInput, index: string | null, thresholds: DiagnosisThresholds, throttled: boolean): Evidence {
  const { readUnits, writeUnits } = keyCeilings(thresholds);
  const peak = contributor.peakPerMinute;
  const minute = contributor.peakAt === null ? "" : ` (${utcTime(contributor.peakAt)} UTC)`;
  const writes = `${percent(peak / writeUnits)} of one key's write ceiling (${count(thresholds.partitionWriteUnitsPerSecond)} WCU/s = ${count(writeUnits / 3)} WCU a minute, ${count(writeUnits)} units at 3× weighting)`;
  const reads = readUnits === writeUnits ? `; as reads it is the same share of the ${count(readUnits)} RCU-a-minute read ceiling` : `; as reads, ${percent(peak / readUnits)} of the ${count(readUnits)} RCU-a-minute read ceiling`;
  const bursts =
    throttled && peak < Math.min(readUnits, writeUnits)
      ? ". A per-minute total hides bursts within the minute, so throttling below 100% means second-long bursts, or other busy keys on the same partition"
      : "";
  return {
    source: "contributor-insights",
    metric: "PKC",
    label: `Its busiest minute${minute} used ${count(peak)} units (3 × WCU + RCU: Contributor Insights adds reads and writes together): ${writes}${reads}${bursts}`,
    window: contributor.peakAt === null ? input.window : { start: contributor.peakAt, end: contributor.peakAt + 60_000 },
    link: { kind: "partition", index, key: keyOf(contributor) },
  };
}

/** The top throttled keys (PKT), each linked to its partition. */
export function throttledKeyEvidence(list: Contributor[], input: ContributorInsightsInput, index: string | null, limit = 3): Evidence[] {
  return list.slice(0, limit).map((entry, position) => ({
    source: "contributor-insights",
    metric: "PKT",
    label: `Contributor Insights on ${resourceName(index)}: ${quoteKey(keyOf(entry))} had ${count(entry.total)} throttled requests ${windowText(input.window)}${position === 0 ? ", the most of any key" : ""}, at most ${count(entry.peakPerMinute)} in one minute`,
    window: input.window,
    link: { kind: "partition", index, key: keyOf(entry) },
  }));
}

/** The busiest partition + sort key of a key (SKC), which shows whether one item or a range of items is hot. */
export function sortKeyEvidence(resource: ContributorInsightsResource, key: string, input: ContributorInsightsInput): Evidence[] {
  const busiest = ranked(resource.rules.SKC).find((entry) => keyOf(entry) === key);
  if (!busiest || busiest.keys.length < 2) return [];
  return [
    {
      source: "contributor-insights",
      metric: "SKC",
      label: `Its busiest item was ${quoteKey(busiest.keys.join(" / "))} (partition / sort key), with ${count(busiest.total)} throughput units ${windowText(input.window)}`,
      window: input.window,
      link: { kind: "partition", index: resource.index, key },
    },
  ];
}
