import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/** What a global secondary index stores of each item. */
export type GsiShape = {
  partitionKey: string;
  sortKey: string | null;
  tableKeys: { partitionKey: string; sortKey: string | null };
  projection: { type: "ALL" | "KEYS_ONLY" | "INCLUDE"; nonKeyAttributes: string[] };
};

/**
 * A table item as the GSI would hold it, or null when the item is not in the index (GSIs are sparse: an item without
 * the index's key attributes is left out). The entry holds the index keys, the table keys and the projected
 * attributes; ALL is the whole item. Client-safe, pure.
 */
export function projectToIndex(item: Record<string, AttributeValue>, gsi: GsiShape): Record<string, AttributeValue> | null {
  if (!Object.hasOwn(item, gsi.partitionKey)) return null;
  if (gsi.sortKey !== null && !Object.hasOwn(item, gsi.sortKey)) return null;
  if (gsi.projection.type === "ALL") return item;
  const names = new Set([gsi.partitionKey, gsi.tableKeys.partitionKey]);
  if (gsi.sortKey !== null) names.add(gsi.sortKey);
  if (gsi.tableKeys.sortKey !== null) names.add(gsi.tableKeys.sortKey);
  if (gsi.projection.type === "INCLUDE") for (const name of gsi.projection.nonKeyAttributes) names.add(name);
  const entry: Record<string, AttributeValue> = {};
  for (const name of names) {
    const value = Object.hasOwn(item, name) ? item[name] : undefined;
    if (value !== undefined) entry[name] = value;
  }
  return entry;
}
