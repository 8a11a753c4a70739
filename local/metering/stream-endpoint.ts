import { authErrorResponse } from "../aws/shared/aws-json-errors";
import { parseJsonBody } from "../aws/shared/request-body";
import { AwsServiceError, unknownOperationError } from "../aws/shared/service-error";
import { parseCredentialScope } from "../aws/shared/sigv4-scope";
import { streamsErrorResponse } from "./stream-errors";
import { ITERATOR_MAX_AGE_MS } from "./stream-iterators";
import { describeStream, getRecords, getShardIterator, type StreamOperationContext } from "./stream-operations";
import { ShardReadLimit, type StreamReads } from "./stream-read-limit";
import { StreamRegistry } from "./stream-registry";
import type { ShardRoll } from "./stream-shards";
import { UpstreamRefusal, type UpstreamScope } from "./stream-upstream";
import type { WireResponse } from "./throttle-response";
import { sendUpstream } from "./upstream";

export type StreamsOptions = {
  /** AWS allows about 5 GetRecords calls a second per shard, for all readers together; tests may lower it. */
  getRecordsPerShardPerSecond?: number;
  /** Close every known stream's open shard and open a child this often (AWS rolls shards about every 4 hours); off when unset. */
  shardRollIntervalMs?: number;
  /** How long a shard iterator stays usable after it is returned; AWS: 15 minutes. */
  iteratorMaxAgeMs?: number;
};

export type StreamsEndpoint = {
  handle: (operation: string, headers: Record<string, string>, raw: Buffer) => Promise<WireResponse>;
  rollStreamShards: (scope: UpstreamScope, tableName: string) => Promise<ShardRoll | null>;
  streamReads: () => StreamReads;
  stop: () => void;
};

type Handler = (input: unknown, context: StreamOperationContext) => Promise<unknown>;

const OPERATIONS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ["DescribeStream", describeStream],
  ["GetShardIterator", getShardIterator],
  ["GetRecords", getRecords],
]);

const ok = (body: unknown): WireResponse => ({ status: 200, headers: { "content-type": "application/x-amz-json-1.0" }, body: JSON.stringify(body) });

/**
 * DynamoDB Streams through the metering proxy: ListStreams passes through to DynamoDB Local; DescribeStream,
 * GetShardIterator and GetRecords are answered over virtual shards (stream-shards.ts) with AWS's per-shard read limit
 * and iterator expiry, which DynamoDB Local has neither of.
 */
export function createStreamsEndpoint(upstream: URL, options: StreamsOptions, now: () => number, log: (line: string) => void): StreamsEndpoint {
  const registry = new StreamRegistry(upstream, now);
  const limit = new ShardReadLimit(options.getRecordsPerShardPerSecond ?? 5, now);
  const iteratorMaxAgeMs = options.iteratorMaxAgeMs ?? ITERATOR_MAX_AGE_MS;

  async function handle(operation: string, headers: Record<string, string>, raw: Buffer): Promise<WireResponse> {
    // As for DynamoDB: no usable SigV4 credential scope, no answer; the scope picks DynamoDB Local's database.
    const auth = parseCredentialScope(headers.authorization);
    if (!auth.ok) {
      const refusal = authErrorResponse(auth.problem, "awsJson");
      return { status: refusal.status, headers: { "content-type": "application/x-amz-json-1.0", ...refusal.headers }, body: JSON.stringify(refusal.body) };
    }
    const scope = { accessKeyId: auth.scope.accessKeyId, region: auth.scope.region };
    try {
      if (operation === "ListStreams") return await sendUpstream(upstream, headers, raw);
      const handler = OPERATIONS.get(operation);
      if (!handler) throw unknownOperationError(`DynamoDB Streams has no operation ${operation || "(none)"}.`);
      return ok(await handler(parseJsonBody(raw), { scope, upstream, registry, limit, iteratorMaxAgeMs, now }));
    } catch (error) {
      if (error instanceof AwsServiceError) return streamsErrorResponse(error);
      if (error instanceof UpstreamRefusal) return error.response;
      throw error;
    }
  }

  const timer =
    options.shardRollIntervalMs === undefined
      ? null
      : setInterval(() => {
          void registry.rollAll().then((results) => {
            for (const result of results) {
              if (result.status === "rejected") log(`rolling a stream's shard failed: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`);
              else if (result.value) log(`stream shard ${result.value.closed.shardId} closed at ${result.value.closed.endingSequenceNumber}; ${result.value.opened.shardId} opened`);
            }
          });
        }, options.shardRollIntervalMs);
  timer?.unref();

  return {
    handle,
    rollStreamShards: (scope, tableName) => registry.rollTable(scope, tableName),
    streamReads: () => limit.snapshot(),
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
