import type { EnforcerConfig } from "../metering/capacity-enforcer";
import type { ContributorInsightsConfig } from "../metering/contributor-insights";
import { Meter } from "../metering/meter";
import type { MetricsSink } from "../metering/metrics-sink";
import { accessKind, describeOperation } from "../metering/operations";
import type { LagModel } from "../metering/replication-lag";
import { ReplicationQueue } from "../metering/replication-queue";
import type { TableCapacityModel } from "../metering/table-catalog";
import type { TrafficModel } from "./traffic-model";

export type HistoryResult = { requests: number; throttled: number; simulatedSeconds: number; elapsedMs: number; replicatedWrites: number };

/** A global table whose writes in the simulated region replicate to `receivingRegion` (see local/metering/replicator.ts). */
export type SimulatedReplication = { table: string; receivingRegion: string; lag: LagModel; publishPendingReplicationCount: boolean };

/** The live proxy samples PendingReplicationCount at every flush; the simulation samples it as often as the demo flushes. */
const PENDING_SAMPLE_SECONDS = 10;

/**
 * Runs the traffic model through the proxy's own metering code (admission, charging, metrics, Contributor Insights)
 * on a simulated clock ending now, without sending the requests, so charts have history on first open.
 * Consumption comes from each intent's estimate, not from DynamoDB.
 */
export async function simulateHistory(options: {
  model: TrafficModel;
  durationMs: number;
  endMs: number;
  tables: readonly TableCapacityModel[];
  sink: MetricsSink;
  enforcer?: Partial<EnforcerConfig>;
  contributorInsights?: ContributorInsightsConfig;
  insightsEnabledAtMs?: number;
  replication?: readonly SimulatedReplication[];
  /**
   * Called after each simulated minute is published, with the simulated time: the stack evaluates CloudWatch alarms
   * then, so alarms and auto scaling act on the simulated clock. It may replace entries of `models` (new capacity),
   * which the rest of the history meters, throttles and publishes against.
   */
  onMinute?: (atMs: number, models: Map<string, TableCapacityModel>) => Promise<void>;
}): Promise<HistoryResult> {
  const started = performance.now();
  const models = new Map(options.tables.map((table) => [table.name, table]));
  const startMs = options.endMs - options.durationMs;
  let clock = startMs;
  const meter = new Meter({
    enforcer: options.enforcer,
    contributorInsights: options.contributorInsights,
    insightsEnabledAtMs: options.insightsEnabledAtMs,
    now: () => clock,
    modelOf: async (table) => models.get(table) ?? null,
  });
  const seconds = Math.floor(options.durationMs / 1000);
  let requests = 0;
  let throttled = 0;
  let replicatedWrites = 0;
  const replication = (options.replication ?? []).map((route) => ({ ...route, queue: new ReplicationQueue<null>(route.lag) }));
  const replicate = (untilMs: number) => {
    for (const route of replication) {
      for (let write = route.queue.peekDue(untilMs); write; write = route.queue.peekDue(untilMs)) {
        clock = write.applyAtMs;
        meter.replicated(route.table, route.receivingRegion, write.applyAtMs - write.writtenAtMs);
        route.queue.shift();
        replicatedWrites++;
      }
    }
  };
  for (let second = 0; second < seconds; second++) {
    replicate(startMs + second * 1000);
    if (second % PENDING_SAMPLE_SECONDS === 0) {
      clock = startMs + second * 1000;
      for (const route of replication) if (route.publishPendingReplicationCount) meter.pendingReplication(route.table, route.receivingRegion, route.queue.size);
    }
    const intents = options.model.intentsAt(second, startMs + second * 1000);
    intents.forEach((intent, position) => {
      clock = startMs + second * 1000 + Math.floor((position / intents.length) * 1000);
      const metered = describeOperation(intent.operation, intent.input, models);
      if (!metered) return;
      requests++;
      if (meter.admit(metered, models)) {
        throttled++;
        return;
      }
      const { tableUnits, gsiUnits, returned, latencyMs } = intent.estimate;
      const gsiTotal = Object.values(gsiUnits).reduce((sum, units) => sum + units, 0);
      const consumption = [{ table: intent.input.TableName, total: tableUnits + gsiTotal, tableUnits, gsiUnits: new Map(Object.entries(gsiUnits)) }];
      meter.succeeded(metered, consumption, latencyMs * (0.6 + Math.random() * 0.8), { Count: returned }, models);
      if (accessKind(intent.operation) !== "write") return;
      for (const route of replication) if (route.table === intent.input.TableName) route.queue.enqueue(null, clock);
    });
    if (second % 60 === 59) {
      await meter.publish(options.sink, [...models.values()]);
      await options.onMinute?.(startMs + (second + 1) * 1000, models);
    }
  }
  replicate(options.endMs);
  clock = options.endMs;
  await meter.publish(options.sink, [...models.values()]);
  return { requests, throttled, simulatedSeconds: seconds, elapsedMs: performance.now() - started, replicatedWrites };
}
