import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { base64ToBytes } from "@/lib/dynamo/base64";
import type { WireValue } from "@/lib/dynamo/wire-value";
import { ITEM_COLLECTION_LIMIT_BYTES } from "@/lib/jobs/item-collections";
import type { ScaleContext } from "./entity-estimate";
import type { EntityResultInput, ShapeGroup } from "./entity-result";
import type { CollectionEntry, CollectionMember, CollectionPattern, CollectionsSummary, Distribution, Estimate } from "./entity-types";

/**
 * Item collections by partition key pattern: which types share partitions, how big the collections are, and the
 * largest ones (against 10 GB on tables with LSIs, the only tables where that limit applies). Client-safe, pure.
 */

type PatternFigures = {
  texts: Map<string, number>;
  members: Map<number, number>;
  sizes: number[];
  bytes: number[];
  holding: Map<number, number[]>;
};

export function buildCollections(input: EntityResultInput, groups: readonly ShapeGroup[], groupOfShape: ReadonlyMap<number, number>, context: ScaleContext): CollectionsSummary {
  const patterns = new Map<string, PatternFigures>();
  const skeletonOfShape = new Map<number, string>();
  const figuresOf = (skeleton: string): PatternFigures => {
    let figures = patterns.get(skeleton);
    if (!figures) {
      figures = { texts: new Map(), members: new Map(), sizes: [], bytes: [], holding: new Map() };
      patterns.set(skeleton, figures);
    }
    return figures;
  };
  groups.forEach((group, groupIndex) => {
    for (const { entry, partition } of group.shapes) {
      if (entry.other) continue;
      skeletonOfShape.set(entry.id, partition.skeleton);
      const figures = figuresOf(partition.skeleton);
      figures.texts.set(partition.text, (figures.texts.get(partition.text) ?? 0) + entry.stats.items);
      figures.members.set(groupIndex, (figures.members.get(groupIndex) ?? 0) + entry.stats.items);
    }
  });
  for (const [, partition] of input.sample.partitions()) {
    const first = partition.shapes.keys().next();
    const skeleton = first.done ? undefined : skeletonOfShape.get(first.value);
    if (skeleton === undefined) continue;
    const figures = figuresOf(skeleton);
    figures.sizes.push(partition.items);
    figures.bytes.push(partition.bytes);
    const perGroup = new Map<number, number>();
    for (const [shapeId, tally] of partition.shapes) {
      const group = groupOfShape.get(shapeId);
      if (group !== undefined) perGroup.set(group, (perGroup.get(group) ?? 0) + tally.items);
    }
    for (const [group, items] of perGroup) {
      const list = figures.holding.get(group) ?? [];
      list.push(items);
      figures.holding.set(group, list);
    }
  }
  const limitBytes = input.table.hasLsi ? ITEM_COLLECTION_LIMIT_BYTES : null;
  const entry = (top: { id: string; items: number; bytes: number; maxOverestimate: number }): CollectionEntry => ({
    partitionKey: wireOf(top.id),
    pattern: patternOf(input, top.id),
    items: top.items,
    bytes: top.bytes,
    maxOverestimate: top.maxOverestimate,
    fractionOfLimit: limitBytes === null ? null : top.bytes / limitBytes,
  });
  const largestByItems = input.sample.largest("items", input.caps.largestCollections).map(entry);
  const largestByBytes = input.sample.largest("bytes", input.caps.largestCollections).map(entry);
  const rate = input.sample.samplingRate;
  const list: CollectionPattern[] = [...patterns].map(([skeleton, figures]) => {
    const partitionPattern = [...figures.texts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? skeleton;
    const largest = largestByItems.filter((top) => top.pattern === partitionPattern).map((top) => top.items);
    const members = [...figures.members]
      .sort((a, b) => b[1] - a[1])
      .flatMap(([groupIndex, items]): CollectionMember[] => {
        const group = groups[groupIndex];
        if (!group || group.naming === null) return [];
        const holding = figures.holding.get(groupIndex) ?? [];
        return [{ typeId: group.id, items, partitionShare: figures.sizes.length > 0 ? holding.length / figures.sizes.length : null, perPartition: distribution(holding) }];
      });
    const sizes = distribution(figures.sizes);
    return {
      partitionPattern,
      skeleton,
      members,
      partitions: partitionEstimate(figures.sizes.length, rate, context),
      measured: figures.sizes.length,
      itemsPerPartition: sizes === null ? null : { ...sizes, max: Math.max(sizes.max, ...largest) },
      bytesPerPartition: distribution(figures.bytes),
    };
  });
  list.sort((a, b) => (b.partitions.value - a.partitions.value) || (a.partitionPattern < b.partitionPattern ? -1 : 1));
  const distinct = input.sample.distinctPartitions();
  return {
    patterns: list,
    largestByItems,
    largestByBytes,
    limitBytes,
    distinctPartitions: partitionEstimate(distinct.value * rate, rate, context),
    partial: !input.complete,
    sampling: rate === 1 ? "all" : "hash-sample",
  };
}

/** Partitions of the table from those measured: exact after a full scan of every partition; else scaled like items, at least those seen. */
function partitionEstimate(measured: number, rate: number, context: ScaleContext): Estimate {
  const seen = Math.round(measured / rate);
  if (context.complete && rate === 1) return { value: seen, low: seen, high: seen, exact: true };
  const factor = context.complete || context.tableItemCount === null || context.itemsRead === 0 ? 1 : Math.max(context.tableItemCount, context.itemsRead) / context.itemsRead;
  return { value: Math.round(seen * factor), low: Math.round(measured), high: null, exact: false };
}

/** p50, p90 and max of exact per-partition figures (the measured partitions), or null when there are none. */
export function distribution(values: readonly number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0;
  return { p50: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] ?? 0 };
}

/** keyIdOf's id back to a key value: its type letter, then the value (B as base64). */
function attributeValueOf(id: string): AttributeValue {
  const rest = id.slice(1);
  if (id.startsWith("N")) return { N: rest };
  if (id.startsWith("B")) return { B: base64ToBytes(rest) };
  return { S: rest };
}

function wireOf(id: string): WireValue {
  const rest = id.slice(1);
  if (id.startsWith("N")) return { N: rest };
  if (id.startsWith("B")) return { B: rest };
  return { S: rest };
}

function patternOf(input: EntityResultInput, id: string): string | null {
  const attribute = input.table.keys.partitionKey;
  const signature = input.book.peek(attribute, attributeValueOf(id));
  return signature === null ? null : input.book.resolve(attribute, "partition", signature).text;
}
