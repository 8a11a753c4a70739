/** The JSON shapes of Contributor Insights data as the insights API sends it. Client-safe. */
import type { CacheStatus } from "@/lib/metrics/metrics-response";
import type { MetricRange } from "@/lib/metrics/time-range";
import type { KeyAttribute } from "@/lib/tables/table-detail";

/** DynamoDB's statuses, plus UNAVAILABLE: the status could not be read (the endpoint lacks the API, or access is denied). */
export type InsightsStatus = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED" | "FAILED" | "UNAVAILABLE";
export type InsightsMode = "ACCESSED_AND_THROTTLED_KEYS" | "THROTTLED_KEYS";

/**
 * The rules DynamoDB creates: PKC most accessed partition keys, PKT most throttled partition keys, SKC and SKT the same
 * for partition + sort key (only on resources with a sort key).
 */
export type InsightRuleKind = "PKC" | "PKT" | "SKC" | "SKT";

/** What to tell a user whose table or index does not have Contributor Insights on. The dashboard never enables it. */
export type HowToEnable = {
  /** What it would show. */
  wouldShow: string;
  cli: string;
  costNote: string;
};

export type InsightsResourceStatus = {
  table: string;
  /** A GSI name; null for the table. */
  index: string | null;
  status: InsightsStatus;
  mode: InsightsMode | null;
  /** The CloudWatch rule names DynamoDB manages for this table or index. */
  rules: string[];
  /** Epoch ms of the last status change, when DynamoDB says. */
  lastUpdated: number | null;
  /** FAILED: DynamoDB's failure; UNAVAILABLE: why the status could not be read; otherwise null. */
  reason: string | null;
  /** Set when it is DISABLED or FAILED. */
  howToEnable: HowToEnable | null;
};

/**
 * The per-partition ceiling a key's peak reaches. Contributor Insights measures consumed throughput units, 3 × WCU +
 * RCU, per minute. One partition key serves at most 3,000 RCU or 1,000 WCU per second, and 1,000 WCU are 3,000 units,
 * so the two percentages are the same number: the read cap as all-reads and the write cap as all-writes.
 */
export type PartitionCapShare = {
  /** The peak minute's units divided by 60: an average over that minute, so bursts within it went higher. */
  peakUnitsPerSecond: number;
  /** peakUnitsPerSecond against 3,000 RCU/s, in percent, if the units were all reads. */
  readCapPercent: number;
  /** peakUnitsPerSecond against 3 × 1,000 WCU/s, in percent, if the units were all writes. */
  writeCapPercent: number;
};

export type Contributor = {
  /** [partition key value] for PK rules, [partition key value, sort key value] for SK rules, as CloudWatch reports them. */
  keys: string[];
  /** The window's total: consumed throughput units (accessed rules) or throttled requests (throttled rules). */
  total: number;
  /**
   * The largest datapoint, per minute. Windows longer than a day use longer periods (see ContributorReport.period);
   * the value is then the busiest period's average minute, a lower bound of its busiest minute.
   */
  peakPerMinute: number;
  /** Epoch ms of that datapoint's period. */
  peakAt: number | null;
  /** One per period with data, values per minute (a period's value divided by its minutes), ascending: the heat map row. */
  datapoints: Array<{ t: number; v: number }>;
  /** Accessed rules (PKC, SKC) only; null for throttled rules. */
  partitionCap: PartitionCapShare | null;
  /**
   * Accessed rules only: the same key's throttled requests over the window, from the matching throttled rule (PKT for
   * PKC, SKT for SKC). 0 when that rule lists fewer contributors than it was asked for and not this key; null when
   * unknown (no such rule, or the key may sit below its top list).
   */
  throttled: number | null;
};

export type InsightRuleReport = {
  kind: InsightRuleKind;
  ruleName: string;
  measures: "consumed-throughput-units" | "throttled-requests";
  /** CloudWatch's estimate of distinct contributors over the window; null when it did not say. */
  uniqueContributors: number | null;
  /** The window's total over all contributors; null when CloudWatch did not say. */
  aggregateValue: number | null;
  /** Top contributors, largest total first (at most 25). */
  contributors: Contributor[];
};

export type InsightsResourceReport = {
  table: string;
  index: string | null;
  mode: InsightsMode | null;
  /** The key attributes of the table or index, to link a contributor's keys to its partition. */
  keySchema: { partitionKey: KeyAttribute; sortKey: KeyAttribute | null };
  rules: Partial<Record<InsightRuleKind, InsightRuleReport>>;
};

export type ContributorReport = {
  /** Epoch ms, aligned to the period. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  /** Seconds per datapoint; values are still per minute. */
  period: number;
  /** One entry per ENABLED table or GSI. */
  resources: InsightsResourceReport[];
  fetchedAt: number;
  cache: CacheStatus;
};

export type InsightsWindow = { range: MetricRange | "custom"; start: number; end: number; period: number };

/** GET /api/tables/:table/insights. */
export type InsightsResponse = {
  table: string;
  status: InsightsResourceStatus[];
  /** null when neither the table nor any GSI has Contributor Insights ENABLED. */
  report: ContributorReport | null;
  window: InsightsWindow;
  fetchedAt: number;
  /** Present when the contributors' keys were replaced by digests for this caller, so they must not be linked. */
  keysDigested?: true;
};
