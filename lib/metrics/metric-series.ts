/**
 * Which AWS/DynamoDB series the capacity section shows for a table and its GSIs, with their statistic and unit.
 * Client-safe, pure.
 */

export const DYNAMODB_NAMESPACE = "AWS/DynamoDB";

/** The values of the Operation dimension DynamoDB publishes per-operation metrics under. */
export const DYNAMODB_OPERATIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "BatchGetItem",
  "BatchWriteItem",
  "Query",
  "Scan",
  "TransactGetItems",
  "TransactWriteItems",
  "ExecuteStatement",
  "BatchExecuteStatement",
  "ExecuteTransaction",
] as const;
export type DynamoDbOperation = (typeof DYNAMODB_OPERATIONS)[number];

export type MetricStat = "Sum" | "Average" | "Maximum" | "SampleCount" | "p99";

/**
 * Every unit is explicit. Rates end in "/s"; "events", "requests", "items" and "errors" are counts per period
 * (the series' `period`, in seconds). Consumption on on-demand tables is in request units (RRU/WRU).
 * "updates waiting" is a level, not a count per period: how many writes were waiting to be copied to another region.
 */
export type MetricUnit = "RCU/s" | "WCU/s" | "RRU/s" | "WRU/s" | "events" | "requests" | "requests/s" | "ms" | "items" | "errors" | "updates waiting";

/**
 * `index` is a GSI name (LSIs have no metrics of their own); `operation` is set only for per-operation series;
 * `receivingRegion` only for a global table's replication series, the region its changes are copied to (absent or
 * null for everything else).
 */
export type SeriesScope = { table: string; index: string | null; operation: DynamoDbOperation | null; receivingRegion?: string | null };

export type SeriesDefinition = {
  id: string;
  /** The CloudWatch metric name. */
  metric: string;
  stat: MetricStat;
  unit: MetricUnit;
  scope: SeriesScope;
  label: string;
  /** The value is the statistic divided by the period in seconds (Sum → units per second). */
  perSecond: boolean;
};

export const THROTTLE_CAUSES = [
  { cause: "keyRange", metricPart: "KeyRangeThroughputThrottleEvents", label: "key range (hot partition)" },
  { cause: "provisioned", metricPart: "ProvisionedThroughputThrottleEvents", label: "provisioned throughput exceeded" },
  { cause: "accountLimit", metricPart: "AccountLimitThrottleEvents", label: "account limit" },
  { cause: "maxOnDemand", metricPart: "MaxOnDemandThroughputThrottleEvents", label: "on-demand maximum" },
] as const;
export type ThrottleCause = (typeof THROTTLE_CAUSES)[number]["cause"];

/** "1 min", "5 min", "1 h", "1 day": the period as a label states it. */
export function formatPeriod(periodSeconds: number): string {
  if (periodSeconds % 86_400 === 0) return periodSeconds === 86_400 ? "1 day" : `${periodSeconds / 86_400} days`;
  if (periodSeconds % 3_600 === 0) return `${periodSeconds / 3_600} h`;
  if (periodSeconds % 60 === 0) return `${periodSeconds / 60} min`;
  return `${periodSeconds} s`;
}

function scopeKey(scope: SeriesScope): string {
  if (scope.receivingRegion) return `replica/${scope.receivingRegion}`;
  const base = scope.index === null ? "table" : `gsi:${scope.index}`;
  return scope.operation === null ? base : `${base}/op:${scope.operation}`;
}

/** Series that read the same metric, statistic and dimensions share one CloudWatch query. */
export function queryKey(definition: Pick<SeriesDefinition, "metric" | "stat" | "scope">): string {
  return `${scopeKey(definition.scope)}/${definition.metric}/${definition.stat}`;
}

/** CloudWatch identifies a DynamoDB series by these dimensions; a table-level series excludes its GSIs. */
export function scopeDimensions(scope: SeriesScope): Array<{ name: string; value: string }> {
  return [
    { name: "TableName", value: scope.table },
    ...(scope.index === null ? [] : [{ name: "GlobalSecondaryIndexName", value: scope.index }]),
    ...(scope.operation === null ? [] : [{ name: "Operation", value: scope.operation }]),
    ...(scope.receivingRegion ? [{ name: "ReceivingRegion", value: scope.receivingRegion }] : []),
  ];
}

function define(scope: SeriesScope, metric: string, stat: MetricStat, unit: MetricUnit, text: string, perSecond = false): SeriesDefinition {
  const where = [scope.index === null ? null : `GSI ${scope.index}`, scope.operation].filter((part) => part !== null);
  const label = where.length === 0 ? text : `${text} · ${where.join(" · ")}`;
  const id = `${queryKey({ metric, stat, scope })}${perSecond ? "/per_second" : ""}`;
  return { id, metric, stat, unit, scope, label, perSecond };
}

