import "server-only";
import type { Access } from "@/lib/server/auth/access";
import { checkRead } from "./item-access";
import { QueryCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { env } from "@/lib/env";
import type { CountResult } from "@/lib/items/items-api";
import type { Scope } from "@/lib/scope/scope";
import { dynamodb } from "@/lib/server/aws/clients";
import type { ItemParams } from "./item-request";
import { partitionQuery } from "./query-items";


/**
 * An exact count of a partition (with its sort-key condition and filter) by Select COUNT, paged to the end.
 * COUNT returns no items but is charged like reading them, so it stops at COUNT_MAX_RCU and says it is partial.
 */
export async function countItems(scope: Scope, tableName: string, params: ItemParams, access: Access, signal?: AbortSignal): Promise<CountResult> {
  const { input, target } = await partitionQuery(scope, tableName, params);
  // A count with a filter answers "how many have this value": the same oracle a filtered page would be.
  checkRead(access, target, params);
  const maxRcu = env().countMaxRcu;
  let count = 0;
  let scannedCount = 0;
  let consumedCapacity = 0;
  let requests = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    signal?.throwIfAborted();
    const page = await dynamodb(scope).send(new QueryCommand({ ...input, Select: "COUNT", ExclusiveStartKey: startKey }), { abortSignal: signal });
    requests++;
    count += page.Count ?? 0;
    scannedCount += page.ScannedCount ?? 0;
    consumedCapacity += page.ConsumedCapacity?.CapacityUnits ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey && consumedCapacity < maxRcu);
  return { count, scannedCount, consumedCapacity, requests, complete: !startKey };
}
