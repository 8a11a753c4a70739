import type { StoredType } from "@/lib/dynamo/wire-value";
import type { EntityCandidates } from "./entity-candidates";
import { type EntityTableShape, MIN_ENTITY_ATTRIBUTE_PRESENCE } from "./entity-config";
import { buildCollections } from "./entity-collections";
import { type ClusterSums, estimateMethod, type ScaleContext } from "./entity-estimate";
import { buildIndexMap } from "./entity-index-map";
import { entityName, typeId, type TypeNaming } from "./entity-naming";
import type { EntityAttributeChoice, EntityCaps, EntityModel, EntityType, KeyAttributeSummary } from "./entity-types";
import { groupStats, typeCounts } from "./group-stats";
import type { KeyPatternBook, KeyRole, ResolvedKey } from "./key-pattern";
import type { PartitionSample } from "./partition-sample";
import { ShapeStats } from "./shape-stats";
import type { ShapeEntry } from "./shape-table";

/** Settles names, types and patterns from the accumulator's counters. Client-safe, pure; reads, never changes, its input. */

export type EntityResultInput = {
  table: EntityTableShape;
  caps: EntityCaps;
  nearLimitBytes: number;
  configuredEntityAttribute: string | null;
  book: KeyPatternBook;
  candidates: EntityCandidates;
  shapes: ShapeEntry[];
  shapesTruncated: boolean;
  sample: PartitionSample;
  itemsRead: number;
  bytesRead: number;
  complete: boolean;
  tableItemCount: number | null;
};

/** The shapes of one entity type (or of the unpatterned items), with their resolved keys. */
export type ShapeGroup = {
  identity: string | null;
  naming: TypeNaming | null;
  entityValue: string | null;
  shapes: Array<{ entry: ShapeEntry; partition: ResolvedKey; sort: ResolvedKey | null }>;
  id: string;
};

export const NO_PATTERN_REASON = "no key pattern: keys look like unique ids without a shared prefix";

export function buildEntityModel(input: EntityResultInput): EntityModel {
  const { table, caps } = input;
  const entityAttribute = chooseEntityAttribute(input);
  const groups = groupShapes(input, entityAttribute?.name ?? null);
  const groupOfShape = new Map<number, number>();
  groups.forEach((group, index) => {
    for (const { entry } of group.shapes) groupOfShape.set(entry.id, index);
  });
  const context: ScaleContext = {
    complete: input.complete,
    itemsRead: input.itemsRead,
    bytesRead: input.bytesRead,
    tableItemCount: input.tableItemCount,
    partitionsRead: input.sample.distinctPartitions().value,
  };
  const sums = clusterSums(input.sample, groupOfShape, groups.length);
  const stats = groups.map((group, index) => {
    const merged = new ShapeStats({ attributes: caps.attributesPerType, examples: caps.examplesPerType, indexSignatures: caps.patternsPerKey });
    const partitionPatterns = new Map<string, { items: number; key: ResolvedKey }>();
    const sortPatterns = table.keys.sortKey === null ? null : new Map<string, { items: number; key: ResolvedKey }>();
    for (const { entry, partition, sort } of group.shapes) {
      merged.merge(entry.stats);
      countPattern(partitionPatterns, partition, entry.stats.items);
      if (sortPatterns && sort) countPattern(sortPatterns, sort, entry.stats.items);
    }
    const figures = { stats: merged, partitionPatterns, sortPatterns, itemSums: sums.items[index] ?? emptySums(), byteSums: sums.bytes[index] ?? emptySums() };
    return groupStats(figures, context, caps, input.nearLimitBytes);
  });
  const types: EntityType[] = [];
  let unpatterned: EntityModel["unpatterned"] = null;
  groups.forEach((group, index) => {
    const figures = stats[index];
    if (!figures) return;
    if (group.naming === null) unpatterned = figures;
    else types.push({ ...figures, id: group.id, name: group.naming.name, source: group.naming.source, entityValue: group.entityValue });
  });
  types.sort((a, b) => b.read.items - a.read.items || (a.id < b.id ? -1 : 1));
  const found = types.length > 0;
  return {
    found,
    reason: found ? null : input.itemsRead === 0 ? "no items read" : NO_PATTERN_REASON,
    itemsRead: input.itemsRead,
    bytesRead: input.bytesRead,
    complete: input.complete,
    estimate: estimateMethod(context),
    partitionKey: keySummary(input, table.keys.partitionKey, "partition"),
    sortKey: table.keys.sortKey === null ? null : keySummary(input, table.keys.sortKey, "sort"),
    entityAttribute,
    types,
    unpatterned,
    collections: buildCollections(input, groups, groupOfShape, context),
    indexes: buildIndexMap(input, groups, context),
    caps,
    shapesTruncated: input.shapesTruncated,
  };
}

/** The configured attribute when it names few values; else the most present candidate, if on half the items. */
function chooseEntityAttribute(input: EntityResultInput): EntityAttributeChoice | null {
  let best: EntityAttributeChoice | null = null;
  for (const name of input.candidates.names) {
    const tally = input.candidates.tally(name);
    if (!tally || tally.values === null || tally.strings === 0 || input.itemsRead === 0) continue;
    const configured = name === input.configuredEntityAttribute;
    const choice = { name, configured, presence: tally.strings / input.itemsRead, values: tally.values.size };
    if (configured) return choice;
    if (choice.presence >= MIN_ENTITY_ATTRIBUTE_PRESENCE && (best === null || choice.presence > best.presence)) best = choice;
  }
  return best;
}

