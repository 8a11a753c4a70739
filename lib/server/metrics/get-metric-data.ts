import "server-only";
import { GetMetricDataCommand, type CloudWatchClient, type GetMetricDataCommandOutput, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { AppError } from "@/lib/errors/app-error";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { DYNAMODB_NAMESPACE } from "@/lib/metrics/metric-series";
import type { Scope } from "@/lib/scope/scope";
import { cloudwatch } from "@/lib/server/aws/clients";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { cloudWatchFailure } from "./cloudwatch-failure";

/** GetMetricData's limit on MetricDataQueries per call. */
export const MAX_QUERIES_PER_CALL = 500;
/** A batch that keeps answering with NextToken beyond this is treated as a CloudWatch fault, not followed forever. */
const MAX_PAGES_PER_BATCH = 200;
/** Batches run side by side, but few at a time: GetMetricData's default quota is 50 transactions per second. */
const BATCH_CONCURRENCY = 4;

/** One AWS/DynamoDB query. `key` is the caller's name for it; the wire Ids are generated. */
export type MetricQuery = {
  key: string;
  metric: string;
  stat: string;
  dimensions: ReadonlyArray<{ name: string; value: string }>;
  periodSeconds: number;
};

/** A query's datapoints in ascending time order, merged across pages. */
export type MetricPoints = { timestamps: number[]; values: number[] };

export type FetchedMetrics = { points: Map<string, MetricPoints>; calls: number };

export type FetchOptions = {
  /** Defaults to the product's guarded client. */
  client?: CloudWatchClient;
  /** Passed through as MaxDatapoints; tests use a small value to exercise NextToken paging. */
  maxDatapoints?: number;
};

/** Splits queries into GetMetricData-sized batches, in order. */
export function batchQueries<T>(queries: readonly T[], size: number = MAX_QUERIES_PER_CALL): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < queries.length; start += size) batches.push(queries.slice(start, start + size));
  return batches;
}

async function send(client: CloudWatchClient, command: GetMetricDataCommand): Promise<GetMetricDataCommandOutput> {
  try {
    return await client.send(command);
  } catch (error) {
    // Our own guard refusing a command is a bug, not an upstream failure: let it surface as a 500.
    if (error instanceof Error && !(error instanceof ReadOnlyViolationError)) throw cloudWatchFailure(error);
    throw error;
  }
}

function toWire(query: MetricQuery, id: string): MetricDataQuery {
  return {
    // Ids must match ^[a-z][a-zA-Z0-9_]*$ and be unique within a call; positions are both.
    Id: id,
    ReturnData: true,
    MetricStat: {
      Metric: { Namespace: DYNAMODB_NAMESPACE, MetricName: query.metric, Dimensions: query.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })) },
      Period: query.periodSeconds,
      Stat: query.stat,
    },
  };
}

/** One batch of up to 500 queries: one GetMetricData call, plus one per NextToken page. */
async function fetchBatch(client: CloudWatchClient, batch: readonly MetricQuery[], range: { startMs: number; endMs: number }, maxDatapoints: number | undefined, into: Map<string, MetricPoints>): Promise<number> {
  const keyById = new Map(batch.map((query, position) => [`q${position}`, query.key]));
  const wire = batch.map((query, position) => toWire(query, `q${position}`));
  let nextToken: string | undefined;
  let calls = 0;
  do {
    if (calls >= MAX_PAGES_PER_BATCH) throw new AppError("UPSTREAM", `CloudWatch failed: GetMetricData kept paging past ${MAX_PAGES_PER_BATCH} pages.`);
    const output = await send(
      client,
      new GetMetricDataCommand({
        MetricDataQueries: wire,
        StartTime: new Date(range.startMs),
        EndTime: new Date(range.endMs),
        ScanBy: "TimestampAscending",
        NextToken: nextToken,
        MaxDatapoints: maxDatapoints,
      }),
    );
    calls++;
    for (const result of output.MetricDataResults ?? []) {
      const key = result.Id === undefined ? undefined : keyById.get(result.Id);
      const points = key === undefined ? undefined : into.get(key);
      if (!points) throw new AppError("UPSTREAM", `CloudWatch failed: GetMetricData answered a query that was not asked (${result.Id ?? "no Id"}).`);
      // PartialData only means "more on the next page"; InternalError and Forbidden mean the values cannot be trusted.
      if (result.StatusCode === "InternalError" || result.StatusCode === "Forbidden") {
        const detail = (result.Messages ?? []).map((message) => `${message.Code ?? ""} ${message.Value ?? ""}`.trim()).join("; ");
        throw new AppError("UPSTREAM", `CloudWatch failed: ${result.StatusCode} for ${key}${detail ? `: ${detail}` : ""}.`);
      }
      const timestamps = result.Timestamps ?? [];
      const values = result.Values ?? [];
      if (timestamps.length !== values.length) throw new AppError("UPSTREAM", `CloudWatch failed: ${key} came back with ${timestamps.length} timestamps for ${values.length} values.`);
      timestamps.forEach((timestamp, position) => {
        const value = values[position];
        if (value === undefined) return;
        points.timestamps.push(timestamp.getTime());
        points.values.push(value);
      });
    }
    nextToken = output.NextToken;
  } while (nextToken);
  return calls;
}

/**
 * Runs every query in as few GetMetricData calls as CloudWatch allows: batches of up to 500 queries, each
 * followed through NextToken (a call returns at most 100,800 datapoints). Sparse metrics such as throttle events
 * cost nothing extra, so one batch is usually one call. Every query gets an entry, empty when CloudWatch had no data.
 */
export async function fetchMetricData(scope: Scope, queries: readonly MetricQuery[], range: { startMs: number; endMs: number }, options: FetchOptions = {}): Promise<FetchedMetrics> {
  const points = new Map<string, MetricPoints>();
  for (const query of queries) {
    if (points.has(query.key)) throw new Error(`Metric query key ${query.key} is used twice`);
    points.set(query.key, { timestamps: [], values: [] });
  }
  if (queries.length === 0) return { points, calls: 0 };
  const client = options.client ?? cloudwatch(scope);
  const calls = await mapWithConcurrency(batchQueries(queries), BATCH_CONCURRENCY, (batch) => fetchBatch(client, batch, range, options.maxDatapoints, points));
  return { points, calls: calls.reduce((sum, count) => sum + count, 0) };
}
