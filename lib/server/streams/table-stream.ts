import "server-only";
import { DescribeStreamCommand, type StreamDescription } from "@aws-sdk/client-dynamodb-streams";
import { z } from "zod";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { dynamodbStreams } from "@/lib/server/aws/clients";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { describeTable } from "@/lib/server/tables/describe-table";
import type { StreamInfo } from "@/lib/streams/stream-types";
import { streamReadError } from "./stream-errors";

/** As long as a table description is cached: a page polling the tail every second asks DescribeStream every 10 s at most. */
const STREAM_TTL_MS = 10_000;
const cache = new TtlCache<StreamInfo | null>(1_000);

const viewTypeSchema = z.enum(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"]);

type Described = { description: StreamDescription | undefined; open: number; closed: number };

/** DescribeStream paged by ExclusiveStartShardId to the end, counting open and closed shards. */
async function describeStream(scope: Scope, streamArn: string): Promise<Described> {
  let description: StreamDescription | undefined;
  let open = 0;
  let closed = 0;
  let exclusiveStart: string | undefined;
  do {
    const out = await dynamodbStreams(scope).send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStart }));
    description ??= out.StreamDescription;
    for (const shard of out.StreamDescription?.Shards ?? []) {
      if (shard.SequenceNumberRange?.EndingSequenceNumber === undefined) open++;
      else closed++;
    }
    const next = out.StreamDescription?.LastEvaluatedShardId;
    exclusiveStart = next && next !== exclusiveStart ? next : undefined;
  } while (exclusiveStart);
  return { description, open, closed };
}

/**
 * The table's latest stream, or null when it has none. A stream turned off stays readable for 24 hours, so it is
 * still answered then (status DISABLED); once DynamoDB no longer knows it (ResourceNotFoundException), it is none.
 * Hidden and missing tables are a 404, as everywhere (describeTable).
 */
export async function streamOfTable(scope: Scope, table: string): Promise<StreamInfo | null> {
  const detail = await describeTable(scope, table);
  const arn = detail.stream.arn;
  if (!arn) return null;
  return cache.get(JSON.stringify([scopeKey(scope), arn]), STREAM_TTL_MS, async () => {
    try {
      const { description, open, closed } = await describeStream(scope, arn);
      const viewType = viewTypeSchema.safeParse(description?.StreamViewType ?? detail.stream.viewType);
      return {
        arn,
        label: description?.StreamLabel ?? detail.stream.label ?? "",
        // Without a view type there is nothing to say what a record carries; KEYS_ONLY promises the least.
        viewType: viewType.success ? viewType.data : "KEYS_ONLY",
        status: description?.StreamStatus ?? (detail.stream.enabled ? "ENABLED" : "DISABLED"),
        shards: { open, closed },
      };
    } catch (error) {
      if (error instanceof Error && error.name === "ResourceNotFoundException") return null;
      throw streamReadError(error, arn);
    }
  });
}
