import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { ProgressReport } from "@/lib/jobs/job-progress";
import type { JobSnapshot } from "@/lib/jobs/job-types";
import type { Scope } from "@/lib/scope/scope";
import { startShardPoller, type ShardBatch } from "@/lib/server/streams/shard-poller";
import { streamOfTable } from "@/lib/server/streams/table-stream";
import { describeTable } from "@/lib/server/tables/describe-table";
import { StreamSampleAggregator, type StreamSampleAggregatorOptions } from "@/lib/streams/stream-sample-aggregator";
import { streamSampleResult } from "@/lib/streams/stream-sample-result";
import type { StreamInfo, StreamReadStats, StreamSampleParams, StreamSampleRequest, StreamSampleResult } from "@/lib/streams/stream-types";
import type { TableDetail } from "@/lib/tables/table-detail";
import { jobRegistry, type JobOutcome, type JobRegistry, type JobRunContext } from "./job-registry";

export type StreamSampleJob = JobSnapshot<StreamSampleParams, StreamSampleResult>;

export type StreamSampleOptions = {
  registry?: JobRegistry;
  /** Tests lower the exact-count cap to exercise the bounded summary. */
  aggregator?: Pick<StreamSampleAggregatorOptions, "exactKeyCap" | "summaryCounters">;
  now?: () => number;
};

/** While running, never claim to be done: the last poll may still be on its way. */
const MAX_RUNNING_FRACTION = 0.99;
/** How often progress is reported when no records arrive, so the bar moves with time on a quiet stream. */
const PROGRESS_TICK_MS = 1_000;

function noStream(table: string): AppError {
  return new AppError(
    "CONFLICT",
    `Table ${table} has no stream, so there are no writes to sample. To turn one on (this dashboard never changes a table): ` +
      `\`aws dynamodb update-table --table-name ${table} --stream-specification StreamEnabled=true,StreamViewType=KEYS_ONLY\`. ` +
      "KEYS_ONLY is enough to count writes per key; NEW_AND_OLD_IMAGES (or NEW_IMAGE) also lets the sample estimate write units from item sizes. " +
      "A stream records writes from when it is turned on; reading it costs only GetRecords calls.",
  );
}

/**
 * Starts a stream sample of an exposed table (a hidden or missing one is a 404) as a background job and returns its
 * first snapshot: every shard of the table's stream read for `durationSeconds` (at most STREAM_SAMPLE_MAX_SECONDS, a
 * 400 beyond) or until `maxRecords`, counting writes per key. A table without a stream is a 409 that says how to turn
 * one on. Nothing is written: the stream is only read, at most once a poll interval per shard.
 */
export async function startStreamSample(scope: Scope, tableName: string, request: StreamSampleRequest, options: StreamSampleOptions = {}): Promise<StreamSampleJob> {
  const cap = env().streamSampleMaxSeconds;
  if (request.durationSeconds > cap) {
    throw new AppError(
      "BAD_REQUEST",
      `durationSeconds must be at most ${cap} on this server (STREAM_SAMPLE_MAX_SECONDS): a sample shares each shard's ~5 GetRecords calls a second with the table's own stream readers.`,
    );
  }
  const table = await describeTable(scope, tableName);
  const stream = await streamOfTable(scope, table.name);
  const startingPosition = request.startingPosition ?? "LATEST";
  if (!stream) throw noStream(table.name);
  // A stream turned off records nothing new, though what it holds stays readable for 24 hours (TRIM_HORIZON).
  if (startingPosition === "LATEST" && (stream.status === "DISABLED" || stream.status === "DISABLING")) {
    throw new AppError("CONFLICT", `The stream of table ${table.name} is ${stream.status}, so it records no new writes to sample from LATEST. Its last 24 hours stay readable: sample from TRIM_HORIZON, or turn the stream back on.`);
  }
  const params: StreamSampleParams = {
    kind: "stream-sample",
    durationSeconds: request.durationSeconds,
    maxRecords: request.maxRecords ?? null,
    startingPosition,
    pollIntervalMs: env().streamPollIntervalMs,
  };
  const registry = options.registry ?? jobRegistry();
  const initial = progressOf(params, 0, 0, null);
  return registry.start("stream-sample", scope, table.name, params, (context) => runStreamSample(scope, table, stream, params, context, options), initial);
}

