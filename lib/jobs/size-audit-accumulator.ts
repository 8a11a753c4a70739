import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { LsiProjection, TableKeyNames } from "@/lib/dynamo/item-size";
import { attributeSize, presentAttributes } from "@/lib/dynamo/value-size";
import { toWire, type WireItem } from "@/lib/dynamo/wire-value";
import { ITEM_COLLECTION_LIMIT_BYTES, ItemCollectionTracker } from "./item-collections";
import type { AuditedItem, BiggestAttribute, DominantAttributeItem, SizeAuditResult, StopReason } from "./job-types";
import { QuantileSketch } from "./quantile-sketch";
import { SizeHistogram } from "./size-histogram";
import { HIGH_ITEM_BYTES, sizeFindings } from "./size-findings";
import { TopN } from "./top-n";

export const LARGEST_ITEMS = 20;
export const LISTED_ITEMS_CAP = 100;
/** AWS's inspection guidance: one attribute holding 40% or more of an item's bytes. */
export const DOMINANT_SHARE = 0.4;
/** Below 1 KB the key alone is often 40% of an item, which says nothing useful about its design. */
export const DOMINANT_MIN_ITEM_BYTES = 1024;
const PERCENTILE_ERROR = 0.01;
/** Distinct attribute names counted for "most often dominant"; beyond it new names are not tracked. */
const MAX_TRACKED_NAMES = 256;

export type AuditTable = {
  keys: TableKeyNames;
  /** The table's LSIs, with their names; empty when it has none. */
  lsis: Array<LsiProjection & { name: string }>;
  itemCount: number | null;
  sizeBytes: number | null;
};

export type AuditScanSummary = { itemsRead: number; rcuUsed: number; pagesRead: number; maxPageRcu: number; stopReason: StopReason };

/**
 * Everything a size audit learns, in memory bounded whatever the table size: a histogram, a quantile sketch, fixed-size
 * heaps and capped lists, and one open item collection per segment. Pure: the Scan that feeds it lives in lib/server.
 */
export class SizeAuditAccumulator {
  private readonly histogram = new SizeHistogram();
  private readonly sketch = new QuantileSketch(PERCENTILE_ERROR);
  private readonly largest = new TopN<AuditedItem>(LARGEST_ITEMS);
  private readonly overThreshold = new TopN<AuditedItem>(LISTED_ITEMS_CAP);
  private readonly dominant = new TopN<DominantAttributeItem>(LISTED_ITEMS_CAP);
  private readonly dominantNames = new Map<string, number>();
  private readonly collections: ItemCollectionTracker | null;
  private count = 0;
  private totalBytes = 0;
  private overThresholdCount = 0;
  private highCount = 0;
  private dominantCount = 0;

  constructor(
    private readonly table: AuditTable,
    private readonly options: { mode: "sample" | "full"; thresholdBytes: number },
  ) {
    this.collections = table.lsis.length > 0 ? new ItemCollectionTracker(table.keys, table.lsis) : null;
  }

  add(item: Record<string, AttributeValue>, segment: number): void {
    // One pass gives both the item's size (itemSize is exactly this sum of name + value bytes) and its biggest attribute.
    let bytes = 0;
    let biggest: { name: string; bytes: number } | null = null;
    for (const [name, value] of presentAttributes(item)) {
      const size = attributeSize(name, value);
      bytes += size;
      if (biggest === null || size > biggest.bytes) biggest = { name, bytes: size };
    }
    this.count++;
    this.totalBytes += bytes;
    this.histogram.add(bytes);
    this.sketch.add(bytes);
    if (bytes >= HIGH_ITEM_BYTES) this.highCount++;
    const audited = (): AuditedItem => ({ key: this.keyOf(item), bytes, biggestAttribute: biggest && shareOf(biggest, bytes) });
    this.largest.offer(bytes, audited);
    if (bytes >= this.options.thresholdBytes) {
      this.overThresholdCount++;
      this.overThreshold.offer(bytes, audited);
    }
    if (biggest && bytes >= DOMINANT_MIN_ITEM_BYTES && biggest.bytes / bytes >= DOMINANT_SHARE) {
      this.dominantCount++;
      const name = biggest.name;
      if (this.dominantNames.has(name) || this.dominantNames.size < MAX_TRACKED_NAMES) this.dominantNames.set(name, (this.dominantNames.get(name) ?? 0) + 1);
      const attributeBytes = biggest.bytes;
      this.dominant.offer(bytes, () => ({ key: this.keyOf(item), bytes, attribute: name, attributeBytes, share: attributeBytes / bytes }));
    }
    this.collections?.add(item, segment);
  }

  endSegment(segment: number): void {
    this.collections?.endSegment(segment);
  }

  result(scan: AuditScanSummary): SizeAuditResult {
    const complete = this.options.mode === "full" && scan.stopReason === "end";
    const meanBytes = this.count > 0 ? this.totalBytes / this.count : null;
    const stats: SizeAuditResult["stats"] = {
      count: this.count,
      totalBytes: this.totalBytes,
      meanBytes,
      maxBytes: this.count > 0 ? this.sketch.quantile(1) : null,
      p50Bytes: this.sketch.quantile(0.5),
      p90Bytes: this.sketch.quantile(0.9),
      p99Bytes: this.sketch.quantile(0.99),
      percentilesApproximate: true,
      percentileRelativeError: PERCENTILE_ERROR,
    };
    const { itemCount, sizeBytes } = this.table;
    const byAttribute = [...this.dominantNames].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, 10);
    const itemCollections = this.collections
      ? { limitBytes: ITEM_COLLECTION_LIMIT_BYTES, indexes: this.table.lsis.map((lsi) => lsi.name), largest: this.collections.largest(), partial: !complete }
      : null;
    const partial: Omit<SizeAuditResult, "findings"> = {
      mode: this.options.mode,
      itemsRead: scan.itemsRead,
      rcuUsed: scan.rcuUsed,
      pagesRead: scan.pagesRead,
      maxPageRcu: scan.maxPageRcu,
      complete,
      histogram: this.histogram.buckets(),
      stats,
      largest: this.largest.values(),
      overThreshold: { thresholdBytes: this.options.thresholdBytes, count: this.overThresholdCount, items: this.overThreshold.values(), truncated: this.overThresholdCount > LISTED_ITEMS_CAP },
      dominantAttributes: {
        minShare: DOMINANT_SHARE,
        minItemBytes: DOMINANT_MIN_ITEM_BYTES,
        count: this.dominantCount,
        items: this.dominant.values(),
        truncated: this.dominantCount > LISTED_ITEMS_CAP,
        byAttribute,
      },
      tableEstimate: { itemCount, tableSizeBytes: sizeBytes, meanBytes: itemCount && sizeBytes !== null ? sizeBytes / itemCount : null, approximate: true },
      itemCollections,
    };
    return { ...partial, findings: sizeFindings({ result: partial, stopReason: scan.stopReason, highCount: this.highCount }) };
  }

  private keyOf(item: Record<string, AttributeValue>): WireItem {
    const key: WireItem = {};
    for (const name of [this.table.keys.partitionKey, this.table.keys.sortKey]) {
      const value = name === null ? undefined : item[name];
      if (name !== null && value !== undefined) key[name] = toWire(value);
    }
    return key;
  }
}

function shareOf(attribute: { name: string; bytes: number }, total: number): BiggestAttribute {
  return { name: attribute.name, bytes: attribute.bytes, share: total === 0 ? 0 : attribute.bytes / total };
}