function groupShapes(input: EntityResultInput, entityAttribute: string | null): ShapeGroup[] {
  const { book, table } = input;
  const byIdentity = new Map<string, ShapeGroup>();
  const unpatterned: ShapeGroup = { identity: null, naming: null, entityValue: null, shapes: [], id: "" };
  for (const entry of input.shapes) {
    const partition = book.resolve(table.keys.partitionKey, "partition", entry.partition);
    const sort = entry.sort === null || table.keys.sortKey === null ? null : book.resolve(table.keys.sortKey, "sort", entry.sort);
    const entityValue = entityAttribute === null ? null : (entry.entity.find(([name]) => name === entityAttribute)?.[1] ?? null);
    const shape = { entry, partition, sort };
    const naming = entry.other ? null : entityName(entityValue, partition, sort);
    if (naming === null) {
      unpatterned.shapes.push(shape);
      continue;
    }
    // The entity attribute, when there is one, says what an item is; the keys only say where it lives.
    const identity = entityValue !== null ? `attribute\u0000${entityValue}` : `keys\u0000${partition.skeleton}\u0000${sort?.skeleton ?? ""}`;
    const group = byIdentity.get(identity) ?? { identity, naming, entityValue, shapes: [], id: "" };
    group.shapes.push(shape);
    byIdentity.set(identity, group);
  }
  const taken = new Set<string>();
  const groups = [...byIdentity.values()];
  for (const group of groups) {
    // Named after the group's most common shape, so the name matches the pattern shown first.
    const top = [...group.shapes].sort((a, b) => b.entry.stats.items - a.entry.stats.items)[0];
    if (top) group.naming = entityName(group.entityValue, top.partition, top.sort) ?? group.naming;
  }
  groups.sort((a, b) => total(b) - total(a) || ((a.naming?.name ?? "") < (b.naming?.name ?? "") ? -1 : 1));
  for (const group of groups) group.id = typeId(group.naming?.name ?? "type", taken);
  if (unpatterned.shapes.length > 0) groups.push(unpatterned);
  return groups;
}

function total(group: ShapeGroup): number {
  return group.shapes.reduce((sum, shape) => sum + shape.entry.stats.items, 0);
}

function countPattern(patterns: Map<string, { items: number; key: ResolvedKey }>, key: ResolvedKey, items: number): void {
  const seen = patterns.get(key.text);
  if (seen) seen.items += items;
  else patterns.set(key.text, { items, key });
}

function emptySums(): ClusterSums {
  return { k: 0, sumY2: 0, sumYM: 0, sumM2: 0 };
}

/** Per group, Σy², Σy·m over the sampled partitions (y: the group's items or bytes there), with the shared k and Σm². */
function clusterSums(sample: PartitionSample, groupOfShape: ReadonlyMap<number, number>, groups: number): { items: ClusterSums[]; bytes: ClusterSums[] } {
  const items = Array.from({ length: groups }, emptySums);
  const bytes = Array.from({ length: groups }, emptySums);
  let k = 0;
  let sumM2 = 0;
  for (const [, partition] of sample.partitions()) {
    const m = partition.items;
    k++;
    sumM2 += m * m;
    const perGroup = new Map<number, { items: number; bytes: number }>();
    for (const [shapeId, tally] of partition.shapes) {
      const group = groupOfShape.get(shapeId);
      if (group === undefined) continue;
      const sum = perGroup.get(group) ?? { items: 0, bytes: 0 };
      sum.items += tally.items;
      sum.bytes += tally.bytes;
      perGroup.set(group, sum);
    }
    for (const [group, sum] of perGroup) {
      const itemSums = items[group];
      const byteSums = bytes[group];
      if (!itemSums || !byteSums) continue;
      itemSums.sumY2 += sum.items * sum.items;
      itemSums.sumYM += sum.items * m;
      byteSums.sumY2 += sum.bytes * sum.bytes;
      byteSums.sumYM += sum.bytes * m;
    }
  }
  for (const sums of [...items, ...bytes]) {
    sums.k = k;
    sums.sumM2 = sumM2;
  }
  return { items, bytes };
}

function keySummary(input: EntityResultInput, attribute: string, role: KeyRole): KeyAttributeSummary {
  const types = new Map<StoredType, number>();
  const patterns = new Map<string, number>();
  for (const entry of input.shapes) {
    for (const [type, count] of entry.stats.keyTypes.get(attribute) ?? []) types.set(type, (types.get(type) ?? 0) + count);
    const signature = role === "partition" ? entry.partition : entry.sort;
    if (signature === null || entry.other) continue;
    const text = input.book.resolve(attribute, role, signature).text;
    patterns.set(text, (patterns.get(text) ?? 0) + entry.stats.items);
  }
  return {
    attribute,
    delimiter: input.book.delimiterOf(attribute) ?? null,
    types: typeCounts(types),
    patterns: [...patterns]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, input.caps.patternsPerKey)
      .map(([text, items]) => ({ text, items, share: input.itemsRead > 0 ? items / input.itemsRead : 0 })),
  };
}
