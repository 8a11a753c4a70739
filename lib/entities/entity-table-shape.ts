import type { TableDetail } from "@/lib/tables/table-detail";
import type { EntityIndexShape, EntityTableShape } from "./entity-config";

const PROJECTIONS = ["ALL", "KEYS_ONLY", "INCLUDE"] as const;

/** What the entity accumulator needs from a table's description: its keys and indexes. Client-safe, pure. */
export function entityTableShape(table: TableDetail): EntityTableShape {
  const indexes = [...table.gsis, ...table.lsis].map(
    (index): EntityIndexShape => ({
      name: index.name,
      kind: index.kind,
      partitionKey: index.keys.partitionKey.name,
      sortKey: index.keys.sortKey?.name ?? null,
      // An unknown projection type is taken as ALL, the largest copy, so an LSI's share of the 10 GB is never understated.
      projection: { type: PROJECTIONS.find((type) => type === index.projection.type) ?? "ALL", nonKeyAttributes: index.projection.nonKeyAttributes },
    }),
  );
  return {
    keys: { partitionKey: table.keys.partitionKey.name, sortKey: table.keys.sortKey?.name ?? null },
    indexes,
    // Only tables with an LSI limit an item collection to 10 GB.
    hasLsi: table.lsis.length > 0,
  };
}
