import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import type { EnforcerConfig } from "../../local/metering/capacity-enforcer";
import type { ContributorInsightsConfig } from "../../local/metering/contributor-insights";
import { startMeteringProxy, type RunningMeteringProxy } from "../../local/metering/metering-proxy";
import { httpMetricsSink } from "../../local/metering/metrics-sink";
import type { StreamsOptions } from "../../local/metering/stream-endpoint";

export type MeteringStack = {
  cloudwatch: RunningLocalCloudWatch;
  proxy: RunningMeteringProxy;
  /** A client that goes through the proxy, as the dashboard and the workload do. One attempt: tests want to see throttles. */
  viaProxy: DynamoDBClient;
  /** An unguarded CloudWatch client on the local CloudWatch, for reading metrics back. */
  metrics: CloudWatchClient;
  stop: () => Promise<void>;
};

/** A local CloudWatch and a metering proxy in front of the run's DynamoDB Local; metrics flush only when asked. */
export async function startMeteringStack(options: { enforcer?: Partial<EnforcerConfig>; contributorInsights?: ContributorInsightsConfig; streams?: StreamsOptions } = {}): Promise<MeteringStack> {
  const cloudwatch = await startLocalCloudWatch();
  const sink = httpMetricsSink(cloudwatch.endpoint);
  const proxy = await startMeteringProxy({
    upstream: inject("dynamodbEndpoint"),
    sink,
    enforcer: options.enforcer,
    contributorInsights: options.contributorInsights,
    streams: options.streams,
    flushIntervalMs: 3_600_000,
  });
  const viaProxy = new DynamoDBClient({ endpoint: proxy.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const metrics = new CloudWatchClient({ endpoint: cloudwatch.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  return {
    cloudwatch,
    proxy,
    viaProxy,
    metrics,
    stop: async () => {
      viaProxy.destroy();
      metrics.destroy();
      await proxy.stop();
      sink.destroy();
      await cloudwatch.stop();
    },
  };
}
