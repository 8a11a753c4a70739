import type { EnforcerConfig } from "../metering/capacity-enforcer";
import type { ContributorInsightsConfig } from "../metering/contributor-insights";
import { Meter } from "../metering/meter";
import type { MetricsSink } from "../metering/metrics-sink";
import { describeOperation } from "../metering/operations";
import type { TableCapacityModel } from "../metering/table-catalog";
import type { TrafficModel } from "./traffic-model";

export type HistoryResult = { requests: number; throttled: number; simulatedSeconds: number; elapsedMs: number };

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
  for (let second = 0; second < seconds; second++) {
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
    });
    if (second % 60 === 59) await meter.publish(options.sink, options.tables);
  }
  clock = options.endMs;
  await meter.publish(options.sink, options.tables);
  return { requests, throttled, simulatedSeconds: seconds, elapsedMs: performance.now() - started };
}
