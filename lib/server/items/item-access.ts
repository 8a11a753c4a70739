import "server-only";
import { filterNeedsValue } from "@/lib/dynamo/filter-expression";
import type { WireItem } from "@/lib/dynamo/wire-value";
import type { KeySchema } from "@/lib/tables/table-detail";
import { assertMayRead, presentItem, type Access } from "@/lib/server/auth/access";
import type { ItemParams } from "./item-request";
import type { ReadTarget } from "./read-target";

export function keyNames(keys: KeySchema): string[] {
  return keys.sortKey ? [keys.partitionKey.name, keys.sortKey.name] : [keys.partitionKey.name];
}

/** Refuses, before anything is read, a viewer's read that would reveal a masked attribute (see assertMayRead). */
export function checkRead(access: Access, target: ReadTarget, params: Pick<ItemParams, "filterAttr" | "filterOp">): void {
  assertMayRead(access, {
    filterAttribute: params.filterAttr,
    filterHasValue: params.filterOp !== undefined && filterNeedsValue(params.filterOp),
    indexKeys: keyNames(target.index.keys),
    tableKeys: keyNames(target.table.keys),
  });
}

/** Items of this table as the caller may see them: the table's own key attributes always stay visible. */
export function presentTableItems(items: WireItem[], access: Access, target: Pick<ReadTarget, "table">): WireItem[] {
  const keys = keyNames(target.table.keys);
  return items.map((item) => presentItem(item, access, keys));
}
