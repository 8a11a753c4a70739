import "server-only";
import { ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import { wireItemSize } from "@/lib/dynamo/item-size";
import { fromWireItem, toWireItem } from "@/lib/dynamo/wire-value";
import type { PartitionSummary, PartitionsPage } from "@/lib/items/items-api";
import { indexNameSchema } from "@/lib/tables/table-name";
import type { Access } from "@/lib/server/auth/access";
import { dynamodb } from "@/lib/server/aws/clients";
import { TtlCache } from "@/lib/server/cache/ttl-cache";
import { parseInput } from "@/lib/server/http/route-helpers";
import { decodeCursor, encodeCursor } from "./cursor-codec";
import { checkRead } from "./item-access";
import { readTarget, type ReadTarget } from "./read-target";

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
 * Every viewer who opens the items page asks for the same first 1,000 items' partitions. A listing a few seconds old
 * is as good as a fresh one (it is a storage-order sample, not a live count), and sharing it saves a Scan of up to
 * `limit` items, and its RCU, per viewer.
 */
const PARTITIONS_TTL_MS = 15_000;

type LoadedPartitions = Omit<PartitionsPage, "cache">;
// An entry holds at most 5,000 partition summaries (the largest limit), so a few dozen entries stay small.
const cache = new TtlCache<LoadedPartitions>(64);

/**
 * Partition keys found by a bounded Scan, with the items and bytes seen for each. Whole items are read, not just the
 * keys: a Scan is charged for every byte it examines whatever it returns, so projecting would save no capacity, only
 * the bytes we need to size items. The order is storage (hash) order, not popularity.
 *
 * Viewers of the same table, index, limit and cursor share one Scan for PARTITIONS_TTL_MS, and requests arriving
 * while it runs join it. The cached listing does not depend on who asked: the caller's role is checked on every
 * request before the cache is consulted, and nothing in it is masked per role (partition keys are the table's key,
 * never masked, or the key of an index checkRead let this caller read).
 */
export async function scanPartitions(tableName: string, params: PartitionParams, access: Access): Promise<PartitionsPage> {
  const target = await readTarget(tableName, params.index);
  checkRead(access, target, {});
  const scope = JSON.stringify(["partitions", tableName, params.index ?? null]);
  // Decoded before the cache, so a tampered cursor is a 400 that never reaches the cache or DynamoDB.
  const startKey = params.cursor ? fromWireItem(decodeCursor(params.cursor, scope, target.index.cursorAttributes)) : undefined;
  const key = JSON.stringify([tableName, params.index ?? null, params.limit, params.cursor ?? null]);
  const { value, outcome } = await cache.lookup(key, PARTITIONS_TTL_MS, () => loadPartitions(target, params.limit, scope, startKey));
  return { ...value, cache: outcome };
}

async function loadPartitions(target: ReadTarget, limit: number, scope: string, from: Record<string, AttributeValue> | undefined): Promise<LoadedPartitions> {
  const partitionKey = target.index.keys.partitionKey.name;
  const byKey = new Map<string, PartitionSummary>();
  let startKey = from;
  let scannedItems = 0;
  let consumedCapacity = 0;
  let requests = 0;
  do {
    const page = await dynamodb().send(
      new ScanCommand({
        TableName: target.table.name,
        IndexName: target.index.name ?? undefined,
        Limit: Math.min(KEY_PAGE, limit - scannedItems),
        ExclusiveStartKey: startKey,
        ReturnConsumedCapacity: "TOTAL",
      }),
    );
    requests++;
    consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const raw of page.Items ?? []) {
      scannedItems++;
      const item = toWireItem(raw);
      const key = item[partitionKey];
      if (!key) continue;
      const id = JSON.stringify(key);
      const summary = byKey.get(id) ?? { key, items: 0, bytes: 0 };
      summary.items++;
      summary.bytes += wireItemSize(item);
      byKey.set(id, summary);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && scannedItems < limit);

  return {
    partitions: [...byKey.values()],
    scannedItems,
    nextCursor: startKey ? encodeCursor(scope, toWireItem(startKey)) : null,
    consumedCapacity,
    requests,
    fetchedAt: Date.now(),
  };
}
