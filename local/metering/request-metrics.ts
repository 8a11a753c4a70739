import type { ThrottleDecision } from "./capacity-enforcer";
import type { TableConsumption } from "./consumed-capacity";
import type { MetricRecorder } from "./metric-recorder";
import type { MeteredOperation } from "./operations";
import type { TableCapacityModel } from "./table-catalog";

const COUNT = "Count";

function capitalized(kind: "read" | "write"): "Read" | "Write" {
  return kind === "read" ? "Read" : "Write";
}

/** What DynamoDB publishes for a request that succeeded: consumption per table and GSI, latency and returned items. */
export function recordSuccess(
  recorder: MetricRecorder,
  operation: MeteredOperation,
  consumption: readonly TableConsumption[],
  latencyMs: number,
  response: Record<string, unknown>,
  atMs: number,
): void {
  const consumedMetric = `Consumed${capitalized(operation.kind)}CapacityUnits`;
  for (const consumed of consumption) {
    recorder.record(consumedMetric, { TableName: consumed.table }, consumed.tableUnits, COUNT, atMs);
    for (const [index, units] of consumed.gsiUnits) {
      recorder.record(consumedMetric, { TableName: consumed.table, GlobalSecondaryIndexName: index }, units, COUNT, atMs);
    }
  }
  for (const access of operation.accesses) {
    // Latency is kept as a distribution so that p99 works downstream.
    recorder.record("SuccessfulRequestLatency", { TableName: access.table, Operation: operation.operation }, Math.round(latencyMs * 100) / 100, "Milliseconds", atMs, true);
  }
  const count = response.Count;
  if ((operation.operation === "Query" || operation.operation === "Scan") && typeof count === "number") {
    const table = operation.accesses[0]?.table;
    if (table) recorder.record("ReturnedItemCount", { TableName: table, Operation: operation.operation }, count, COUNT, atMs);
  }
}

/** A throttled request counts once in ThrottledRequests, once in the generic and once in the cause-specific events. */
export function recordThrottle(recorder: MetricRecorder, operation: MeteredOperation, decision: ThrottleDecision, atMs: number): void {
  const resource: Record<string, string> = decision.index ? { TableName: decision.table, GlobalSecondaryIndexName: decision.index } : { TableName: decision.table };
  const kind = capitalized(decision.kind);
  recorder.record("ThrottledRequests", { TableName: decision.table, Operation: operation.operation }, 1, COUNT, atMs);
  // Throttle events count per item: a throttled batch of 25 is 25 events but one throttled request.
  const events = Math.max(1, operation.accesses.find((access) => access.table === decision.table)?.keys.length ?? 1);
  recorder.record(`${kind}ThrottleEvents`, resource, events, COUNT, atMs);
  const causeMetric = {
    KeyRange: `${kind}KeyRangeThroughputThrottleEvents`,
    Provisioned: `${kind}ProvisionedThroughputThrottleEvents`,
    AccountLimit: `${kind}AccountLimitThrottleEvents`,
    MaxOnDemand: `${kind}MaxOnDemandThroughputThrottleEvents`,
  }[decision.cause];
  recorder.record(causeMetric, resource, events, COUNT, atMs);
}

/** 4xx answers are the caller's fault (account-wide UserErrors); 5xx are the service's (SystemErrors per table and operation). */
export function recordFailure(recorder: MetricRecorder, operation: MeteredOperation, status: number, atMs: number): void {
  if (status >= 500) {
    for (const access of operation.accesses) recorder.record("SystemErrors", { TableName: access.table, Operation: operation.operation }, 1, COUNT, atMs);
  } else {
    recorder.record("UserErrors", {}, 1, COUNT, atMs);
  }
}

/** Provisioned capacity and on-demand maxima, published as gauges once a minute for every table seen. */
export function recordCapacitySettings(recorder: MetricRecorder, models: readonly TableCapacityModel[], atMs: number): void {
  for (const model of models) {
    const targets = [
      { dimensions: { TableName: model.name }, target: model },
      ...model.gsis.map((gsi) => ({ dimensions: { TableName: model.name, GlobalSecondaryIndexName: gsi.name }, target: gsi })),
    ];
    for (const { dimensions, target } of targets) {
      if (target.provisioned) {
        recorder.record("ProvisionedReadCapacityUnits", dimensions, target.provisioned.read, COUNT, atMs);
        recorder.record("ProvisionedWriteCapacityUnits", dimensions, target.provisioned.write, COUNT, atMs);
      }
      if (target.onDemandMax?.read) recorder.record("OnDemandMaxReadRequestUnits", dimensions, target.onDemandMax.read, COUNT, atMs);
      if (target.onDemandMax?.write) recorder.record("OnDemandMaxWriteRequestUnits", dimensions, target.onDemandMax.write, COUNT, atMs);
    }
  }
}
