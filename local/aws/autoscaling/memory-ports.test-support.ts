import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { DecreaseLimit } from "../../metering/decrease-limit";
import type { AlarmAction } from "./alarm-response";
import { resourceIdOf, type CapacityKind, type ResourceRef, type Tenant } from "./identifiers";
import type { AlarmPort, CapacityPort, MetricRef } from "./scaling-ports";

const MINUTE = 60_000;
const metricKey = (metricName: string, dimensions: ReadonlyArray<{ Name?: string; Value?: string }>) =>
  `${metricName}|${[...dimensions].map((dimension) => `${dimension.Name ?? ""}=${dimension.Value ?? ""}`).sort().join(",")}`;

/**
 * In-memory ports for the engine's unit tests: provisioned capacity with DynamoDB's decrease limit, and a CloudWatch
 * that stores alarms and one-minute sums and evaluates the consumed-capacity alarms the way CloudWatch does for
 * M = N: ALARM when each of the last N whole minutes breaches, OK when they are all present and one does not.
 */
export function memoryPorts(initial: Record<string, number>) {
  const capacities = new Map(Object.entries(initial));
  const limit = new DecreaseLimit();
  const applied: Array<{ resource: string; capacity: number; atMs: number }> = [];
  const alarms = new Map<string, PutMetricAlarmCommandInput>();
  const states = new Map<string, string>();
  const puts: PutMetricAlarmCommandInput[] = [];
  const sums = new Map<string, Map<number, number>>();
  const key = (resource: ResourceRef, kind: CapacityKind) => `${resourceIdOf(resource)}:${kind}`;

  const capacity: CapacityPort = {
    current: async (_tenant, resource, kind) => capacities.get(key(resource, kind)) ?? null,
    apply: async (_tenant, resource, kind, value, atMs) => {
      const current = capacities.get(key(resource, kind)) ?? 0;
      if (value < current) {
        const verdict = limit.check(resourceIdOf(resource), atMs);
        if (!verdict.allowed) throw Object.assign(new Error(verdict.message), { name: "LimitExceededException" });
        limit.record(resourceIdOf(resource), atMs);
      }
      capacities.set(key(resource, kind), value);
      applied.push({ resource: key(resource, kind), capacity: value, atMs });
    },
  };

  const alarmPort: AlarmPort = {
    put: async (_tenant: Tenant, inputs) => {
      for (const input of inputs) {
        alarms.set(input.AlarmName ?? "", input);
        puts.push(input);
      }
    },
    delete: async (_tenant, names) => {
      for (const name of names) alarms.delete(name);
    },
    latestMinuteSum: async (_tenant, metric: MetricRef, atMs) => {
      const series = sums.get(metricKey(metric.metricName, metric.dimensions));
      const minutes = [...(series?.keys() ?? [])].filter((minute) => minute + MINUTE <= atMs).sort((a, b) => b - a);
      const latest = minutes[0];
      return latest === undefined ? null : (series?.get(latest) ?? null);
    },
  };

  return {
    capacity,
    alarms: alarmPort,
    capacities,
    applied,
    puts,
    limit,
    alarmNamed: (name: string) => alarms.get(name),
    stateOf: (name: string) => states.get(name) ?? "INSUFFICIENT_DATA",
    /** Publishes a minute's Sum of a metric, as the proxy does. */
    publish(metricName: string, dimensions: Array<{ Name: string; Value: string }>, minuteStartMs: number, sum: number) {
      const id = metricKey(metricName, dimensions);
      const series = sums.get(id) ?? new Map<number, number>();
      series.set(minuteStartMs, sum);
      sums.set(id, series);
    },
    /** Evaluates every alarm on a one-minute metric at `atMs`; the actions of alarms in ALARM, as CloudWatch invokes them. */
    evaluate(atMs: number, tenant: Tenant): AlarmAction[] {
      const actions: AlarmAction[] = [];
      for (const [name, alarm] of alarms) {
        if (alarm.Period !== 60) continue;
        const series = sums.get(metricKey(alarm.MetricName ?? "", alarm.Dimensions ?? []));
        const periods = alarm.EvaluationPeriods ?? 1;
        const values = Array.from({ length: periods }, (_, back) => series?.get(Math.floor(atMs / MINUTE) * MINUTE - (back + 1) * MINUTE));
        const threshold = alarm.Threshold ?? 0;
        const breaching = (value: number) => (alarm.ComparisonOperator === "GreaterThanThreshold" ? value > threshold : value < threshold);
        const present = values.filter((value): value is number => value !== undefined);
        const state = present.length === periods && present.every(breaching) ? "ALARM" : present.some((value) => !breaching(value)) ? "OK" : states.get(name) ?? "INSUFFICIENT_DATA";
        states.set(name, state);
        if (state === "ALARM") for (const actionArn of alarm.AlarmActions ?? []) actions.push({ accountId: tenant.accountId, region: tenant.region, alarmName: name, state, actionArn, atMs });
      }
      return actions;
    },
  };
}
