import { CapacityEnforcer, DEFAULT_ENFORCER_CONFIG, type EnforcerConfig, type ThrottleDecision } from "./capacity-enforcer";
import type { TableConsumption } from "./consumed-capacity";
import { ContributorInsights, type ContributorInsightsConfig } from "./contributor-insights";
import { MetricRecorder } from "./metric-recorder";
import type { MetricsSink } from "./metrics-sink";
import type { MeteredOperation } from "./operations";
import { recordPendingReplication, recordReplicatedWrite, recordReplicationLatency } from "./replication-metrics";
import { recordCapacitySettings, recordFailure, recordSuccess, recordThrottle } from "./request-metrics";
import type { TableCapacityModel } from "./table-catalog";

export type MeterOptions = {
  enforcer?: Partial<EnforcerConfig>;
  contributorInsights?: ContributorInsightsConfig;
  /** When Contributor Insights was enabled; it names the rules, so live and simulated traffic share them. */
  insightsEnabledAtMs?: number;
  now: () => number;
  modelOf: (table: string) => Promise<TableCapacityModel | null>;
};

/**
 * The service behaviour the proxy imitates, without any I/O: admission (throttling), charging, metrics and
 * Contributor Insights. The live proxy and the simulated demo history both run requests through one of these.
 */
export class Meter {
  readonly insights: ContributorInsights;
  private readonly enforcer: CapacityEnforcer;
  private readonly recorder = new MetricRecorder();
  private readonly now: () => number;
  private lastSettingsMinute = -1;

  constructor(options: MeterOptions) {
    this.now = options.now;
    this.enforcer = new CapacityEnforcer({ ...DEFAULT_ENFORCER_CONFIG, ...options.enforcer }, options.now);
    this.insights = new ContributorInsights(options.contributorInsights ?? {}, options.now, options.modelOf, options.insightsEnabledAtMs);
  }

  /** Null if the request may run; otherwise the throttle, already counted in metrics and Contributor Insights. */
  admit(operation: MeteredOperation, models: ReadonlyMap<string, TableCapacityModel>): ThrottleDecision | null {
    const decision = this.enforcer.check(operation, models);
    if (decision) {
      const at = this.now();
      recordThrottle(this.recorder, operation, decision, at);
      this.insights.recordThrottle(operation, decision, models, at);
    }
    return decision;
  }

  succeeded(
    operation: MeteredOperation,
    consumption: readonly TableConsumption[],
    latencyMs: number,
    response: Record<string, unknown>,
    models: ReadonlyMap<string, TableCapacityModel>,
  ): void {
    const at = this.now();
    this.enforcer.charge(operation, consumption, models);
    recordSuccess(this.recorder, operation, consumption, latencyMs, response, at);
    this.insights.recordAccess(operation, consumption, models, at);
  }

  failed(operation: MeteredOperation, status: number): void {
    recordFailure(this.recorder, operation, status, this.now());
  }

  /** A global table's write from another region arrived here: it uses this replica's write capacity. */
  replicatedWrite(table: string, consumption: readonly TableConsumption[], models: ReadonlyMap<string, TableCapacityModel>): void {
    this.enforcer.charge({ operation: "PutItem", kind: "write", accesses: [{ table, index: null, keys: [] }] }, consumption, models);
    recordReplicatedWrite(this.recorder, consumption, this.now());
  }

  /** A write made here reached `receivingRegion` after `latencyMs` (published here, the sending region). */
  replicated(table: string, receivingRegion: string, latencyMs: number): void {
    recordReplicationLatency(this.recorder, table, receivingRegion, latencyMs, this.now());
  }

  /** Writes made here that `receivingRegion` has not applied yet, sampled now. */
  pendingReplication(table: string, receivingRegion: string, pending: number): void {
    recordPendingReplication(this.recorder, table, receivingRegion, pending, this.now());
  }

  /** Publishes everything measured so far, plus the capacity settings of `tables` once a minute. */
  async publish(sink: MetricsSink, tables: readonly TableCapacityModel[]): Promise<void> {
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.lastSettingsMinute) {
      this.lastSettingsMinute = minute;
      recordCapacitySettings(this.recorder, tables, this.now());
    }
    const samples = this.recorder.drain();
    const insightSamples = this.insights.drain();
    if (samples.length > 0) await sink.putMetrics(samples);
    await sink.putInsights(this.insights.rules(), insightSamples);
  }
}
