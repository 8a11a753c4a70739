import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import type { CapacityKind, ResourceRef, Tenant } from "./identifiers";

/**
 * What the engine reads and changes outside itself, injected so that the live stack goes through the metering proxy and
 * the local CloudWatch (real SDK calls signed as the tenant) while the simulated history applies capacity to its
 * in-memory table models.
 */
export type CapacityPort = {
  /** The provisioned capacity of the table or GSI now; null when it does not exist or is not provisioned. */
  current: (tenant: Tenant, resource: ResourceRef, kind: CapacityKind) => Promise<number | null>;
  /**
   * Sets the capacity as UpdateTable would (DynamoDB's own checks apply, e.g. the daily decrease limit). Rejects with
   * the service's error, whose message a Failed activity reports.
   */
  apply: (tenant: Tenant, resource: ResourceRef, kind: CapacityKind, capacity: number, atMs: number) => Promise<void>;
};

export type MetricRef = { metricName: string; dimensions: Array<{ Name: string; Value: string }> };

export type AlarmPort = {
  /** PutMetricAlarm, for each request, as the tenant. */
  put: (tenant: Tenant, alarms: readonly PutMetricAlarmCommandInput[]) => Promise<void>;
  delete: (tenant: Tenant, alarmNames: readonly string[]) => Promise<void>;
  /** The Sum of the metric's latest whole minute that ended at or before `atMs`, or null when there is none. */
  latestMinuteSum: (tenant: Tenant, metric: MetricRef, atMs: number) => Promise<number | null>;
};
