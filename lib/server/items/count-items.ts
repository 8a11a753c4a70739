import "server-only";
import { QueryCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { env } from "@/lib/env";
import type { CountResult } from "@/lib/items/items-api";
import { dynamodb } from "@/lib/server/aws/clients";
import type { ItemParams } from "./item-request";
import { partitionQuery } from "./query-items";


/**
 * An exact count of a partition (with its sort-key condition and filter) by Select COUNT, paged to the end.
 * COUNT returns no items but is charged like reading them, so it stops at COUNT_MAX_RCU and says it is partial.
 */
export async function countItems(tableName: string, params: ItemParams, signal?: AbortSignal): Promise<CountResult> {
  const { input } = await partitionQuery(tableName, params);
  const maxRcu = env().countMaxRcu;
  let count = 0;
  let scannedCount = 0;
  let consumedCapacity = 0;
  let requests = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    signal?.throwIfAborted();
    const page = await dynamodb().send(new QueryCommand({ ...input, Select: "COUNT", ExclusiveStartKey: startKey }), { abortSignal: signal });
    requests++;
    count += page.Count ?? 0;
    scannedCount += page.ScannedCount ?? 0;
    consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && consumedCapacity < maxRcu);
  return { count, scannedCount, consumedCapacity, requests, complete: !startKey };
}
