import type { LsiProjection } from "@/lib/dynamo/item-size";
import type { TableDetail } from "./table-detail";

/** The table's LSIs in the form the size rules need: each index's sort key and what it projects. */
export function lsiProjections(detail: TableDetail): LsiProjection[] {
  return detail.lsis.flatMap((index) => {
    const sortKey = index.keys.sortKey?.name;
    const type = index.projection.type;
    if (!sortKey || (type !== "ALL" && type !== "KEYS_ONLY" && type !== "INCLUDE")) return [];
    return [{ sortKey, projection: { type, nonKeyAttributes: index.projection.nonKeyAttributes } }];
  });
}
