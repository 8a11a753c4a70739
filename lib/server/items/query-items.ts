import "server-only";
import { QueryCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { env } from "@/lib/env";
import { filterExpressionFor } from "@/lib/dynamo/filter-expression";
import { keyConditionFor } from "@/lib/dynamo/key-condition";
import { fromWireItem } from "@/lib/dynamo/wire-value";
import type { ItemsPage } from "@/lib/items/items-api";
import { dynamodb } from "@/lib/server/aws/clients";
import { decodeCursor, encodeCursor } from "./cursor-codec";
import { attributeFilter, partitionValue, readScope, sortCondition, type ItemParams } from "./item-request";
import { readPages } from "./read-pages";
import { readTarget } from "./read-target";


/** The Query input for a partition: key condition, optional filter, order. Shared by the items page, the count and the export. */
export async function partitionQuery(tableName: string, params: ItemParams) {
  const target = await readTarget(tableName, params.index);
  const keyCondition = keyConditionFor(target.index.keys, partitionValue(params, target.index), sortCondition(params, target.index));
  const filter = attributeFilter(params);
  const filterExpression = filter ? filterExpressionFor(filter) : undefined;
  const input = {
    TableName: tableName,
    IndexName: target.index.name ?? undefined,
    KeyConditionExpression: keyCondition.KeyConditionExpression,
    FilterExpression: filterExpression?.FilterExpression,
    ExpressionAttributeNames: { ...keyCondition.ExpressionAttributeNames, ...filterExpression?.ExpressionAttributeNames },
    ExpressionAttributeValues: fromWireItem({ ...keyCondition.ExpressionAttributeValues, ...filterExpression?.ExpressionAttributeValues }),
    ScanIndexForward: params.order !== "desc",
    ReturnConsumedCapacity: "TOTAL" as const,
  };
  return { target, input, filtered: Boolean(filter), scope: readScope("items", tableName, params) };
}

/** One page of a partition, in sort-key order. */
export async function queryItems(tableName: string, params: ItemParams): Promise<ItemsPage> {
  const { target, input, filtered, scope } = await partitionQuery(tableName, params);
  const startKey = params.cursor ? fromWireItem(decodeCursor(params.cursor, scope, target.index.cursorAttributes)) : undefined;
  const outcome = await readPages({
    limit: params.limit,
    scanBudget: env().readScanBudget,
    filtered,
    cursorAttributes: target.index.cursorAttributes,
    startKey,
    fetchPage: (ExclusiveStartKey: Record<string, AttributeValue> | undefined, Limit: number) =>
      dynamodb().send(new QueryCommand({ ...input, ExclusiveStartKey, Limit })),
  });
  return {
    items: outcome.items,
    count: outcome.count,
    scannedCount: outcome.scannedCount,
    nextCursor: outcome.lastEvaluatedKey ? encodeCursor(scope, outcome.lastEvaluatedKey) : null,
    consumedCapacity: outcome.consumedCapacity,
    requests: outcome.requests,
    stoppedAtBudget: outcome.stoppedAtBudget,
  };
}
