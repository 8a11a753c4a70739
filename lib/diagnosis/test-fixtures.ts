/** Small builders for diagnosis test inputs. Series come from tableSeriesDefinitions, so ids and labels are real. */
import { rightSizedCost, spikyCost } from "@/lib/cost/table-cost-fixtures";
import type { SizeAuditResult } from "@/lib/jobs/job-types";
import { tableSeriesDefinitions, type DynamoDbOperation, type MetricStat } from "@/lib/metrics/metric-series";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { IndexDetail, TableDetail } from "@/lib/tables/table-detail";
import { baselineFrom } from "./baseline-rules-fixtures";
import type { BaselinesInput } from "./baseline-rules";
import { DEFAULT_THRESHOLDS } from "./diagnosis-thresholds";
import type { Contributor, ContributorInsightsInput, ContributorInsightsResource, DiagnosisInput, KeySampleSummary, StreamSampleSummary } from "./diagnosis-types";

/** 14:00 UTC; the metrics window is 60 one-minute periods from here. */
export const T0 = Date.UTC(2025, 2, 3, 14, 0);
export const MINUTE = 60_000;
export const POINTS = 60;

export type Values = Array<number | null>;
export const none = (): Values => Array.from({ length: POINTS }, () => null);
export const every = (value: number): Values => Array.from({ length: POINTS }, () => value);
/** `value` at the given minutes, no datapoint elsewhere. */
export function at(minutes: number[], value: number, base: Values = none()): Values {
  return base.map((existing, minute) => (minutes.includes(minute) ? value : existing));
}
export const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

export function gsi(name: string, provisioned: { read: number; write: number } | null = { read: 100, write: 100 }): IndexDetail {
  return {
    name,
    kind: "GSI",
    keys: { partitionKey: { name: `${name}PK`, type: "S" }, sortKey: { name: `${name}SK`, type: "S" } },
    projection: { type: "ALL", nonKeyAttributes: [] },
    status: "ACTIVE",
    backfilling: false,
    provisioned,
    onDemandMax: null,
    itemCount: 1_000,
    sizeBytes: 100_000,
  };
}

export function tableDetail(overrides: Partial<TableDetail> = {}): TableDetail {
  return {
    name: "Shop",
    arn: "arn:aws:dynamodb:us-east-1:123456789012:table/Shop",
    status: "ACTIVE",
    createdAt: null,
    billingMode: "PROVISIONED",
    provisioned: { read: 1_000, write: 1_000 },
    onDemandMax: null,
    itemCount: 100_000,
    sizeBytes: 50_000_000,
    keys: { partitionKey: { name: "PK", type: "S" }, sortKey: { name: "SK", type: "S" } },
    gsis: [],
    lsis: [],
    ttl: null,
    stream: { enabled: false, viewType: null, arn: null, label: null },
    deletionProtection: false,
    tableClass: "STANDARD",
    replicas: [],
    globalTableVersion: null,
    encryption: "DEFAULT",
    ...overrides,
  };
}

export type SeriesValues = { metric: string; stat?: MetricStat; index?: string | null; operation?: DynamoDbOperation | null; perSecond?: boolean; values: Values };

/** Every series of the table, without data except where given. `omit` drops series whose metric is listed. */
export function metricsFor(table: TableDetail, given: SeriesValues[], omit: string[] = []): MetricsResponse {
  const definitions = tableSeriesDefinitions({ table: table.name, gsis: table.gsis.map((entry) => entry.name), onDemand: table.billingMode === "PAY_PER_REQUEST", periodSeconds: 60 });
  const series = definitions
    .filter((definition) => !omit.includes(definition.metric))
    .map((definition) => {
      const match = given.find(
        (entry) =>
          entry.metric === definition.metric &&
          (entry.stat ?? definition.stat) === definition.stat &&
          (entry.index ?? null) === definition.scope.index &&
          (entry.operation ?? null) === definition.scope.operation &&
          (entry.perSecond === undefined || entry.perSecond === definition.perSecond),
      );
      const { id, metric, stat, unit, scope, label } = definition;
      return { id, metric, stat, unit, scope, label, period: 60, values: match ? match.values : none() };
    });
  return {
    table: table.name,
    range: "1h",
    start: T0,
    end: T0 + POINTS * MINUTE,
    period: 60,
    timestamps: Array.from({ length: POINTS }, (_, i) => T0 + i * MINUTE),
    partialFrom: null,
    series,
    fetchedAt: T0 + POINTS * MINUTE,
    cache: "miss",
  };
}

/** Steady traffic: reads and writes at `read`/`write` units per second on the table, plus GetItem requests. */
export function traffic(read = 100, write = 50): SeriesValues[] {
  return [
    { metric: "ConsumedReadCapacityUnits", values: every(read) },
    { metric: "ConsumedWriteCapacityUnits", values: every(write) },
    { metric: "SuccessfulRequestLatency", stat: "SampleCount", operation: "GetItem", perSecond: false, values: every(600) },
  ];
}

