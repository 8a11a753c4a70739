import { z } from "zod";
import { tableNameOf } from "./operations";
import type { WireItem } from "./request-keys";

const item = z.record(z.string(), z.record(z.string(), z.unknown()));
const tableName = z.string().transform((value) => tableNameOf(value) ?? value);
const single = z.object({ TableName: tableName, Item: item.optional(), Key: item.optional() });
const batchWrite = z.object({
  RequestItems: z.record(z.string(), z.array(z.object({ PutRequest: z.object({ Item: item }).optional(), DeleteRequest: z.object({ Key: item }).optional() }))),
});
const transactWrite = z.object({
  TransactItems: z.array(
    z.object({
      Put: z.object({ TableName: tableName, Item: item }).optional(),
      Update: z.object({ TableName: tableName, Key: item }).optional(),
      Delete: z.object({ TableName: tableName, Key: item }).optional(),
    }),
  ),
});

export type KeySchema = { partitionKey: string; sortKey: string | null };

function keyOf(source: WireItem, schema: KeySchema): WireItem | null {
  const pk = source[schema.partitionKey];
  if (pk === undefined) return null;
  if (schema.sortKey === null) return { [schema.partitionKey]: pk };
  const sk = source[schema.sortKey];
  return sk === undefined ? null : { [schema.partitionKey]: pk, [schema.sortKey]: sk };
}

/** The items (as their full key or item) a write request addresses in `table`; ConditionCheck writes nothing. */
function addressed(operation: string, request: unknown, table: string): WireItem[] {
  switch (operation) {
    case "PutItem":
    case "UpdateItem":
    case "DeleteItem": {
      const parsed = single.safeParse(request);
      if (!parsed.success || parsed.data.TableName !== table) return [];
      const target = operation === "PutItem" ? parsed.data.Item : parsed.data.Key;
      return target ? [target] : [];
    }
    case "BatchWriteItem": {
      const parsed = batchWrite.safeParse(request);
      if (!parsed.success) return [];
      return Object.entries(parsed.data.RequestItems)
        .filter(([name]) => (tableNameOf(name) ?? name) === table)
        .flatMap(([, writes]) =>
          writes.flatMap((write): WireItem[] => {
            const target = write.PutRequest?.Item ?? write.DeleteRequest?.Key;
            return target ? [target] : [];
          }),
        );
    }
    case "TransactWriteItems": {
      const parsed = transactWrite.safeParse(request);
      if (!parsed.success) return [];
      return parsed.data.TransactItems.flatMap((entry) => {
        if (entry.Put?.TableName === table) return [entry.Put.Item];
        if (entry.Update?.TableName === table) return [entry.Update.Key];
        if (entry.Delete?.TableName === table) return [entry.Delete.Key];
        return [];
      });
    }
    default:
      return [];
  }
}

/**
 * The primary keys of the items a successful write changed in `table`, once each, in DynamoDB JSON: what a global
 * table's replication must carry to the other regions (it replicates item changes, whatever API made them).
 */
export function writtenKeys(operation: string, request: unknown, table: string, schema: KeySchema): WireItem[] {
  const keys = new Map<string, WireItem>();
  for (const source of addressed(operation, request, table)) {
    const key = keyOf(source, schema);
    if (key) keys.set(JSON.stringify(key), key);
  }
  return [...keys.values()];
}
