import "server-only";
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type GetRecordsCommandOutput, type ShardIteratorType } from "@aws-sdk/client-dynamodb-streams";
import { abortableSleep } from "@/lib/async/abortable-sleep";
import type { Scope } from "@/lib/scope/scope";
import { dynamodbStreamsForPollers } from "@/lib/server/aws/clients";
import { backOff, easeBack, isStreamThrottle, pollDelayMs } from "@/lib/streams/poll-backoff";
import { ShardLineage, type ShardDescription, type ShardStart } from "@/lib/streams/shard-lineage";
import { toStreamRecordView } from "@/lib/streams/stream-record";
import type { StreamReadStats, StreamRecordView, StreamStartingPosition } from "@/lib/streams/stream-types";
import { streamReadError } from "./stream-errors";

/** One GetRecords answer (possibly empty, so callers know time passed on the shard). */
export type ShardBatch = { shardId: string; records: StreamRecordView[]; readAt: number; previousReadAt: number | null };

export type ShardPollerOptions = {
  scope: Scope;
  streamArn: string;
  startingPosition: StreamStartingPosition;
  /** The least time between two GetRecords calls on one shard, before back-off. */
  pollIntervalMs: number;
  /** Aborting it stops the poller; `done` then resolves, and onBatch is not called again. */
  signal: AbortSignal;
  onBatch: (batch: ShardBatch) => void;
  now?: () => number;
};

export type ShardPoller = { stats: () => StreamReadStats; done: Promise<void> };

/** New shards appear when DynamoDB splits one; looking every 30 s finds them without spending DescribeStream's 10 calls a second. */
const REDISCOVER_MS = 30_000;
/** After a shard ends, its children should already be listed; if not yet, look again sooner. */
const CHILD_LOOKUP_MS = 5_000;

/**
 * Reads every shard of one stream (the live tail and the stream-sample job both read through this). Each shard is
 * read by its own loop, at most once per pollIntervalMs counted from when the previous call returned, so however
 * slow the answers, calls to one shard never come closer together than that. AWS allows about 5 GetRecords calls a
 * second per shard to all readers together, so a throttle (LimitExceededException) is expected on a busy stream:
 * that shard's loop backs off and counts it, and never fails. Which shards to read and from where: ShardLineage.
 */
