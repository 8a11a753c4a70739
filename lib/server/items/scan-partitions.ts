import "server-only";
import type { Access } from "@/lib/server/auth/access";
import { checkRead } from "./item-access";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import { wireItemSize } from "@/lib/dynamo/item-size";
import { fromWireItem, toWireItem } from "@/lib/dynamo/wire-value";
import type { PartitionSummary, PartitionsPage } from "@/lib/items/items-api";
import { indexNameSchema } from "@/lib/tables/table-name";
import { dynamodb } from "@/lib/server/aws/clients";
import { parseInput } from "@/lib/server/http/route-helpers";
import { decodeCursor, encodeCursor } from "./cursor-codec";
import { readTarget } from "./read-target";

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
 * Partition keys found by a bounded Scan, with the items and bytes seen for each. Whole items are read, not just the
 * keys: a Scan is charged for every byte it examines whatever it returns, so projecting would save no capacity, only
 * the bytes we need to size items. The order is storage (hash) order, not popularity.
 */
export async function scanPartitions(tableName: string, params: PartitionParams, access: Access): Promise<PartitionsPage> {
  const target = await readTarget(tableName, params.index);
  // Partition keys are the table's key (never masked) or an index key; an index keyed on a masked attribute is refused.
  checkRead(access, target, {});
  const scope = JSON.stringify(["partitions", tableName, params.index ?? null]);
  let startKey = params.cursor ? fromWireItem(decodeCursor(params.cursor, scope, target.index.cursorAttributes)) : undefined;
  const partitionKey = target.index.keys.partitionKey.name;
  const byKey = new Map<string, PartitionSummary>();
  let scannedItems = 0;
  let consumedCapacity = 0;
  let requests = 0;
  do {
    const page = await dynamodb().send(
      new ScanCommand({
        TableName: tableName,
        IndexName: target.index.name ?? undefined,
        Limit: Math.min(KEY_PAGE, params.limit - scannedItems),
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
  } while (startKey && scannedItems < params.limit);

  return {
    partitions: [...byKey.values()],
    scannedItems,
    nextCursor: startKey ? encodeCursor(scope, toWireItem(startKey)) : null,
    consumedCapacity,
    requests,
  };
}
