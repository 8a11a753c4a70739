import type { StoredType } from "@/lib/dynamo/wire-value";
import type { EntityIndexShape } from "./entity-config";
import { itemEstimate, itemShare, NO_CLUSTERS, type ScaleContext } from "./entity-estimate";
import type { EntityResultInput, ShapeGroup } from "./entity-result";
import type { IndexMapEntry, IndexTypeEntry, KeyAttributeSummary, PatternCount } from "./entity-types";
import { typeCounts } from "./group-stats";
import type { KeyRole } from "./key-pattern";

/**
 * The index map: for each GSI and LSI, the entity types in it (an item is in an index only when it has the index's
 * key attributes, so indexes are sparse by design), how sparse it is, and each type's key patterns there: an
 * overloaded GSI1PK shows STATUS#{value} for orders and CATEGORY#{value} for products. Index membership is not
 * tracked per partition, so its interval is the binomial one (items treated as independent). Client-safe, pure.
 */
export function buildIndexMap(input: EntityResultInput, groups: readonly ShapeGroup[], context: ScaleContext): IndexMapEntry[] {
  return input.table.indexes.map((index) => indexEntry(input, groups, context, index));
}

type Patterns = Map<string, { items: number; skeleton: string }>;

function indexEntry(input: EntityResultInput, groups: readonly ShapeGroup[], context: ScaleContext, index: EntityIndexShape): IndexMapEntry {
  const attributes: Array<[string, KeyRole]> = [[index.partitionKey, "partition"]];
  if (index.sortKey !== null) attributes.push([index.sortKey, "sort"]);
  const overall = new Map<string, Patterns>(attributes.map(([attribute]) => [attribute, new Map()]));
  const keyTypes = new Map<string, Map<StoredType, number>>();
  const types: IndexTypeEntry[] = [];
  const partitionSkeletons = new Set<string>();
  let total = 0;
  let unpatternedItems = 0;
  for (const group of groups) {
    let items = 0;
    const perType = new Map<string, Patterns>(attributes.map(([attribute]) => [attribute, new Map()]));
    for (const { entry } of group.shapes) {
      const tally = entry.stats.indexes.get(index.name);
      if (!tally) continue;
      items += tally.items;
      for (const [attribute, role] of attributes) {
        for (const [signature, count] of tally.keys.get(attribute) ?? []) {
          const resolved = input.book.resolve(attribute, role, signature);
          for (const patterns of [perType.get(attribute), overall.get(attribute)]) if (patterns) addPattern(patterns, resolved.text, resolved.skeleton, count);
        }
        const types = entry.stats.keyTypes.get(attribute);
        if (!types) continue;
        const counted = keyTypes.get(attribute) ?? new Map<StoredType, number>();
        for (const [type, count] of types) counted.set(type, (counted.get(type) ?? 0) + count);
        keyTypes.set(attribute, counted);
      }
    }
    total += items;
    if (items === 0) continue;
    if (group.naming === null) {
      unpatternedItems += items;
      continue;
    }
    const typeItems = group.shapes.reduce((sum, shape) => sum + shape.entry.stats.items, 0);
    const partitionPatterns = perType.get(index.partitionKey);
    const top = partitionPatterns ? ranked(partitionPatterns, items, 1)[0] : undefined;
    if (top) partitionSkeletons.add(partitionPatterns?.get(top.text)?.skeleton ?? top.text);
    types.push({
      typeId: group.id,
      items: itemEstimate(items, context, NO_CLUSTERS),
      shareOfType: typeItems > 0 ? items / typeItems : 0,
      keyPatterns: attributes.map(([attribute]) => ({ attribute, patterns: ranked(perType.get(attribute) ?? new Map(), items, input.caps.patternsPerKey) })),
    });
  }
  types.sort((a, b) => b.items.value - a.items.value || (a.typeId < b.typeId ? -1 : 1));
  const summary = (attribute: string): KeyAttributeSummary => ({
    attribute,
    delimiter: input.book.delimiterOf(attribute) ?? null,
    types: typeCounts(keyTypes.get(attribute)),
    patterns: ranked(overall.get(attribute) ?? new Map(), total, input.caps.patternsPerKey),
  });
  return {
    name: index.name,
    kind: index.kind,
    partitionKey: summary(index.partitionKey),
    sortKey: index.sortKey === null ? null : summary(index.sortKey),
    items: itemEstimate(total, context, NO_CLUSTERS),
    share: itemShare(total, context, NO_CLUSTERS),
    sparse: total < input.itemsRead,
    types,
    unpatternedItems,
    overloaded: types.length > 1 && partitionSkeletons.size > 1,
  };
}

function addPattern(patterns: Patterns, text: string, skeleton: string, count: number): void {
  const seen = patterns.get(text);
  if (seen) seen.items += count;
  else patterns.set(text, { items: count, skeleton });
}

function ranked(patterns: Patterns, total: number, cap: number): PatternCount[] {
  return [...patterns]
    .sort((a, b) => b[1].items - a[1].items || (a[0] < b[0] ? -1 : 1))
    .slice(0, cap)
    .map(([text, { items }]) => ({ text, items, share: total > 0 ? items / total : 0 }));
}
