import "server-only";
import { presentItem, type Access } from "@/lib/server/auth/access";
import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { AppError } from "@/lib/errors/app-error";
import { KeyInputError, parseKeyJson } from "@/lib/dynamo/dynamodb-json";
import { fromWireItem, toWireItem, type WireItem } from "@/lib/dynamo/wire-value";
import type { ItemResponse } from "@/lib/items/items-api";
import type { Scope } from "@/lib/scope/scope";
import { dynamodb } from "@/lib/server/aws/clients";
import { describeTable } from "@/lib/server/tables/describe-table";

/** One item by its primary key, given as DynamoDB JSON ({"PK":{"S":"…"},"SK":{"S":"…"}}). */
export async function getItem(scope: Scope, tableName: string, keyJson: string | null, access: Access): Promise<ItemResponse> {
  const table = await describeTable(scope, tableName);
  const keyAttributes = table.keys.sortKey ? [table.keys.partitionKey.name, table.keys.sortKey.name] : [table.keys.partitionKey.name];
  if (!keyJson) throw new AppError("BAD_REQUEST", `key: give the item's key as DynamoDB JSON with ${keyAttributes.join(" and ")}.`);
  let key: WireItem;
  try {
    key = parseKeyJson(keyJson, keyAttributes);
  } catch (error) {
    if (error instanceof KeyInputError) throw new AppError("BAD_REQUEST", `key: ${error.message}`);
    throw error;
  }
  for (const attribute of [table.keys.partitionKey, table.keys.sortKey]) {
    if (attribute && !(attribute.type in (key[attribute.name] ?? {}))) {
      throw new AppError("BAD_REQUEST", `key: ${attribute.name} must be of type ${attribute.type}.`);
    }
  }
  const result = await dynamodb(scope).send(new GetItemCommand({ TableName: tableName, Key: fromWireItem(key), ReturnConsumedCapacity: "TOTAL" }));
  if (!result.Item) throw new AppError("NOT_FOUND", "No item has this key.");
  return { item: presentItem(toWireItem(result.Item), access, keyAttributes), consumedCapacity: result.ConsumedCapacity?.CapacityUnits ?? 0 };
}
