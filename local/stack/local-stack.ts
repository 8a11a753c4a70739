import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../cloudwatch/start-local-cloudwatch";
import { startDynamoDbLocal, type RunningDynamoDbLocal } from "../dynamodb-local/start-dynamodb-local";
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoDb } from "../local-clients";
import type { ContributorInsightsConfig } from "../metering/contributor-insights";
import { startMeteringProxy, type RunningMeteringProxy } from "../metering/metering-proxy";
import { httpMetricsSink } from "../metering/metrics-sink";
import { TableCatalog } from "../metering/table-catalog";
import { seedDemo, type SeedResult } from "../seed/seed-demo";
import { startLiveWorkload, type LiveWorkload } from "../workload/run-live";
import { simulateHistory, type HistoryResult } from "../workload/simulate-history";
import { demoTrafficModel } from "../workload/traffic-model";
import { DEMO_CONTRIBUTOR_INSIGHTS } from "./demo-insights";

export type LocalStack = {
  dynamodb: RunningDynamoDbLocal;
  cloudwatch: RunningLocalCloudWatch;
  proxy: RunningMeteringProxy;
  seed: SeedResult[];
  history: HistoryResult | null;
  workload: LiveWorkload | null;
  /** The environment that points the dashboard at this stack: DynamoDB through the metering proxy, and the local CloudWatch. */
  dashboardEnv: Record<string, string>;
  stop: () => Promise<void>;
};

export type LocalStackOptions = {
  seed: boolean;
  dynamodbPort?: number;
  proxyPort?: number;
  cloudwatchPort?: number;
  heapMb?: number;
  dataDir?: string;
  cloudwatchSnapshot?: string;
  capacityScale?: number;
  /** False: the proxy meters and publishes but never throttles (the benchmark measures the dashboard, not the demo's capacity). */
  enforceCapacity?: boolean;
  contributorInsights?: ContributorInsightsConfig;
  /** Simulated history to publish before live traffic starts, in ms. */
  historyMs?: number;
  workload?: boolean;
  /** How often the proxy publishes metrics; DynamoDB publishes every minute, the demo a little faster. */
  flushIntervalMs?: number;
  log?: (line: string) => void;
};

/**
 * The embedded default: DynamoDB Local, a local CloudWatch, the metering proxy between them, the demo data, and
 * optionally simulated history and live demo traffic. `npm run demo`, the e2e tests and the bench all use it.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop();
  };
  try {
    const dynamodb = await startDynamoDbLocal({ port: options.dynamodbPort, heapMb: options.heapMb, dataDir: options.dataDir });
    stoppers.push(dynamodb.stop);
    log(`DynamoDB Local answering on ${dynamodb.endpoint}`);
    const cloudwatch = await startLocalCloudWatch({ port: options.cloudwatchPort, snapshotPath: options.cloudwatchSnapshot, log });
    stoppers.push(cloudwatch.stop);
    const admin = localDynamoDb(dynamodb.endpoint);
    stoppers.push(async () => admin.destroy());
    const sink = httpMetricsSink(cloudwatch.endpoint);
    stoppers.push(async () => sink.destroy());

    const seed = options.seed ? await seedDemo(admin, log) : [];
    const capacityScale = options.capacityScale ?? 0.01;
    const contributorInsights = options.contributorInsights ?? DEMO_CONTRIBUTOR_INSIGHTS;
    const historyMs = options.historyMs ?? 0;
    const insightsEnabledAtMs = Date.now() - historyMs;

    let history: HistoryResult | null = null;
    if (historyMs > 0) {
      const catalog = new TableCatalog(admin);
      const tables = (await Promise.all(["Shop", "Sessions", "Events"].map((name) => catalog.get(name)))).flatMap((table) => (table ? [table] : []));
      history = await simulateHistory({ model: demoTrafficModel(7), durationMs: historyMs, endMs: Date.now(), tables, sink, enforcer: { capacityScale }, contributorInsights, insightsEnabledAtMs });
      log(`demo history: ${Math.round(historyMs / 60_000)} simulated minutes, ${history.requests} requests (${history.throttled} throttled) in ${(history.elapsedMs / 1000).toFixed(1)} s`);
    }

    const proxy = await startMeteringProxy({
      upstream: dynamodb.endpoint,
      upstreamClient: admin,
      sink,
      port: options.proxyPort,
      enforcer: { capacityScale, enforce: options.enforceCapacity ?? true },
      contributorInsights,
      insightsEnabledAtMs,
      flushIntervalMs: options.flushIntervalMs ?? 10_000,
      log,
    });
    stoppers.push(proxy.stop);
    log(`metering proxy on ${proxy.endpoint}, local CloudWatch on ${cloudwatch.endpoint}`);

    let workload: LiveWorkload | null = null;
    if (options.workload) {
      const client = new DynamoDBClient({ endpoint: proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
      workload = startLiveWorkload({ client, model: demoTrafficModel(), log });
      const running = workload;
      stoppers.push(async () => {
        await running.stop();
        client.destroy();
      });
    }

    return {
      dynamodb,
      cloudwatch,
      proxy,
      seed,
      history,
      workload,
      dashboardEnv: {
        DYNAMODB_ENDPOINT: proxy.endpoint,
        CLOUDWATCH_ENDPOINT: cloudwatch.endpoint,
        AWS_REGION: LOCAL_REGION,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        // The proxy scales the per-partition cap; the diagnosis compares hot keys with the same scaled cap.
        PARTITION_CAP_SCALE: String(capacityScale),
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