export function startShardPoller(options: ShardPollerOptions): ShardPoller {
  const now = options.now ?? Date.now;
  const client = dynamodbStreamsForPollers(options.scope);
  const lineage = new ShardLineage(options.startingPosition);
  const stop = new AbortController();
  const signal = stop.signal;
  let stoppedAt: number | null = null;
  let failure: unknown = null;
  let getRecordsCalls = 0;
  let throttledCalls = 0;
  /** When each shard's loop started and ended, for calls per shard per second. */
  const shardSpans = new Map<string, { from: number; to: number | null }>();
  const loops = new Set<Promise<void>>();
  let wakeDiscovery = () => {};

  const onAbort = () => {
    stoppedAt ??= now();
    stop.abort();
  };
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener("abort", onAbort, { once: true });
  signal.addEventListener("abort", () => (stoppedAt ??= now()), { once: true });

  const fail = (error: unknown) => {
    failure ??= streamReadError(error, options.streamArn);
    stop.abort();
  };

  async function describeShards(): Promise<ShardDescription[]> {
    const shards: ShardDescription[] = [];
    let exclusiveStart: string | undefined;
    do {
      const out = await client.send(new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: exclusiveStart }), { abortSignal: signal });
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId) continue;
        shards.push({ shardId: shard.ShardId, parentShardId: shard.ParentShardId ?? null, closed: shard.SequenceNumberRange?.EndingSequenceNumber !== undefined });
      }
      const next = out.StreamDescription?.LastEvaluatedShardId;
      // A page that names the shard it started after as its last would loop forever; stop there.
      exclusiveStart = next && next !== exclusiveStart ? next : undefined;
    } while (exclusiveStart && !signal.aborted);
    return shards;
  }

  async function shardIterator(shardId: string, type: ShardIteratorType, sequenceNumber?: string): Promise<string | null> {
    let factor = 1;
    for (;;) {
      try {
        const out = await client.send(new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }), { abortSignal: signal });
        return out.ShardIterator ?? null;
      } catch (error) {
        if (signal.aborted) return null;
        // The records after that sequence number were trimmed (older than 24 hours): the oldest still held come next.
        if (error instanceof Error && error.name === "TrimmedDataAccessException" && type !== "TRIM_HORIZON") return shardIterator(shardId, "TRIM_HORIZON");
        if (!isStreamThrottle(error)) throw error;
        factor = backOff(factor);
        await abortableSleep(pollDelayMs(options.pollIntervalMs, factor), signal).promise;
      }
    }
  }

  function launch(start: ShardStart) {
    const loop = readShard(start).catch(fail);
    loops.add(loop);
    void loop.finally(() => loops.delete(loop));
  }

  async function readShard(start: ShardStart): Promise<void> {
    const { shardId } = start;
    const span = { from: now(), to: null as number | null };
    shardSpans.set(shardId, span);
    let iterator = await shardIterator(shardId, start.iteratorType);
    let lastSequence: string | null = null;
    let previousReadAt: number | null = null;
    let factor = 1;
    let nextAt = now();
    try {
      while (!signal.aborted) {
        await abortableSleep(nextAt - now(), signal).promise;
        if (signal.aborted) return;
        if (iterator === null) {
          // GetShardIterator answered none: an open shard always has one, so the shard was closed and trimmed away.
          for (const child of lineage.finish(shardId)) launch(child);
          wakeDiscovery();
          return;
        }
        getRecordsCalls++;
        let out: GetRecordsCommandOutput;
        try {
          out = await client.send(new GetRecordsCommand({ ShardIterator: iterator }), { abortSignal: signal });
        } catch (error) {
          if (signal.aborted) return;
          if (isStreamThrottle(error)) {
            throttledCalls++;
            factor = backOff(factor);
          } else if (error instanceof Error && error.name === "ExpiredIteratorException") {
            // Iterators expire 15 minutes after they are handed out; resume right after the last record read.
            iterator = lastSequence ? await shardIterator(shardId, "AFTER_SEQUENCE_NUMBER", lastSequence) : await shardIterator(shardId, start.iteratorType);
          } else if (error instanceof Error && error.name === "TrimmedDataAccessException") {
            iterator = await shardIterator(shardId, "TRIM_HORIZON");
          } else {
            throw error;
          }
          nextAt = now() + pollDelayMs(options.pollIntervalMs, factor);
          continue;
        }
        // Stopped while the call was in flight: the caller's window has ended, so onBatch is never called after abort.
        if (signal.aborted) return;
        const readAt = now();
        const records = (out.Records ?? []).map((record) => toStreamRecordView(record, shardId, readAt));
        lastSequence = records.at(-1)?.sequenceNumber ?? lastSequence;
        factor = easeBack(factor);
        nextAt = readAt + pollDelayMs(options.pollIntervalMs, factor);
        options.onBatch({ shardId, records, readAt, previousReadAt });
        previousReadAt = readAt;
        if (!out.NextShardIterator) {
          // A closed shard read to its end: its children (after a split) carry on from TRIM_HORIZON.
          for (const child of lineage.finish(shardId)) launch(child);
          wakeDiscovery();
          return;
        }
        iterator = out.NextShardIterator;
      }
    } finally {
      span.to = now();
    }
  }

  async function discoveryLoop(): Promise<void> {
    let factor = 1;
    while (!signal.aborted) {
      let wait: number;
      try {
        const shards = await describeShards();
        if (signal.aborted) return;
        for (const start of lineage.discover(shards)) launch(start);
        factor = 1;
        wait = lineage.childlessFinished().length > 0 ? CHILD_LOOKUP_MS : REDISCOVER_MS;
      } catch (error) {
        if (signal.aborted) return;
        if (!isStreamThrottle(error)) throw error;
        factor = backOff(factor);
        wait = pollDelayMs(options.pollIntervalMs, factor);
      }
      const sleep = abortableSleep(wait, signal);
      wakeDiscovery = sleep.wake;
      await sleep.promise;
    }
  }

  const done = (async () => {
    await discoveryLoop().catch(fail);
    // The discovery loop only returns once stopped; let every shard loop wind down before answering.
    while (loops.size > 0) await Promise.all([...loops]);
    options.signal.removeEventListener("abort", onAbort);
    if (failure !== null) throw failure;
  })();

  const stats = (): StreamReadStats => {
    const end = stoppedAt ?? now();
    let shardMs = 0;
    for (const span of shardSpans.values()) shardMs += Math.max(0, (span.to ?? end) - span.from);
    const counts = lineage.counts();
    return {
      getRecordsCalls,
      throttledCalls,
      // Under a second of shard time, a rate would mostly measure the first call of each shard.
      callsPerShardPerSecond: shardMs >= 1_000 ? getRecordsCalls / (shardMs / 1_000) : null,
      shardsReading: signal.aborted ? 0 : counts.reading,
      shardsFinished: counts.finished,
      shardsRead: shardSpans.size,
      pollIntervalMs: options.pollIntervalMs,
    };
  };
  return { stats, done };
}
