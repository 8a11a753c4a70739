import { z } from "zod";
import { unsignedAuthorization } from "../aws/shared/sigv4-scope";
import type { WireResponse } from "./throttle-response";
import { sendUpstream } from "./upstream";

/**
 * DynamoDB Local's own DynamoDB Streams API, on the same port as DynamoDB (X-Amz-Target `DynamoDBStreams_20120810.*`).
 * The proxy's calls carry an unsigned credential scope: DynamoDB Local picks the database by access key and region only.
 */
export type UpstreamScope = { accessKeyId: string; region: string };

export const STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";

export function callStreams(upstream: URL, scope: UpstreamScope, operation: string, input: object): Promise<WireResponse> {
  const headers = {
    "content-type": "application/x-amz-json-1.0",
    "x-amz-target": `${STREAMS_TARGET_PREFIX}${operation}`,
    authorization: unsignedAuthorization(scope.accessKeyId, scope.region, "dynamodb"),
  };
  return sendUpstream(upstream, headers, Buffer.from(JSON.stringify(input), "utf8"));
}

/** An upstream answer that is not a 200 is handed to the reader as it is: DynamoDB Local's errors are the service's. */
export class UpstreamRefusal extends Error {
  constructor(readonly response: WireResponse) {
    super(`DynamoDB Local answered HTTP ${response.status}: ${response.body.slice(0, 300)}`);
    this.name = "UpstreamRefusal";
  }
}

/** Calls DynamoDB Local and parses a 200 answer with `schema`; any other answer throws an UpstreamRefusal. */
export async function callStreamsParsed<T>(upstream: URL, scope: UpstreamScope, operation: string, input: object, schema: z.ZodType<T>): Promise<T> {
  const answer = await callStreams(upstream, scope, operation, input);
  if (answer.status !== 200) throw new UpstreamRefusal(answer);
  return schema.parse(JSON.parse(answer.body));
}

export const upstreamShardSchema = z.looseObject({
  ShardId: z.string(),
  SequenceNumberRange: z.looseObject({ StartingSequenceNumber: z.string(), EndingSequenceNumber: z.string().optional() }),
});

export const describeStreamSchema = z.looseObject({
  StreamDescription: z.looseObject({ StreamArn: z.string(), Shards: z.array(upstreamShardSchema).default([]) }),
});

/** A stream record: passed on untouched, apart from reading its sequence number. */
export const streamRecordSchema = z.looseObject({ dynamodb: z.looseObject({ SequenceNumber: z.string().regex(/^\d+$/) }) });

export const getRecordsSchema = z.looseObject({ Records: z.array(streamRecordSchema).default([]), NextShardIterator: z.string().nullish() });

export const shardIteratorSchema = z.looseObject({ ShardIterator: z.string() });