/** Records as items read; the fraction of the duration passed (or of maxRecords read, if further); GetRecords calls as pages. */
function progressOf(params: StreamSampleParams, elapsedMs: number, records: number, reads: StreamReadStats | null): ProgressReport {
  const byTime = elapsedMs / (params.durationSeconds * 1_000);
  const byRecords = params.maxRecords === null ? 0 : records / params.maxRecords;
  return {
    itemsRead: records,
    // A stream sample reads no table: GetRecords is not charged in capacity units.
    rcuUsed: 0,
    rcuBudget: 0,
    fraction: Math.min(MAX_RUNNING_FRACTION, Math.max(0, byTime, byRecords)),
    pagesRead: reads?.getRecordsCalls ?? 0,
    segmentsDone: reads?.shardsFinished ?? 0,
    segments: reads?.shardsRead ?? 0,
  };
}

/**
 * The sample itself: the shard poller feeding a bounded-memory aggregator until the duration passes, maxRecords are
 * read, or the job is cancelled. Returns what was read in every case (a cancelled sample keeps its partial result).
 */
export async function runStreamSample(
  scope: Scope,
  table: TableDetail,
  stream: StreamInfo,
  params: StreamSampleParams,
  context: JobRunContext,
  options: StreamSampleOptions = {},
): Promise<JobOutcome<StreamSampleResult>> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const aggregator = new StreamSampleAggregator({
    partitionKey: table.keys.partitionKey.name,
    sortKey: table.keys.sortKey?.name ?? null,
    startedAt,
    plannedDurationSeconds: params.durationSeconds,
    ...options.aggregator,
  });
  const stop = new AbortController();
  const cancel = () => stop.abort();
  if (context.signal.aborted) cancel();
  else context.signal.addEventListener("abort", cancel, { once: true });
  let reachedMax = false;
  const onBatch = (batch: ShardBatch) => {
    // A batch that arrives after the end (its call was in flight) is past the sampled window.
    if (stop.signal.aborted) return;
    const room = params.maxRecords === null ? Infinity : params.maxRecords - aggregator.recordCount;
    aggregator.add(batch.records.length > room ? { ...batch, records: batch.records.slice(0, room) } : batch);
    if (aggregator.recordCount >= (params.maxRecords ?? Infinity)) {
      reachedMax = true;
      stop.abort();
    }
  };
  const poller = startShardPoller({ scope, streamArn: stream.arn, startingPosition: params.startingPosition, pollIntervalMs: params.pollIntervalMs, signal: stop.signal, onBatch, now });
  const report = () => context.report(progressOf(params, now() - startedAt, aggregator.recordCount, poller.stats()));
  const timer = setTimeout(() => stop.abort(), params.durationSeconds * 1_000);
  const ticker = setInterval(report, PROGRESS_TICK_MS);
  try {
    await poller.done;
  } finally {
    clearTimeout(timer);
    clearInterval(ticker);
    context.signal.removeEventListener("abort", cancel);
  }
  report();
  const result = streamSampleResult(aggregator.summary(), {
    stream: { arn: stream.arn, viewType: stream.viewType },
    startingPosition: params.startingPosition,
    partitionKey: table.keys.partitionKey.name,
    sortKey: table.keys.sortKey?.name ?? null,
    partitionWriteUnitsPerSecond: 1_000 * env().partitionCapScale,
    reads: poller.stats(),
    warnings: [],
  });
  const stopReason = context.signal.aborted ? "cancelled" : reachedMax ? "sample-size" : "end";
  return { result, stopReason, throttle: null };
}
