import type { StoredType } from "@/lib/dynamo/wire-value";
import { byteEstimate, byteShare, type ClusterSums, itemEstimate, itemShare, type ScaleContext } from "./entity-estimate";
import type { AttributeStat, ItemGroupStats, KeyPatternSummary, PatternCount, TypeCount } from "./entity-types";
import type { ResolvedKey } from "./key-pattern";
import { SIZE_RELATIVE_ERROR, type ShapeStats } from "./shape-stats";

/** Turns merged shape figures into a group's reported stats. Client-safe, pure. */

export type GroupFigures = {
  stats: ShapeStats;
  partitionPatterns: Map<string, { items: number; key: ResolvedKey }>;
  sortPatterns: Map<string, { items: number; key: ResolvedKey }> | null;
  itemSums: ClusterSums;
  byteSums: ClusterSums;
};

export function groupStats(figures: GroupFigures, context: ScaleContext, caps: { attributesPerType: number; patternsPerKey: number }, nearLimitBytes: number): ItemGroupStats {
  const { stats } = figures;
  const items = itemEstimate(stats.items, context, figures.itemSums);
  const bytes = byteEstimate(stats.bytes, stats.items, context, figures.byteSums, items.high);
  const attributes = attributeStats(stats, caps.attributesPerType);
  return {
    read: { items: stats.items, bytes: stats.bytes },
    items,
    bytes,
    itemShare: itemShare(stats.items, context, figures.itemSums),
    byteShare: byteShare(bytes, stats.bytes, context),
    size: {
      mean: stats.items > 0 ? stats.bytes / stats.items : null,
      p50: stats.sketch.quantile(0.5),
      p99: stats.sketch.quantile(0.99),
      max: stats.sketch.max,
      relativeError: SIZE_RELATIVE_ERROR,
      nearLimit: stats.nearLimit,
      nearLimitBytes,
    },
    partitionKey: patternSummary(figures.partitionPatterns, stats.items, caps.patternsPerKey) ?? { pattern: "", patterns: [], skeleton: "", label: null },
    sortKey: figures.sortPatterns === null ? null : patternSummary(figures.sortPatterns, stats.items, caps.patternsPerKey),
    attributes: attributes.list,
    attributesTruncated: attributes.truncated,
    exampleKeys: stats.examples,
  };
}

export function patternSummary(patterns: ReadonlyMap<string, { items: number; key: ResolvedKey }>, total: number, cap: number): KeyPatternSummary | null {
  const ranked = [...patterns].sort((a, b) => b[1].items - a[1].items || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0];
  if (top === undefined) return null;
  return {
    pattern: top[0],
    patterns: ranked.slice(0, cap).map(([text, { items }]): PatternCount => ({ text, items, share: total > 0 ? items / total : 0 })),
    skeleton: top[1].key.skeleton,
    label: top[1].key.label,
  };
}

export function typeCounts(types: ReadonlyMap<StoredType, number> | undefined): TypeCount[] {
  return [...(types ?? [])].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
}

function attributeStats(stats: ShapeStats, cap: number): { list: AttributeStat[]; truncated: boolean } {
  const all = [...stats.attributes].map(([name, tally]): AttributeStat => {
    const types = typeCounts(tally.types);
    return { name, items: tally.count, presence: stats.items > 0 ? tally.count / stats.items : 0, types, drift: types.length > 1 };
  });
  all.sort((a, b) => b.items - a.items || (a.name < b.name ? -1 : 1));
  return { list: all.slice(0, cap), truncated: stats.attributesTruncated || all.length > cap };
}
