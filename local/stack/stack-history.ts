import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Tenant } from "../aws/autoscaling/identifiers";
import type { CapacityPort } from "../aws/autoscaling/scaling-ports";
import type { FleetAccount } from "../fleet/demo-fleet";
import type { MetricsSink, ScopedMetricsSink } from "../metering/metrics-sink";
import { TableCatalog, type TableCapacityModel } from "../metering/table-catalog";
import { simulateHistory, type HistoryResult } from "../workload/simulate-history";
import { applyFinalCapacity, historyCapacityPort, type CapacityChange } from "./history-scaling";
import type { TenantPlan } from "./tenant-plans";

/**
 * Alarms and auto scaling on the simulated clock, for one plan (the demo account's home region, simulated first):
 * its alarms and scaling are set up against the history's table models, CloudWatch evaluates every tenant's alarms
 * after each simulated minute, and the real tables get the capacity the history ended with. Only one plan drives the
 * evaluation, so the simulated clock runs forward once.
 */
export type HistoryScaling = {
  appliesTo: (plan: TenantPlan) => boolean;
  /** Points auto scaling at the history's models (null: back to the live tables). */
  useCapacity: (port: CapacityPort | null) => void;
  /** Sets the local CloudWatch's and auto scaling's clock to the simulated time (null: back to the wall clock). */
  setClock: (atMs: number | null) => void;
  setUp: () => Promise<void>;
  evaluateAlarms: (atMs: number) => Promise<void>;
  /** Auto scaling changed a table or GSI in the history (the stack records it in CloudTrail, as the service-linked role's). */
  onScaled?: (change: CapacityChange) => void;
  /** Changes someone else makes during the history (the demo's deploy), each at its simulated time. */
  changes?: readonly HistoryChange[];
  /** After the history, with its tables as they were at its start and the tenant's sink: the demo's baseline windows. */
  afterHistory?: (tables: readonly TableCapacityModel[], sink: MetricsSink) => Promise<void>;
};

/** A change applied to the history's models at `atMs` (a whole minute), e.g. the deploy role lowering capacity. */
export type HistoryChange = { atMs: number; apply: (port: CapacityPort, tenant: Tenant) => Promise<void> };

/** The history of every account and region, and their totals. */
export type StackHistory = HistoryResult & { tenants: Array<{ account: string; region: string; result: HistoryResult }> };

/** Seconds of capacity each table and GSI has saved when the history starts (the baselines use 10 too). */
const HISTORY_SAVED_SECONDS = 10;

// History and live traffic use different seeds, so the live minutes do not replay the simulated ones.
const HISTORY_SEED = 7;

/**
 * Simulates each plan's history on its own meter and publishes it to its own account and region, as the live proxy
 * would have (see simulateHistory). Run one after another: they share the CPU with nothing else at start-up.
 */
export async function simulateTenantHistories(options: {
  plans: readonly TenantPlan[];
  durationMs: number;
  endMs: number;
  clientFor: (account: FleetAccount, region: string) => DynamoDBClient;
  sink: ScopedMetricsSink;
  capacityScale: number;
  insightsEnabledAtMs: number;
  scaling?: HistoryScaling;
  log: (line: string) => void;
}): Promise<StackHistory> {
  const total: StackHistory = { requests: 0, throttled: 0, simulatedSeconds: 0, elapsedMs: 0, replicatedWrites: 0, tenants: [] };
  for (const plan of options.plans) {
    const catalog = new TableCatalog(options.clientFor(plan.account, plan.region));
    const tables = (await Promise.all(plan.tables.map((name) => catalog.get(name)))).flatMap((table) => (table ? [table] : []));
    const scaling = options.scaling?.appliesTo(plan) ? options.scaling : undefined;
    // Auto scaling changes this map; the history copies its entries into the models it meters against each minute.
    const scaled = new Map(tables.map((table) => [table.name, table]));
    const tenant: Tenant = { accessKeyId: plan.account.credentials.accessKeyId, accountId: plan.account.accountId, region: plan.region };
    // The changes go through a port of their own: DynamoDB's decrease limit applies to them too, but they are not auto scaling's.
    const changePort = historyCapacityPort(tenant, scaled);
    const pending = [...(scaling?.changes ?? [])].sort((a, b) => a.atMs - b.atMs);
    if (scaling) {
      scaling.useCapacity(historyCapacityPort(tenant, scaled, scaling.onScaled));
      scaling.setClock(options.endMs - options.durationMs);
      await scaling.setUp();
    }
    const result = await simulateHistory({
      model: plan.model(HISTORY_SEED),
      durationMs: options.durationMs,
      endMs: options.endMs,
      tables,
      sink: options.sink.forScope({ accessKeyId: plan.account.credentials.accessKeyId, region: plan.region }),
      // The tables ran before the history (its long tail and baselines say so): they start with some saved capacity, so
      // a burst in its first second is not throttled before the story's change (the Sessions deploy) happens.
      enforcer: { capacityScale: options.capacityScale, savedSecondsAtStart: HISTORY_SAVED_SECONDS },
      contributorInsights: plan.contributorInsights,
      insightsEnabledAtMs: options.insightsEnabledAtMs,
      replication: plan.replication,
      onMinute: scaling
        ? async (atMs, models) => {
            scaling.setClock(atMs);
            while (pending[0] !== undefined && pending[0].atMs <= atMs) await pending.shift()?.apply(changePort, tenant);
            await scaling.evaluateAlarms(atMs);
            for (const [name, model] of scaled) models.set(name, model);
          }
        : undefined,
    }).finally(() => {
      scaling?.useCapacity(null);
      scaling?.setClock(null);
    });
    if (scaling) {
      for (const change of await applyFinalCapacity(options.clientFor(plan.account, plan.region), tables, scaled)) options.log(`the history left ${change}`);
      await scaling.afterHistory?.(tables, options.sink.forScope({ accessKeyId: plan.account.credentials.accessKeyId, region: plan.region }));
    }
    const label = options.plans.length > 1 ? `${plan.account.name}/${plan.region} ` : "";
    options.log(`${label}demo history: ${Math.round(options.durationMs / 60_000)} simulated minutes, ${result.requests} requests (${result.throttled} throttled) in ${(result.elapsedMs / 1000).toFixed(1)} s`);
    total.requests += result.requests;
    total.throttled += result.throttled;
    total.simulatedSeconds = Math.max(total.simulatedSeconds, result.simulatedSeconds);
    total.elapsedMs += result.elapsedMs;
    total.replicatedWrites += result.replicatedWrites;
    total.tenants.push({ account: plan.account.name, region: plan.region, result });
  }
  return total;
}
