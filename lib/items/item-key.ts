import type { WireItem } from "@/lib/dynamo/wire-value";
import type { KeySchema } from "@/lib/tables/table-detail";

/** The item's primary key as DynamoDB JSON, for ?item= and the item route. Null if the item lacks a key attribute. */
export function itemKeyJson(item: WireItem, tableKeys: KeySchema): string | null {
  const names = tableKeys.sortKey ? [tableKeys.partitionKey.name, tableKeys.sortKey.name] : [tableKeys.partitionKey.name];
  const key: WireItem = {};
  for (const name of names) {
    const value = item[name];
    if (!value) return null;
    key[name] = value;
  }
  return JSON.stringify(key);
}

export function itemHref(table: string, keyJson: string): string {
  return `/tables/${encodeURIComponent(table)}/item?key=${encodeURIComponent(keyJson)}`;
}
