/**
 * The diagnosis engine's inputs and verdicts. Client-safe: the API sends verdicts as they are, and the inputs from
 * Contributor Insights and from a key sample are defined here because nothing else in lib/ needs them yet.
 */
import type { CostResponse } from "@/lib/cost/cost-types";
import type { SizeAuditResult } from "@/lib/jobs/job-types";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { TableDetail } from "@/lib/tables/table-detail";

/** Worst first: `diagnose` sorts by this order. */
export const SEVERITIES = ["critical", "warning", "info", "ok"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const VERDICT_KINDS = [
  "alarm-firing",
  "changed-before",
  "hot-key",
  "key-range-unknown-key",
  "not-determinable",
  "gsi-back-pressure",
  "under-provisioned-reads",
  "under-provisioned-writes",
  "on-demand-limit",
  "account-limit",
  "scaling-at-maximum",
  "scaling-slow",
  "no-auto-scaling",
  "replica-lag",
  "unusual-traffic",
  "concentration",
  "scan-heavy",
  "scaling-minimum-low",
  "storage-skew",
  "large-items",
  "contributor-insights-off",
  "capacity-mode-savings",
  "capacity-mode-fine",
  "no-data",
  "healthy",
] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

/** Epoch ms; `end` is exclusive. */
export type TimeWindow = { start: number; end: number };

export type EvidenceSource = "metric" | "contributor-insights" | "key-sample" | "size-audit" | "table" | "change" | "stream" | "cost";

export type EvidenceLink =
  /** A series of the metrics response, by its id (e.g. "table/WriteKeyRangeThroughputThrottleEvents/Sum"). */
  | { kind: "chart"; seriesId: string }
  /** A partition in the browser: the partition key value as Contributor Insights or the sample shows it. */
  | { kind: "partition"; index: string | null; key: string }
  /** One item: its table key as DynamoDB JSON (JSON.stringify of the WireItem the size audit reports). */
  | { kind: "item"; key: string };

export type Evidence = {
  source: EvidenceSource;
  /** The CloudWatch metric name, or the Contributor Insights rule kind (PKC, PKT, SKC, SKT). */
  metric?: string;
  /** What was observed, with numbers, units and times, e.g. "1,204 WriteKeyRangeThroughputThrottleEvents between 14:02 and 15:02 UTC". */
  label: string;
  window?: TimeWindow;
  link?: EvidenceLink;
};

export type Verdict = {
  kind: VerdictKind;
  severity: Severity;
  /** A plain sentence for someone who doesn't know DynamoDB: no metric names, no unit abbreviations. */
  title: string;
  /** The partition key the verdict is about (hot-key, concentration, storage-skew). */
  key?: string;
  /** The GSI the verdict is about; null for the table itself. */
  index?: string | null;
  /** The other region a replica-lag verdict is about: where the table's changes arrive late. */
  region?: string;
  evidence: Evidence[];
  suggestion: string;
  /** Something the dashboard itself can do next, which the suggestion describes (the UI adds the scope to `path`). */
  action?: VerdictAction;
};

/** "stream-sample": start a stream sample on the table's stream page; it reads the stream, changes nothing. */
export type VerdictAction = { kind: "stream-sample"; label: string; path: string };

// --- Contributor Insights --------------------------------------------------------------------------------------

/** DescribeContributorInsights' statuses, plus UNAVAILABLE when the API could not be called (permissions, DynamoDB Local). */
export type ContributorInsightsStatus = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED" | "FAILED" | "UNAVAILABLE";
export type ContributorInsightsMode = "ACCESSED_AND_THROTTLED_KEYS" | "THROTTLED_KEYS";
/** PKC/SKC: most accessed partition keys (and partition + sort keys); PKT/SKT: most throttled. */
export type InsightRuleKind = "PKC" | "PKT" | "SKC" | "SKT";

export type Contributor = {
  /** [partition key] for PK rules, [partition key, sort key] for SK rules, as strings. */
  keys: string[];
  /**
   * Summed over the window. Accessed rules (PKC/SKC) count consumed throughput units = 3 × WCU + RCU;
   * throttled rules (PKT/SKT) count throttled requests.
   */
  total: number;
  /** The busiest minute's value, in the same unit. */
  peakPerMinute: number;
  /** Epoch ms of that minute's start. */
  peakAt: number | null;
};

export type ContributorInsightsResource = {
  /** null: the table itself; otherwise a GSI name. */
  index: string | null;
  status: ContributorInsightsStatus;
  mode: ContributorInsightsMode | null;
  /** Why the status or a rule report could not be read. */
  error: string | null;
  /**
   * Top contributors per rule (at most 25, the most first). null where there is no report: the mode doesn't create
   * the rule (THROTTLED_KEYS has no PKC/SKC), the key schema has no sort key, the status isn't ENABLED, or the
   * report failed. An empty array is a report with no contributors.
   */
  rules: Record<InsightRuleKind, Contributor[] | null>;
};

export type ContributorInsightsInput = { window: TimeWindow; resources: ContributorInsightsResource[] };

// --- Key sample (storage skew) ---------------------------------------------------------------------------------

export type SampledKey = { key: string; items: number; bytes: number };

export type KeySampleSummary = {
  itemsScanned: number;
  bytesScanned: number;
  /** 0..1 of the table's approximate ItemCount; null when ItemCount is unknown. */
  coverage: number | null;
  distinctKeysEstimate: number;
  /** Most items first. */
  topByItems: SampledKey[];
  /** Most bytes first. */
  topByBytes: SampledKey[];
  /** Share of the sampled items held by the top key and by the top 10 keys, 0..1. */
  top1Share: number;
  top10Share: number;
  /** Of items per partition key: 0 = even, 1 = all in one key. */
  gini: number;
  /** True when the sampler read the whole table. */
  complete: boolean;
  startedAt?: number | null;
  finishedAt: number;
};

// --- Stream sample (write traffic per key) -------------------------------------------------------------------

export type StreamSampledKey = {
  /** The partition key as text (a digest for viewers). */
  key: string;
  writes: number;
  /** Of all sampled writes, 0..1. */
  share: number;
  writesPerSecond: number;
  /** The key's busiest second, in estimated write units. */
  peakWriteUnitsPerSecond: number;
};

/** The latest finished stream sample as the diagnosis reads it: base-table writes only (a stream never sees reads). */
export type StreamSampleSummary = {
  /** What was sampled, epoch ms. */
  window: TimeWindow;
  /** Every sampled write. */
  writes: number;
  writesPerSecond: number;
  viewType: string;
  /** How write units were estimated: from item images, or 1 per write without them (a lower bound). */
  writeUnitMethod: "images" | "keys-only" | "mixed";
  /** Most writes first. */
  topPartitions: StreamSampledKey[];
  finishedAt: number;
};

// --- Thresholds and input -------------------------------------------------------------------------------------

export type DiagnosisThresholds = {
  /** A key dominates when its accessed total is at least this many times the next key's (AWS's inspection rule: 3). */
  hotKeyDominance: number;
  /** ...or when it holds at least this share of everything the rule saw. */
  concentrationShare: number;
  /** Concentration without throttling is reported only from this share of one key's ceiling in its busiest minute. */
  concentrationMinCapShare: number;
  /** DynamoDB's per-partition-key ceiling (3,000 RCU/s and 1,000 WCU/s); configurable for a scaled local stack. */
  partitionReadUnitsPerSecond: number;
  partitionWriteUnitsPerSecond: number;
  /** Consumption at or above this share of provisioned capacity is "near provisioned" (and separates capacity from heat). */
  nearProvisioned: number;
  /** Scan-heavy: Scan's share of read requests, or of returned items. */
  scanShareOfRequests: number;
  scanShareOfItems: number;
  /** Fewer Scan requests than this in the window is an occasional scan, not an access pattern. */
  scanMinRequests: number;
  /** Unusual traffic: consumed reads or writes at least this many times BOTH baselines (a day and a week earlier), or at most 1/this... */
  unusualTrafficRatio: number;
  /** ...when the busier side averages at least this many units per second (a quiet table doubling means nothing). */
  unusualTrafficMinUnitsPerSecond: number;
  /** Storage skew: the top key's and the top 10 keys' share of sampled items... */
  storageTop1Share: number;
  storageTop10Share: number;
  /** ...each also at least this many times what an even spread over the distinct keys would give. */
  storageOverEven: number;
  /** A top-key share at or above this is a warning rather than info. */
  storageWarningTop1Share: number;
  /** Smaller samples say nothing about skew. */
  storageMinItems: number;
  /** Large items: near the 400 KB limit (a warning), and a p99 or mean this large (info). */
  largeItemBytes: number;
  largeItemP99Bytes: number;
  largeItemMeanBytes: number;
  /** Replica lag: the average replication delay (ms) above which a receiving region counts as behind in a period... */
  replicaLagMs: number;
  /** ...for at least this long without a period back under it (ms)... */
  replicaLagMinDurationMs: number;
  /** ...or in at least this share of the window's datapoints. */
  replicaLagMinShare: number;
  /** Still behind at the window's end with an average delay this long (ms), or a growing backlog: critical. */
  replicaLagCriticalMs: number;
  /** A change this long (ms) or less before a problem's onset is named as its likely cause ("changed-before"). */
  changeLeadMs: number;
};

export type DiagnosisInput = {
  table: TableDetail;
  /** null: CloudWatch could not be read (see metricsError). */
  metrics: MetricsResponse | null;
  metricsError: string | null;
  /** null: not read at all. */
  contributorInsights: ContributorInsightsInput | null;
  /** The latest key-sampler result; null when there is none. */
  keySample: KeySampleSummary | null;
  /** The latest size audit's result; null when there is none. */
  sizeAudit: SizeAuditResult | null;
  /** When that audit finished (epoch ms), so its evidence carries a time. */
  sizeAuditFinishedAt?: number | null;
  /** The latest finished stream sample; null when there is none. The rules use it only near the window (stream-facts.ts). */
  streamSample: StreamSampleSummary | null;
  /** The cost advisor's answer for the table (capacity-mode verdict); null or absent when it was not computed. */
  cost?: CostResponse | null;
  thresholds: DiagnosisThresholds;
  /** Epoch ms. */
  now: number;
};