/** Capacity and throttling, for the table itself or one GSI. */
function resourceSeries(scope: SeriesScope, onDemand: boolean, periodSeconds: number): SeriesDefinition[] {
  const per = formatPeriod(periodSeconds);
  const readUnit = onDemand ? "RRU/s" : "RCU/s";
  const writeUnit = onDemand ? "WRU/s" : "WCU/s";
  return [
    define(scope, "ConsumedReadCapacityUnits", "Sum", readUnit, `Consumed reads (${readUnit}, Sum ÷ ${periodSeconds} s)`, true),
    define(scope, "ConsumedWriteCapacityUnits", "Sum", writeUnit, `Consumed writes (${writeUnit}, Sum ÷ ${periodSeconds} s)`, true),
    define(scope, "ProvisionedReadCapacityUnits", "Average", "RCU/s", "Provisioned reads (RCU/s)"),
    define(scope, "ProvisionedWriteCapacityUnits", "Average", "WCU/s", "Provisioned writes (WCU/s)"),
    define(scope, "OnDemandMaxReadRequestUnits", "Maximum", "RRU/s", "On-demand maximum reads (RRU/s)"),
    define(scope, "OnDemandMaxWriteRequestUnits", "Maximum", "WRU/s", "On-demand maximum writes (WRU/s)"),
    define(scope, "ReadThrottleEvents", "Sum", "events", `Read throttle events (per ${per})`),
    define(scope, "WriteThrottleEvents", "Sum", "events", `Write throttle events (per ${per})`),
    ...(["Read", "Write"] as const).flatMap((kind) =>
      THROTTLE_CAUSES.map((cause) =>
        define(scope, `${kind}${cause.metricPart}`, "Sum", "events", `${kind} throttle events: ${cause.label} (per ${per})`),
      ),
    ),
  ];
}

/** Requests, latency, returned items and errors for one operation; DynamoDB publishes these per table only. */
function operationSeries(table: string, operation: DynamoDbOperation, periodSeconds: number): SeriesDefinition[] {
  const scope: SeriesScope = { table, index: null, operation };
  const per = formatPeriod(periodSeconds);
  return [
    // SuccessfulRequestLatency's SampleCount is the number of successful requests.
    define(scope, "SuccessfulRequestLatency", "SampleCount", "requests", `Successful requests (per ${per})`),
    define(scope, "SuccessfulRequestLatency", "SampleCount", "requests/s", "Successful requests (requests/s)", true),
    define(scope, "SuccessfulRequestLatency", "Average", "ms", "Latency, average (ms)"),
    define(scope, "SuccessfulRequestLatency", "p99", "ms", "Latency, p99 (ms)"),
    define(scope, "ThrottledRequests", "Sum", "requests", `Throttled requests (per ${per})`),
    define(scope, "ReturnedItemCount", "Sum", "items", `Returned items (per ${per})`),
    define(scope, "SystemErrors", "Sum", "errors", `System errors (per ${per})`),
  ];
}

/**
 * A global table's replication to one other region, published by the sending region (the one being read) with
 * dimensions TableName and ReceivingRegion. ReplicationLatency is in milliseconds: Average for the usual delay, Maximum
 * for the worst change. PendingReplicationCount is published only for some global table versions (the legacy
 * 2017.11.29 documents it, the current 2019.11.21 does not), so its absence means "not published", never 0. It is a
 * backlog, a level rather than events: Maximum gives the largest backlog in the period whatever the period's length,
 * where Sum would add up however many samples the period happens to hold.
 */
function replicationSeries(table: string, receivingRegion: string): SeriesDefinition[] {
  const scope: SeriesScope = { table, index: null, operation: null, receivingRegion };
  return [
    define(scope, "ReplicationLatency", "Average", "ms", `Replication delay to ${receivingRegion}, average (ms)`),
    define(scope, "ReplicationLatency", "Maximum", "ms", `Replication delay to ${receivingRegion}, maximum (ms)`),
    define(scope, "PendingReplicationCount", "Maximum", "updates waiting", `Updates waiting to be copied to ${receivingRegion} (most in a period)`),
  ];
}

/** `replicaRegions`: a global table's other regions (TableDetail.replicas), each with its replication series. */
export type TableSeriesInput = { table: string; gsis: readonly string[]; onDemand: boolean; periodSeconds: number; replicaRegions?: readonly string[] };

/** Every series for a table and all its GSIs, table first, then each GSI, then each operation, then each replica region. */
export function tableSeriesDefinitions(input: TableSeriesInput): SeriesDefinition[] {
  const { table, onDemand, periodSeconds } = input;
  return [
    ...resourceSeries({ table, index: null, operation: null }, onDemand, periodSeconds),
    ...input.gsis.flatMap((index) => resourceSeries({ table, index, operation: null }, onDemand, periodSeconds)),
    ...DYNAMODB_OPERATIONS.flatMap((operation) => operationSeries(table, operation, periodSeconds)),
    ...(input.replicaRegions ?? []).flatMap((region) => replicationSeries(table, region)),
  ];
}