export function contributor(key: string | string[], total: number, peakPerMinute = total / 60, peakAt: number | null = T0 + 30 * MINUTE): Contributor {
  return { keys: Array.isArray(key) ? key : [key], total, peakPerMinute, peakAt };
}

export function insightsResource(index: string | null, overrides: Partial<ContributorInsightsResource> = {}): ContributorInsightsResource {
  const enabled = (overrides.status ?? "ENABLED") === "ENABLED";
  return {
    index,
    status: "ENABLED",
    mode: enabled ? "ACCESSED_AND_THROTTLED_KEYS" : null,
    error: null,
    rules: { PKC: enabled ? [] : null, PKT: enabled ? [] : null, SKC: enabled ? [] : null, SKT: enabled ? [] : null },
    ...overrides,
  };
}

export function insights(...resources: ContributorInsightsResource[]): ContributorInsightsInput {
  return { window: { start: T0, end: T0 + POINTS * MINUTE }, resources };
}

export function keySample(overrides: Partial<KeySampleSummary> = {}): KeySampleSummary {
  return {
    itemsScanned: 10_000,
    bytesScanned: 5_000_000,
    coverage: 0.1,
    distinctKeysEstimate: 2_000,
    topByItems: [
      { key: "CUSTOMER#1", items: 40, bytes: 20_000 },
      { key: "CUSTOMER#2", items: 35, bytes: 17_000 },
    ],
    topByBytes: [
      { key: "CUSTOMER#1", items: 40, bytes: 20_000 },
      { key: "CUSTOMER#2", items: 35, bytes: 17_000 },
    ],
    top1Share: 0.004,
    top10Share: 0.03,
    gini: 0.2,
    complete: false,
    startedAt: T0 - 10 * MINUTE,
    finishedAt: T0 - 5 * MINUTE,
    ...overrides,
  };
}

export function sizeAudit(overrides: Partial<SizeAuditResult> = {}): SizeAuditResult {
  return {
    mode: "full",
    itemsRead: 5_000,
    rcuUsed: 300,
    pagesRead: 10,
    maxPageRcu: 128,
    complete: true,
    histogram: [],
    stats: { count: 5_000, totalBytes: 5_000_000, meanBytes: 1_000, maxBytes: 4_000, p50Bytes: 900, p90Bytes: 2_000, p99Bytes: 3_500, percentilesApproximate: true, percentileRelativeError: 0.01 },
    largest: [],
    overThreshold: { thresholdBytes: 358_400, count: 0, items: [], truncated: false },
    dominantAttributes: { minShare: 0.5, minItemBytes: 1_024, count: 0, items: [], truncated: false, byAttribute: [] },
    tableEstimate: { itemCount: 5_000, tableSizeBytes: 5_000_000, meanBytes: 1_000, approximate: true },
    itemCollections: null,
    findings: [],
    ...overrides,
  };
}

/** A two-minute stream sample (14:22–14:24) in which "device-017" took 38% of writes, peaking at 2,100 write units a second. */
export function streamSample(overrides: Partial<StreamSampleSummary> = {}): StreamSampleSummary {
  return {
    window: { start: T0 + 22 * MINUTE, end: T0 + 24 * MINUTE },
    writes: 12_000,
    writesPerSecond: 100,
    viewType: "NEW_AND_OLD_IMAGES",
    writeUnitMethod: "images",
    topPartitions: [
      { key: "device-017", writes: 4_560, share: 0.38, writesPerSecond: 38, peakWriteUnitsPerSecond: 2_100 },
      { key: "device-003", writes: 1_080, share: 0.09, writesPerSecond: 9, peakWriteUnitsPerSecond: 40 },
      { key: "device-101", writes: 600, share: 0.05, writesPerSecond: 5, peakWriteUnitsPerSecond: 12 },
    ],
    finishedAt: T0 + 24 * MINUTE,
    ...overrides,
  };
}

/** A quiet, healthy table by default: steady traffic well under capacity, nothing else known. */
export function diagnosisInput(overrides: Partial<DiagnosisInput> = {}): DiagnosisInput {
  const table = overrides.table ?? tableDetail();
  return {
    table,
    metrics: metricsFor(table, traffic()),
    metricsError: null,
    contributorInsights: null,
    keySample: null,
    sizeAudit: null,
    streamSample: null,
    cost: null,
    thresholds: DEFAULT_THRESHOLDS,
    now: T0 + POINTS * MINUTE,
    ...overrides,
  };
}

/** Scenarios shared by the rule tests and the whole-engine tests. */
export const HOT = "CUSTOMER#0";

/** Shop: key-range write throttles at minutes 20–29 with the table at 10% of its writes; CI names CUSTOMER#0. */
export function hotKeyInput(): DiagnosisInput {
  const table = tableDetail();
  const metrics = metricsFor(table, [
    ...traffic(100, 100),
    { metric: "WriteKeyRangeThroughputThrottleEvents", values: at(range(20, 30), 120) },
    { metric: "WriteThrottleEvents", values: at(range(20, 30), 120) },
  ]);
  const ci = insights(
    insightsResource(null, {
      rules: {
        PKC: [contributor(HOT, 270_000, 6_000), contributor("CUSTOMER#9", 36_000, 900), contributor("CUSTOMER#4", 20_000, 500)],
        PKT: [contributor(HOT, 1_200, 120)],
        SKC: [contributor([HOT, "CART#001"], 90_000, 2_000)],
        SKT: [],
      },
    }),
  );
  return diagnosisInput({ table, metrics, contributorInsights: ci });
}

