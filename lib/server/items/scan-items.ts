import "server-only";
import { ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { env } from "@/lib/env";
import { filterExpressionFor } from "@/lib/dynamo/filter-expression";
import { fromWireItem } from "@/lib/dynamo/wire-value";
import { dynamodb } from "@/lib/server/aws/clients";
import { decodeCursor, encodeCursor } from "./cursor-codec";
import { attributeFilter, readScope, type ItemParams } from "./item-request";
import type { ItemsPage } from "@/lib/items/items-api";
import { readPages } from "./read-pages";
import { readTarget } from "./read-target";

/** The Scan input for a table or index with an optional filter. Shared by the scan page and the export. */
export async function tableScan(tableName: string, params: ItemParams) {
  const target = await readTarget(tableName, params.index);
  const filter = attributeFilter(params);
  const filterExpression = filter ? filterExpressionFor(filter) : undefined;
  const input = {
    TableName: tableName,
    IndexName: target.index.name ?? undefined,
    FilterExpression: filterExpression?.FilterExpression,
    ExpressionAttributeNames: filterExpression?.ExpressionAttributeNames,
    ExpressionAttributeValues: filterExpression && Object.keys(filterExpression.ExpressionAttributeValues).length > 0 ? fromWireItem(filterExpression.ExpressionAttributeValues) : undefined,
    ReturnConsumedCapacity: "TOTAL" as const,
  };
  return { target, input, filtered: Boolean(filter), scope: readScope("scan", tableName, params) };
}

/** One page of a Scan, in storage order: each partition's items arrive together, which the UI shows as groups. */
export async function scanItems(tableName: string, params: ItemParams): Promise<ItemsPage> {
  const { target, input, filtered, scope } = await tableScan(tableName, params);
  const startKey = params.cursor ? fromWireItem(decodeCursor(params.cursor, scope, target.index.cursorAttributes)) : undefined;
  const outcome = await readPages({
    limit: params.limit,
    scanBudget: env().readScanBudget,
    filtered,
    cursorAttributes: target.index.cursorAttributes,
    startKey,
    fetchPage: (ExclusiveStartKey: Record<string, AttributeValue> | undefined, Limit: number) =>
      dynamodb().send(new ScanCommand({ ...input, ExclusiveStartKey, Limit })),
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
