import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import type { InsightRuleDefinition, InsightSample } from "../cloudwatch/insight-store";
import type { MetricSample } from "../cloudwatch/metric-store";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local-clients";

/** Where the proxy publishes what it measured: the local CloudWatch, in process or over its HTTP API. */
export type MetricsSink = {
  putMetrics: (samples: MetricSample[]) => Promise<void>;
  putInsights: (rules: InsightRuleDefinition[], samples: InsightSample[]) => Promise<void>;
};

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

/** Publishes through the real CloudWatch SDK (PutMetricData) and the local server's /_local/insights extension. */
export function httpMetricsSink(endpoint: string): MetricsSink & { destroy: () => void } {
  const client = new CloudWatchClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
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
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rules, samples }),
      });
      if (!response.ok) throw new Error(`local CloudWatch refused insight samples: HTTP ${response.status}`);
    },
    destroy: () => client.destroy(),
  };
}