/** Sessions: provisioned write throttles while writes run at 100% of 5 WCU/s. */
export function underProvisionedInput(): DiagnosisInput {
  const table = tableDetail({ name: "Sessions", provisioned: { read: 10, write: 5 } });
  const metrics = metricsFor(table, [
    { metric: "ConsumedReadCapacityUnits", values: every(2) },
    { metric: "ConsumedWriteCapacityUnits", values: at(range(10, 20), 5, every(1)) },
    { metric: "ProvisionedWriteCapacityUnits", values: at([0, 5, 10, 15], 5) },
    { metric: "ProvisionedReadCapacityUnits", values: at([0, 5, 10, 15], 10) },
    { metric: "WriteProvisionedThroughputThrottleEvents", values: at(range(10, 20), 40) },
    { metric: "WriteThrottleEvents", values: at(range(10, 20), 40) },
  ]);
  return diagnosisInput({ table, metrics, contributorInsights: insights(insightsResource(null, { status: "DISABLED" })) });
}

/** Events: a Scan burst every few minutes next to light queries. */
export function scanHeavyInput(): DiagnosisInput {
  const table = tableDetail({ name: "Events", billingMode: "PAY_PER_REQUEST", provisioned: null });
  const scans = every(0).map((_, minute) => (minute % 10 < 2 ? 36 : 0));
  const metrics = metricsFor(table, [
    { metric: "ConsumedReadCapacityUnits", values: scans.map((value) => (value > 0 ? 400 : 1)) },
    { metric: "ConsumedWriteCapacityUnits", values: every(5) },
    { metric: "SuccessfulRequestLatency", stat: "SampleCount", operation: "Scan", perSecond: false, values: scans },
    { metric: "SuccessfulRequestLatency", stat: "SampleCount", operation: "Query", perSecond: false, values: every(60) },
    { metric: "ReturnedItemCount", operation: "Scan", values: scans.map((value) => value * 500) },
    { metric: "ReturnedItemCount", operation: "Query", values: every(1_200) },
  ]);
  return diagnosisInput({ table, metrics });
}

/** Shop: writes at 150 WCU/s, against 50 the same hour yesterday and 60 last week (baseline-rules.ts). */
export function unusualTrafficInput(): DiagnosisInput & BaselinesInput {
  const table = tableDetail();
  const past = (write: number) => metricsFor(table, traffic(100, write));
  return { ...diagnosisInput({ table, metrics: metricsFor(table, traffic(100, 150)) }), baselines: { "1d": baselineFrom("1d", past(50)), "1w": baselineFrom("1w", past(60)) } };
}

/** One input per kind, for the checks that hold for every verdict. */
export function everyKindInputs(): DiagnosisInput[] {
  const table = tableDetail({ gsis: [gsi("GSI1", { read: 10, write: 10 })], provisioned: { read: 100, write: 100 } });
  const withMetrics = (series: Parameters<typeof metricsFor>[1]) => diagnosisInput({ table, metrics: metricsFor(table, [...traffic(85, 10), ...series]) });
  const hot = hotKeyInput();
  return [
    hot,
    { ...hot, contributorInsights: null },
    { ...hot, contributorInsights: insights(insightsResource(null)) },
    { ...hot, contributorInsights: null, streamSample: streamSample() },
    { ...withMetrics([]), contributorInsights: insights(insightsResource(null, { rules: { PKC: [contributor("K", 1e6, 5e4), contributor("L", 1e3)], PKT: [], SKC: null, SKT: null } })) },
    withMetrics([{ metric: "WriteProvisionedThroughputThrottleEvents", index: "GSI1", values: at(range(1, 3), 5) }]),
    withMetrics([{ metric: "ReadMaxOnDemandThroughputThrottleEvents", values: at([1], 5) }, { metric: "WriteAccountLimitThrottleEvents", values: at([2], 5) }]),
    underProvisionedInput(),
    scanHeavyInput(),
    diagnosisInput({ keySample: keySample({ top1Share: 0.3, top10Share: 0.6 }), sizeAudit: sizeAudit({ overThreshold: { thresholdBytes: 358_400, count: 1, items: [], truncated: false } }) }),
    diagnosisInput({ contributorInsights: insights(insightsResource(null, { status: "DISABLED" })) }),
    diagnosisInput({ metrics: null, metricsError: "timeout" }),
    diagnosisInput({ metrics: metricsFor(tableDetail(), []) }),
    unusualTrafficInput(),
    diagnosisInput({ cost: spikyCost() }),
    diagnosisInput({ cost: rightSizedCost() }),
  ];
}
