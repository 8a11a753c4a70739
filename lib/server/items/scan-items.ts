import "server-only";
import type { Access } from "@/lib/server/auth/access";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { filterExpressionFor } from "@/lib/dynamo/filter-expression";
import { fromWireItem } from "@/lib/dynamo/wire-value";
import type { Scope } from "@/lib/scope/scope";
import { dynamodb } from "@/lib/server/aws/clients";
import { attributeFilter, readScope, type ItemParams } from "./item-request";
import type { ItemsPage } from "@/lib/items/items-api";
import { readItemsPage } from "./read-items-page";
import { readTarget } from "./read-target";

/** The Scan input for a table or index with an optional filter. Shared by the scan page and the export. */
export async function tableScan(scope: Scope, tableName: string, params: ItemParams) {
  const target = await readTarget(scope, tableName, params.index);
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
  return { target, input, filtered: Boolean(filter), cursorScope: readScope("scan", scope, tableName, params) };
}

/** One page of a Scan, in storage order: each partition's items arrive together, which the UI shows as groups. */
export async function scanItems(scope: Scope, tableName: string, params: ItemParams, access: Access): Promise<ItemsPage> {
  const { target, input, filtered, cursorScope } = await tableScan(scope, tableName, params);
  return readItemsPage({
    target,
    cursorScope,
    params,
    filtered,
    access,
    fetchPage: (ExclusiveStartKey, Limit) => dynamodb(scope).send(new ScanCommand({ ...input, ExclusiveStartKey, Limit })),
  });
}
