import { z } from "zod";
import { parseWire } from "../aws/shared/request-body";
import { expiredIteratorError, shardLimitError, streamsNotFoundError, streamsValidationError } from "./stream-errors";
import { decodeIterator, encodeIterator, MAX_ITERATOR_LENGTH } from "./stream-iterators";
import type { ShardReadLimit } from "./stream-read-limit";
import type { StreamRegistry } from "./stream-registry";
import { SEQUENCE_NUMBER, type VirtualShard, type VirtualStream } from "./stream-shards";
import { callStreamsParsed, describeStreamSchema, getRecordsSchema, shardIteratorSchema, type UpstreamScope } from "./stream-upstream";

/**
 * DescribeStream, GetShardIterator and GetRecords as AWS answers them, over the virtual shards (stream-shards.ts):
 * each reads DynamoDB Local's real shard and keeps the reader inside its virtual shard's range.
 */
export type StreamOperationContext = {
  scope: UpstreamScope;
  upstream: URL;
  registry: StreamRegistry;
  limit: ShardReadLimit;
  iteratorMaxAgeMs: number;
  now: () => number;
};

const describeInput = z.object({
  StreamArn: z.string(),
  Limit: z.number().int().optional(),
  ExclusiveStartShardId: z.string().optional(),
  ShardFilter: z.object({ Type: z.string().optional(), ShardId: z.string().optional() }).optional(),
});

const iteratorInput = z.object({ StreamArn: z.string(), ShardId: z.string(), ShardIteratorType: z.string(), SequenceNumber: z.string().optional() });

const recordsInput = z.object({ ShardIterator: z.string(), Limit: z.number().int().optional() });

/** DynamoDB's validation message, which DynamoDB Local's streams API also uses. */
const constraint = (value: unknown, member: string, rule: string) => streamsValidationError(`1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${rule}`);

