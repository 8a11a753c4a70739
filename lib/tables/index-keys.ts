import type { KeySchema, TableDetail } from "./table-detail";

export type ResolvedIndex = {
  /** null for the base table. */
  name: string | null;
  kind: "table" | "GSI" | "LSI";
  keys: KeySchema;
  /** The attributes a LastEvaluatedKey holds when reading this table or index (the index keys plus the table keys). */
  cursorAttributes: string[];
  tableKeys: KeySchema;
};

export class UnknownIndexError extends Error {
  override name = "UnknownIndexError";
}

function names(keys: KeySchema): string[] {
  return keys.sortKey ? [keys.partitionKey.name, keys.sortKey.name] : [keys.partitionKey.name];
}

/** The keys of the base table or one of its indexes, as Query, Scan and their cursors see them. */
export function resolveIndex(detail: TableDetail, index: string | null | undefined): ResolvedIndex {
  const tableKeys = detail.keys;
  if (!index) return { name: null, kind: "table", keys: tableKeys, cursorAttributes: names(tableKeys), tableKeys };
  const found = [...detail.gsis, ...detail.lsis].find((candidate) => candidate.name === index);
  if (!found) throw new UnknownIndexError(`Table ${detail.name} has no index named "${index}".`);
  return {
    name: found.name,
    kind: found.kind,
    keys: found.keys,
    cursorAttributes: [...new Set([...names(found.keys), ...names(tableKeys)])],
    tableKeys,
  };
}
