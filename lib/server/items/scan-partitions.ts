import "server-only";
import { ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import { wireItemSize } from "@/lib/dynamo/item-size";
import { fromWireItem, toWireItem } from "@/lib/dynamo/wire-value";
import type { PartitionSegments, PartitionSummary, PartitionsPage } from "@/lib/items/items-api";
import { planSpread, type SpreadPlan } from "@/lib/items/spread-scan-plan";
import { scopeKey, type Scope } from "@/lib/scope/scope";
import { indexNameSchema } from "@/lib/tables/table-name";
import type { Access } from "@/lib/server/auth/access";
import { dynamodb } from "@/lib/server/aws/clients";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { parseInput } from "@/lib/server/http/route-helpers";
import { checkRead } from "./item-access";
import { readTarget, type ReadTarget } from "./read-target";
import { decodeSegmentCursor, encodeSegmentCursor, type SegmentCursor, type SegmentPosition } from "./segment-cursor";

export const partitionParamsSchema = z.object({
  index: indexNameSchema.optional(),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(5_000, "must be at most 5000").default(1_000),
  cursor: z.string().max(8_192).optional(),
});
export type PartitionParams = z.infer<typeof partitionParamsSchema>;

export function parsePartitionParams(url: URL): PartitionParams {
  return parseInput(partitionParamsSchema, { index: url.searchParams.get("index") ?? undefined, limit: url.searchParams.get("limit") ?? undefined, cursor: url.searchParams.get("cursor") ?? undefined });
}

const KEY_PAGE = 1_000;
/**
 * Segment requests in flight at once. Enough that 200 small requests take a few round trips on AWS (each is a few ms);
 * DynamoDB Local on 2 cores gains nothing past about 8 (README "Partition list" has both figures).
 */
const SEGMENT_CONCURRENCY = 16;
/**
 * Every viewer who opens the items page asks for the same first 1,000 items' partitions. A listing a few seconds old
 * is as good as a fresh one (it is a storage-order sample, not a live count), and sharing it saves a Scan of up to
 * `limit` items, and its RCU, per viewer.
 */
const PARTITIONS_TTL_MS = 15_000;

type LoadedPartitions = Omit<PartitionsPage, "cache">;
// An entry holds at most 5,000 partition summaries (the largest limit), so a few dozen entries stay small.
const cache = new TtlCache<LoadedPartitions>(64);

/**
 * Partition keys found by a bounded Scan spread over the key space (see lib/items/spread-scan-plan.ts): S parallel
 * Scan segments, each a contiguous hash range, read a few items each, so the page sees the start of about S different
 * partitions instead of the few that one long segment would cross. "Scan more" continues every open segment from its
 * LastEvaluatedKey, all carried in one signed cursor. Whole items are read, not just the keys: a Scan is charged for
 * every byte it examines whatever it returns, so projecting would save no capacity, only the bytes we need to size
 * items. The order is storage (hash) order, not popularity, and the figures are what was seen so far.
 *
 * Viewers of the same table, index, limit and cursor share one Scan for PARTITIONS_TTL_MS, and requests arriving
 * while it runs join it. The cached listing does not depend on who asked: the caller's role is checked on every
 * request before the cache is consulted, and nothing in it is masked per role (partition keys are the table's key,
 * never masked, or the key of an index checkRead let this caller read).
 */
export async function scanPartitions(scope: Scope, tableName: string, params: PartitionParams, access: Access): Promise<PartitionsPage> {
  const target = await readTarget(scope, tableName, params.index);
  checkRead(access, target, {});
  const cursorScope = JSON.stringify(["partitions", scopeKey(scope), tableName, params.index ?? null]);
  // Decoded before the cache, so a tampered cursor is a 400 that never reaches the cache or DynamoDB.
  const from = params.cursor ? decodeSegmentCursor(params.cursor, cursorScope, target.index.cursorAttributes) : null;
  const key = JSON.stringify([scopeKey(scope), tableName, params.index ?? null, params.limit, params.cursor ?? null]);
  const { value, outcome } = await cache.lookup(key, PARTITIONS_TTL_MS, () => loadPartitions({ scope, target, cursorScope }, params.limit, from));
  return { ...value, cache: outcome };
}

/** ItemCount and TableSizeBytes of what is scanned: the table, or the index (an index holds only its own entries). */
function sizeOf(target: ReadTarget): { itemCount: number | null; sizeBytes: number | null } {
  const index = target.index.name ? [...target.table.gsis, ...target.table.lsis].find((candidate) => candidate.name === target.index.name) : undefined;
  return index ? { itemCount: index.itemCount, sizeBytes: index.sizeBytes } : { itemCount: target.table.itemCount, sizeBytes: target.table.sizeBytes };
}

/** What one listing reads: the account and region, the table or index, and what its cursor is bound to. */
type Read = { scope: Scope; target: ReadTarget; cursorScope: string };
type Start = { segment: number; startKey: Record<string, AttributeValue> | undefined };
type SegmentRead = { segment: number; items: Record<string, AttributeValue>[]; lastKey: Record<string, AttributeValue> | undefined; rcu: number; requests: number };

async function loadPartitions(read: Read, limit: number, from: SegmentCursor | null): Promise<LoadedPartitions> {
  const { target } = read;
  const size = sizeOf(target);
  const plan: SpreadPlan = from
    ? planSpread({ budget: limit, ...size, maxSegments: from.open.length, continuing: true })
    : planSpread({ budget: limit, ...size });
  const totalSegments = from ? from.totalSegments : plan.segments;
  // A continuation reads the open segments at the head of its list and moves them to the back, so one whose turn did
  // not come (the budget covered fewer segments than are open) goes first next time.
  const toRead: Start[] = from
    ? from.open.slice(0, plan.segments).map((position) => ({ segment: position.segment, startKey: fromWireItem(position.startKey) }))
    : Array.from({ length: totalSegments }, (_, segment) => ({ segment, startKey: undefined }));
  const waiting: SegmentPosition[] = from ? from.open.slice(plan.segments) : [];

  const reads = await readSegments(read, totalSegments, toRead, plan.perSegment);
  reads.sort((a, b) => a.segment - b.segment);
  const partitions = summarise(reads, target.index.keys.partitionKey.name);
  const stillOpen = reads.flatMap((segment) => (segment.lastKey ? [{ segment: segment.segment, startKey: toWireItem(segment.lastKey) }] : []));
  const next: SegmentCursor = { totalSegments, open: [...waiting, ...stillOpen], dropped: from?.dropped ?? 0 };
  const encoded = encodeSegmentCursor(read.cursorScope, next, target.index.cursorAttributes);
  const open = next.open.length - encoded.dropped;
  const dropped = next.dropped + encoded.dropped;
  const segments: PartitionSegments = {
    total: totalSegments,
    read: toRead.length,
    perSegment: plan.perSegment,
    done: totalSegments - open - dropped,
    open,
    dropped: encoded.dropped,
    plan: from ? "continue" : plan.why,
  };
  return {
    partitions,
    segments,
    scannedItems: reads.reduce((sum, segment) => sum + segment.items.length, 0),
    nextCursor: encoded.cursor,
    consumedCapacity: reads.reduce((sum, segment) => sum + segment.rcu, 0),
    requests: reads.reduce((sum, segment) => sum + segment.requests, 0),
    fetchedAt: Date.now(),
  };
}

/** Items and bytes per partition key, in the order the keys were first seen. */
function summarise(reads: readonly SegmentRead[], partitionKey: string): PartitionSummary[] {
  const byKey = new Map<string, PartitionSummary>();
  for (const segment of reads) {
    for (const raw of segment.items) {
      const item = toWireItem(raw);
      const key = item[partitionKey];
      if (!key) continue;
      const id = JSON.stringify(key);
      const summary = byKey.get(id) ?? { key, items: 0, bytes: 0 };
      summary.items++;
      summary.bytes += wireItemSize(item);
      byKey.set(id, summary);
    }
  }
  return [...byKey.values()];
}

/** Reads the segments SEGMENT_CONCURRENCY at a time; after a failure no new segment starts, and the failure is thrown. */
async function readSegments(read: Read, totalSegments: number, starts: readonly Start[], perSegment: number): Promise<SegmentRead[]> {
  const reads: SegmentRead[] = [];
  let next = 0;
  // An object, so the check after the workers is not narrowed away by the assignment inside them.
  const ending: { failure: { error: unknown } | null } = { failure: null };
  const worker = async () => {
    while (!ending.failure && next < starts.length) {
      const start = starts[next++];
      if (!start) break;
      try {
        reads.push(await readSegment(read, totalSegments, start, perSegment));
      } catch (error) {
        ending.failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEGMENT_CONCURRENCY, starts.length) }, worker));
  if (ending.failure) throw ending.failure.error;
  return reads;
}

/** Up to `perSegment` items of one segment from its start key, in pages of at most KEY_PAGE (and 1 MB, DynamoDB's cap). */
async function readSegment({ scope, target }: Read, totalSegments: number, start: Start, perSegment: number): Promise<SegmentRead> {
  const read: SegmentRead = { segment: start.segment, items: [], lastKey: start.startKey, rcu: 0, requests: 0 };
  do {
    const page = await dynamodb(scope).send(
      new ScanCommand({
        TableName: target.table.name,
        IndexName: target.index.name ?? undefined,
        // One segment is a plain Scan, exactly as before spreading.
        ...(totalSegments > 1 ? { Segment: start.segment, TotalSegments: totalSegments } : {}),
        Limit: Math.min(KEY_PAGE, perSegment - read.items.length),
        ExclusiveStartKey: read.lastKey,
        ReturnConsumedCapacity: "TOTAL",
      }),
    );
    read.requests++;
    read.rcu += page.ConsumedCapacity?.CapacityUnits ?? 0;
    read.items.push(...(page.Items ?? []));
    read.lastKey = page.LastEvaluatedKey;
  } while (read.lastKey && read.items.length < perSegment);
  return read;
}
