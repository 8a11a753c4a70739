import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { lsiEffectiveSize, type LsiProjection, type TableKeyNames } from "@/lib/dynamo/item-size";
import { toWire } from "@/lib/dynamo/wire-value";
import type { ItemCollectionSize } from "./job-types";
import { TopN } from "./top-n";

/** On tables with LSIs, all items with one partition key plus their LSI entries may hold at most 10 GB. */
export const ITEM_COLLECTION_LIMIT_BYTES = 10 * 1024 ** 3;

type OpenCollection = { id: string; key: AttributeValue; bytes: number; items: number };

/**
 * Item-collection sizes from a Scan, in memory bounded by the segment count plus the top N. A Scan returns each
 * partition key's items together (storage order is by partition key hash, then sort key, and a key lives in exactly
 * one segment), so a collection is finished when its segment moves on to another key or ends. Only the largest are
 * kept.
 */
export class ItemCollectionTracker {
  private readonly open = new Map<number, OpenCollection>();
  private readonly top: TopN<ItemCollectionSize>;

  constructor(
    private readonly keys: TableKeyNames,
    private readonly lsis: readonly LsiProjection[],
    capacity = 20,
  ) {
    this.top = new TopN(capacity);
  }

  add(item: Record<string, AttributeValue>, segment: number): void {
    const key = item[this.keys.partitionKey];
    if (key === undefined) return;
    const id = JSON.stringify(toWire(key));
    const current = this.open.get(segment);
    const bytes = lsiEffectiveSize(item, this.lsis, this.keys);
    if (current && current.id === id) {
      current.bytes += bytes;
      current.items++;
      return;
    }
    if (current) this.close(current, false);
    this.open.set(segment, { id, key, bytes, items: 1 });
  }

  /** The segment was read to its end, so its last collection is complete. */
  endSegment(segment: number): void {
    const current = this.open.get(segment);
    if (current) this.close(current, false);
    this.open.delete(segment);
  }

  /** The largest collections, largest first. Collections still open (the read stopped inside them) are partial. */
  largest(): ItemCollectionSize[] {
    const top = new TopN<ItemCollectionSize>(this.top.capacity);
    for (const kept of this.top.values()) top.offer(kept.bytes, kept);
    for (const current of this.open.values()) top.offer(current.bytes, () => this.entry(current, true));
    return top.values();
  }

  private close(collection: OpenCollection, partial: boolean): void {
    this.top.offer(collection.bytes, () => this.entry(collection, partial));
  }

  private entry(collection: OpenCollection, partial: boolean): ItemCollectionSize {
    return {
      partitionKey: toWire(collection.key),
      bytes: collection.bytes,
      items: collection.items,
      fractionOfLimit: collection.bytes / ITEM_COLLECTION_LIMIT_BYTES,
      partial,
    };
  }
}
