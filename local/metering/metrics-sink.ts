import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { unsignedAuthorization } from "../aws/shared/sigv4-scope";
import type { InsightRuleDefinition, InsightSample } from "../aws/cloudwatch/insight-store";
import type { MetricSample } from "../aws/cloudwatch/metric-store";

/** Where the proxy publishes what it measured for one account and region: the local CloudWatch. */
export type MetricsSink = {
  putMetrics: (samples: MetricSample[]) => Promise<void>;
  putInsights: (rules: InsightRuleDefinition[], samples: InsightSample[]) => Promise<void>;
};

/** The account (by access key) and region whose CloudWatch a table's metrics belong in. */
export type SinkScope = { accessKeyId: string; region: string };

/** A sink per account and region: DynamoDB publishes a table's metrics to CloudWatch in the table's own account and region. */
export type ScopedMetricsSink = { forScope: (scope: SinkScope) => MetricsSink; destroy: () => void };

/** PutMetricData accepts at most 1,000 data per call and 150 distinct values per datum. */
const DATA_PER_CALL = 1_000;
const VALUES_PER_DATUM = 150;

function toData(sample: MetricSample): MetricDatum[] {
  const base: MetricDatum = {
    MetricName: sample.metricName,
    Dimensions: sample.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
    Timestamp: new Date(sample.timestampMs),
    Unit: sample.unit as MetricDatum["Unit"],
    StorageResolution: sample.storageResolution,
  };
  if (sample.values) {
    const data: MetricDatum[] = [];
    for (let start = 0; start < sample.values.length; start += VALUES_PER_DATUM) {
      const chunk = sample.values.slice(start, start + VALUES_PER_DATUM);
      data.push({ ...base, Values: chunk.map((entry) => entry.value), Counts: chunk.map((entry) => entry.count) });
    }
    return data;
  }
  if (sample.statistics) {
    const { sampleCount, sum, minimum, maximum } = sample.statistics;
    return [{ ...base, StatisticValues: { SampleCount: sampleCount, Sum: sum, Minimum: minimum, Maximum: maximum } }];
  }
  return [{ ...base, Value: sample.value }];
}

/**
 * Publishes through the real CloudWatch SDK (PutMetricData) and the local server's /_local/insights extension, signed
 * with the scope's access key and region, so the local CloudWatch files them under that account and region.
 */
function scopeSink(endpoint: string, scope: SinkScope, client: CloudWatchClient): MetricsSink {
  return {
    putMetrics: async (samples) => {
      const byNamespace = new Map<string, MetricDatum[]>();
      for (const sample of samples) byNamespace.set(sample.namespace, [...(byNamespace.get(sample.namespace) ?? []), ...toData(sample)]);
      for (const [namespace, data] of byNamespace) {
        for (let start = 0; start < data.length; start += DATA_PER_CALL) {
          await client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data.slice(start, start + DATA_PER_CALL) }));
        }
      }
    },
    putInsights: async (rules, samples) => {
      if (rules.length === 0 && samples.length === 0) return;
      const response = await fetch(new URL("/_local/insights", endpoint), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: unsignedAuthorization(scope.accessKeyId, scope.region, "monitoring") },
        body: JSON.stringify({ rules, samples }),
      });
      if (!response.ok) throw new Error(`local CloudWatch refused insight samples: HTTP ${response.status}`);
    },
  };
}

/** One CloudWatch client per account and region, made on first use. The local CloudWatch reads only the key id. */
export function httpMetricsSink(endpoint: string): ScopedMetricsSink {
  const sinks = new Map<string, { sink: MetricsSink; client: CloudWatchClient }>();
  return {
    forScope: (scope) => {
      const key = `${scope.accessKeyId}/${scope.region}`;
      let entry = sinks.get(key);
      if (!entry) {
        const credentials = { accessKeyId: scope.accessKeyId, secretAccessKey: "metering-proxy" };
        const client = new CloudWatchClient({ endpoint, region: scope.region, credentials, maxAttempts: 3 });
        entry = { sink: scopeSink(endpoint, scope, client), client };
        sinks.set(key, entry);
      }
      return entry.sink;
    },
    destroy: () => {
      for (const { client } of sinks.values()) client.destroy();
      sinks.clear();
    },
  };
}
