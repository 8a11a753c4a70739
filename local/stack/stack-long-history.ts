import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DEMO_ACCOUNT, REPLICA_REGION, type FleetAccount } from "../fleet/demo-fleet";
import { LOCAL_REGION } from "../local-clients";
import type { MetricStore } from "../aws/cloudwatch/metric-store";
import type { MetricsSink, SinkScope } from "../metering/metrics-sink";
import { TableCatalog } from "../metering/table-catalog";
import { publishDemoLongHistory } from "./demo-long-history";
import type { TenantPlan } from "./tenant-plans";

/**
 * Writes samples straight into a tenant's metric store. The long tail goes in this way because PutMetricData refuses
 * timestamps more than two weeks old (as AWS does), and its first hours are older than that: on AWS they would have
 * been published as they happened. It also spares start-up half a million data through HTTP.
 */
export function storeMetricsSink(store: MetricStore): MetricsSink {
  return {
    putMetrics: async (samples) => {
      for (const sample of samples) store.put(sample);
    },
    putInsights: async () => undefined,
  };
}

/**
 * The long tail of every account and region the demo serves (demo-long-history.ts), published to each one's own
 * CloudWatch after the simulated history, so the cost advisor and /fleet's cost column have 14 days for every table.
 * Only the demo account's home region has baseline windows; the global table's replica region receives its writes.
 */
export async function publishTenantLongHistories(options: {
  plans: readonly TenantPlan[];
  historyStartMs: number;
  historyEndMs: number;
  clientFor: (account: FleetAccount, region: string) => DynamoDBClient;
  /** Each account and region's metric store (the local CloudWatch's storesFor). */
  storeFor: (scope: SinkScope) => MetricStore;
  log: (line: string) => void;
}): Promise<void> {
  for (const [position, plan] of options.plans.entries()) {
    const catalog = new TableCatalog(options.clientFor(plan.account, plan.region));
    const tables = (await Promise.all(plan.tables.map((name) => catalog.get(name)))).flatMap((table) => (table ? [table] : []));
    const demoAccount = plan.account.accountId === DEMO_ACCOUNT.accountId;
    const home = demoAccount && plan.region === LOCAL_REGION;
    await publishDemoLongHistory({
      tables,
      historyStartMs: options.historyStartMs,
      historyEndMs: options.historyEndMs,
      role: home ? "home" : demoAccount && plan.region === REPLICA_REGION ? "replica" : "other",
      withBaselines: home,
      seed: 31 + position,
      sink: storeMetricsSink(options.storeFor({ accessKeyId: plan.account.credentials.accessKeyId, region: plan.region })),
      label: options.plans.length > 1 ? `${plan.account.name}/${plan.region} ` : "",
      log: options.log,
    });
  }
}
