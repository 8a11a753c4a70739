import { PutMetricDataCommand, type CloudWatchClient, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { inject } from "vitest";
import { z } from "zod";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";

/** An unguarded client on the run's local CloudWatch, for writing known inputs. The product's client stays read-only. */
export function metricsFixtureClient(endpoint: string = inject("cloudwatchEndpoint")): CloudWatchClient {
  return localCloudWatchClient(endpoint);
}

/** One known input: a value, several values (each a sample) or a statistic set, at a time, on a table/GSI/operation. */
export type KnownDatum = {
  metric: string;
  table: string;
  index?: string;
  operation?: string;
  atMs: number;
  values: number[];
};

function toDatum(datum: KnownDatum): MetricDatum {
  return {
    MetricName: datum.metric,
    Dimensions: [
      { Name: "TableName", Value: datum.table },
      ...(datum.index === undefined ? [] : [{ Name: "GlobalSecondaryIndexName", Value: datum.index }]),
      ...(datum.operation === undefined ? [] : [{ Name: "Operation", Value: datum.operation }]),
    ],
    Timestamp: new Date(datum.atMs),
    Values: datum.values,
    Unit: datum.metric === "SuccessfulRequestLatency" ? "Milliseconds" : "Count",
  };
}

/** Writes known inputs to AWS/DynamoDB through PutMetricData, 1,000 datums per call (its limit). */
export async function putKnownData(client: CloudWatchClient, data: readonly KnownDatum[]): Promise<void> {
  for (let start = 0; start < data.length; start += 1_000) {
    await client.send(new PutMetricDataCommand({ Namespace: "AWS/DynamoDB", MetricData: data.slice(start, start + 1_000).map(toDatum) }));
  }
}

const statsSchema = z.object({ operations: z.record(z.string(), z.number()) });

/** Requests per operation the local CloudWatch has answered since its last reset. */
export async function localStats(endpoint: string = inject("cloudwatchEndpoint")): Promise<Record<string, number>> {
  const response = await fetch(`${endpoint}/_local/stats`);
  if (!response.ok) throw new Error(`GET /_local/stats answered ${response.status}`);
  return statsSchema.parse(await response.json()).operations;
}

export async function resetLocalStats(endpoint: string = inject("cloudwatchEndpoint")): Promise<void> {
  const response = await fetch(`${endpoint}/_local/stats/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`POST /_local/stats/reset answered ${response.status}`);
}

export async function getMetricDataCalls(endpoint?: string): Promise<number> {
  return (await localStats(endpoint)).GetMetricData ?? 0;
}
