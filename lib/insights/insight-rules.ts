/** Contributor Insights arithmetic and wording. Client-safe, pure. */
import type { Contributor, HowToEnable, InsightRuleKind, PartitionCapShare } from "./insights-types";

/** Per partition key, per second, in either capacity mode (REFERENCE.md, "Capacity units"). */
export const PARTITION_READ_CAP_RCU = 3_000;
export const PARTITION_WRITE_CAP_WCU = 1_000;
/** Consumed throughput units weigh a write unit 3 times a read unit. */
export const WRITE_UNIT_WEIGHT = 3;
/** DynamoDB's rules report at most 25 contributors. */
export const MAX_CONTRIBUTORS = 25;

const RULE_NAME = /^DynamoDBContributorInsights-(PKC|PKT|SKC|SKT)-/;

/** The rule kind from a name like DynamoDBContributorInsights-PKC-<resource>-<ms>; null for any other rule. */
export function ruleKindOf(ruleName: string): InsightRuleKind | null {
  const kind = RULE_NAME.exec(ruleName)?.[1];
  return kind === "PKC" || kind === "PKT" || kind === "SKC" || kind === "SKT" ? kind : null;
}

export function isAccessedRule(kind: InsightRuleKind): boolean {
  return kind === "PKC" || kind === "SKC";
}

/** The throttled-keys rule that matches an accessed-keys rule. */
export function throttledRuleOf(kind: InsightRuleKind): InsightRuleKind | null {
  return kind === "PKC" ? "PKT" : kind === "SKC" ? "SKT" : null;
}

/** `capScale` is PARTITION_CAP_SCALE: 1 against AWS; the local demo's metering proxy scales the cap, so it does too. */
export function partitionCapShare(peakPerMinute: number, capScale = 1): PartitionCapShare {
  const perSecond = peakPerMinute / 60;
  return {
    peakUnitsPerSecond: perSecond,
    readCapPercent: (perSecond / (PARTITION_READ_CAP_RCU * capScale)) * 100,
    writeCapPercent: (perSecond / (WRITE_UNIT_WEIGHT * PARTITION_WRITE_CAP_WCU * capScale)) * 100,
  };
}

export type RawContributor = { keys: string[]; total: number; datapoints: Array<{ t: number; value: number }> };

/** A report contributor with per-minute datapoints and its peak; accessed rules also get their share of the partition cap. */
export function toContributor(raw: RawContributor, periodSeconds: number, accessed: boolean, capScale = 1): Contributor {
  const minutes = periodSeconds / 60;
  const datapoints = raw.datapoints.map((point) => ({ t: point.t, v: point.value / minutes })).sort((a, b) => a.t - b.t);
  let peak: { t: number; v: number } | null = null;
  for (const point of datapoints) if (peak === null || point.v > peak.v) peak = point;
  const peakPerMinute = peak?.v ?? 0;
  return {
    keys: raw.keys,
    total: raw.total,
    peakPerMinute,
    peakAt: peak?.t ?? null,
    datapoints,
    partitionCap: accessed ? partitionCapShare(peakPerMinute, capScale) : null,
    throttled: null,
  };
}

/** The CLI command and the cost of enabling Contributor Insights on a table or GSI, for a user to run themselves. */
export function howToEnable(table: string, index: string | null): HowToEnable {
  const target = index === null ? `table ${table}` : `index ${index} of table ${table}`;
  return {
    wouldShow: `The most accessed and most throttled keys of the ${target}, minute by minute: which key is hot, and how close it runs to the per-partition limit of 3,000 reads or 1,000 writes per second.`,
    cli: `aws dynamodb update-contributor-insights --table-name ${table}${index === null ? "" : ` --index-name ${index}`} --contributor-insights-action ENABLE`,
    costNote:
      "CloudWatch bills it: a monthly charge for each rule DynamoDB creates (2 per table or index, 4 with a sort key) plus a charge per million events, where every item read or written counts. Busy tables pay mostly for events; see Amazon CloudWatch pricing. It is not retroactive, and it sees neither PartiQL requests nor DAX cache hits.",
  };
}