export async function describeStream(input: unknown, context: StreamOperationContext): Promise<unknown> {
  const request = parseWire(describeInput, input);
  if (request.Limit !== undefined && (request.Limit < 1 || request.Limit > 100)) {
    throw constraint(request.Limit, "limit", request.Limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 100");
  }
  if (request.ShardFilter && request.ShardFilter.Type !== "CHILD_SHARDS") throw constraint(request.ShardFilter.Type, "shardFilter.type", "Member must satisfy enum value set: [CHILD_SHARDS]");
  // DynamoDB Local knows neither the virtual shard ids nor the filter: it is asked for the stream alone.
  const described = await callStreamsParsed(context.upstream, context.scope, "DescribeStream", { StreamArn: request.StreamArn }, describeStreamSchema);
  const stream = await context.registry.ensure(context.scope, request.StreamArn, described);
  const parent = request.ShardFilter?.ShardId;
  const matching = stream.shards().filter((shard) => (parent === undefined || shard.parentShardId === parent) && (request.ExclusiveStartShardId === undefined || shard.shardId > request.ExclusiveStartShardId));
  const page = matching.slice(0, request.Limit ?? 100);
  const last = page[page.length - 1];
  return {
    StreamDescription: {
      // DynamoDB Local's own page marker, if any, names a real shard; the virtual page's marker replaces it.
      ...Object.fromEntries(Object.entries(described.StreamDescription).filter(([member]) => member !== "LastEvaluatedShardId")),
      Shards: page.map((shard) => stream.wire(shard)),
      ...(matching.length > page.length && last ? { LastEvaluatedShardId: last.shardId } : {}),
    },
  };
}

function sequenceNumberIn(stream: VirtualStream, shard: VirtualShard, sequenceNumber: string | undefined, type: string): bigint {
  if (sequenceNumber === undefined) throw streamsValidationError(`SequenceNumber is required for ShardIteratorType ${type}`);
  if (!SEQUENCE_NUMBER.test(sequenceNumber)) throw constraint(sequenceNumber, "sequenceNumber", "Member must have length greater than or equal to 21");
  const value = BigInt(sequenceNumber);
  if (value <= shard.after || (shard.end !== null && value > shard.end)) {
    throw streamsValidationError(`Invalid SequenceNumber ${sequenceNumber} for shard ${shard.shardId}: its range is ${JSON.stringify(stream.range(shard))}`);
  }
  return value;
}

export async function getShardIterator(input: unknown, context: StreamOperationContext): Promise<unknown> {
  const request = parseWire(iteratorInput, input);
  const stream = await context.registry.ensure(context.scope, request.StreamArn);
  const shard = stream.shard(request.ShardId);
  if (!shard) throw streamsNotFoundError(`Requested resource not found: Shard does not exist`);
  let after: bigint;
  switch (request.ShardIteratorType) {
    case "TRIM_HORIZON":
      after = shard.after;
      break;
    case "LATEST": {
      // An open shard's LATEST is just after its last record; a closed shard's is its end, which reads nothing.
      if (shard.end !== null) after = shard.end;
      else {
        const last = await context.registry.lastWritten(context.scope, stream);
        // A roll may have closed the shard during the scan; then its end is its LATEST.
        const end = shard.end ?? last;
        after = end > shard.after ? end : shard.after;
      }
      break;
    }
    case "AT_SEQUENCE_NUMBER":
      after = sequenceNumberIn(stream, shard, request.SequenceNumber, request.ShardIteratorType) - 1n;
      break;
    case "AFTER_SEQUENCE_NUMBER":
      after = sequenceNumberIn(stream, shard, request.SequenceNumber, request.ShardIteratorType);
      break;
    default:
      throw constraint(request.ShardIteratorType, "shardIteratorType", "Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
  }
  return { ShardIterator: encodeIterator({ streamArn: stream.streamArn, shardId: shard.shardId, after, issuedAtMs: context.now() }) };
}

export async function getRecords(input: unknown, context: StreamOperationContext): Promise<unknown> {
  const request = parseWire(recordsInput, input);
  if (request.ShardIterator.length < 1 || request.ShardIterator.length > MAX_ITERATOR_LENGTH) {
    throw constraint(request.ShardIterator.slice(0, 64), "shardIterator", `Member must have length less than or equal to ${MAX_ITERATOR_LENGTH}`);
  }
  if (request.Limit !== undefined && (request.Limit < 1 || request.Limit > 1000)) {
    throw constraint(request.Limit, "limit", request.Limit < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 1000");
  }
  const iterator = decodeIterator(request.ShardIterator);
  const stream = iterator && context.registry.known(context.scope, iterator.streamArn);
  const shard = iterator && stream?.shard(iterator.shardId);
  if (!iterator || !stream || !shard) throw streamsValidationError("Invalid ShardIterator");
  if (!context.limit.admit(shard.shardId)) throw shardLimitError(shard.shardId);
  const nowMs = context.now();
  if (nowMs - iterator.issuedAtMs > context.iteratorMaxAgeMs) throw expiredIteratorError(iterator.issuedAtMs, nowMs, context.iteratorMaxAgeMs);
  if (shard.end !== null && iterator.after >= shard.end) return { Records: [] };

  const position = iterator.after < BigInt(stream.realStart) ? { ShardIteratorType: "TRIM_HORIZON" } : { ShardIteratorType: "AFTER_SEQUENCE_NUMBER", SequenceNumber: stream.format(iterator.after) };
  const real = await callStreamsParsed(context.upstream, context.scope, "GetShardIterator", { StreamArn: stream.streamArn, ShardId: stream.realShardId, ...position }, shardIteratorSchema);
  const page = await callStreamsParsed(context.upstream, context.scope, "GetRecords", { ShardIterator: real.ShardIterator, ...(request.Limit === undefined ? {} : { Limit: request.Limit }) }, getRecordsSchema);
  // Read the shard's end only now: a roll that happened while the page was on its way already clips it.
  const end = shard.end;
  const pageLast = page.Records[page.Records.length - 1];
  if (pageLast) stream.noteSeen(BigInt(pageLast.dynamodb.SequenceNumber));
  const records = end === null ? page.Records : page.Records.filter((record) => BigInt(record.dynamodb.SequenceNumber) <= end);
  const lastRecord = records[records.length - 1];
  const after = lastRecord ? BigInt(lastRecord.dynamodb.SequenceNumber) : iterator.after;
  stream.noteServed(shard, after);
  const finished = end !== null && after >= end;
  return { Records: records, ...(finished ? {} : { NextShardIterator: encodeIterator({ ...iterator, after, issuedAtMs: nowMs }) }) };
}
