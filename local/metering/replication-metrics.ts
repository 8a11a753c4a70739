import type { TableConsumption } from "./consumed-capacity";
import type { MetricRecorder } from "./metric-recorder";

/**
 * A global table's metrics, published in the *sending* region with dimensions TableName and ReceivingRegion:
 * ReplicationLatency in milliseconds per replicated write (so Average and Maximum mean something per minute).
 */
export function recordReplicationLatency(recorder: MetricRecorder, table: string, receivingRegion: string, latencyMs: number, atMs: number): void {
  recorder.record("ReplicationLatency", { TableName: table, ReceivingRegion: receivingRegion }, Math.round(latencyMs), "Milliseconds", atMs);
}

/** PendingReplicationCount: item updates written here but not yet in the receiving region, sampled at each flush. */
export function recordPendingReplication(recorder: MetricRecorder, table: string, receivingRegion: string, pending: number, atMs: number): void {
  recorder.record("PendingReplicationCount", { TableName: table, ReceivingRegion: receivingRegion }, pending, "Count", atMs);
}

/**
 * A replicated write lands in the receiving region's replica and consumes its write capacity (replicated write
 * units), so it counts in that replica's ConsumedWriteCapacityUnits, but it is no API request: no latency, no
 * request count.
 */
export function recordReplicatedWrite(recorder: MetricRecorder, consumption: readonly TableConsumption[], atMs: number): void {
  for (const consumed of consumption) {
    recorder.record("ConsumedWriteCapacityUnits", { TableName: consumed.table }, consumed.tableUnits, "Count", atMs);
    for (const [index, units] of consumed.gsiUnits) {
      recorder.record("ConsumedWriteCapacityUnits", { TableName: consumed.table, GlobalSecondaryIndexName: index }, units, "Count", atMs);
    }
  }
}
