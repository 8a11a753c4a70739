import "server-only";
import type { Access } from "@/lib/server/auth/access";
import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { filterExpressionFor } from "@/lib/dynamo/filter-expression";
import { keyConditionFor } from "@/lib/dynamo/key-condition";
import { fromWireItem } from "@/lib/dynamo/wire-value";
import type { ItemsPage } from "@/lib/items/items-api";
import type { Scope } from "@/lib/scope/scope";
import { dynamodb } from "@/lib/server/aws/clients";
import { attributeFilter, partitionValue, readScope, sortCondition, type ItemParams } from "./item-request";
import { readItemsPage } from "./read-items-page";
import { readTarget } from "./read-target";


/** The Query input for a partition: key condition, optional filter, order. Shared by the items page, the count and the export. */
export async function partitionQuery(scope: Scope, tableName: string, params: ItemParams) {
  const target = await readTarget(scope, tableName, params.index);
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
  return { target, input, filtered: Boolean(filter), cursorScope: readScope("items", scope, tableName, params) };
}

/** One page of a partition, in sort-key order. */
export async function queryItems(scope: Scope, tableName: string, params: ItemParams, access: Access): Promise<ItemsPage> {
  const { target, input, filtered, cursorScope } = await partitionQuery(scope, tableName, params);
  return readItemsPage({
    target,
    cursorScope,
    params,
    filtered,
    access,
    fetchPage: (ExclusiveStartKey, Limit) => dynamodb(scope).send(new QueryCommand({ ...input, ExclusiveStartKey, Limit })),
  });
}
