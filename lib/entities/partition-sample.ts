import { DEFAULT_HLL_PRECISION, hash64, HyperLogLog } from "@/lib/jobs/hyperloglog";
import { SpaceSaving, type SpaceSavingCounter } from "@/lib/jobs/space-saving";

/**
 * Item collections (all items of one partition key) measured in bounded memory, without relying on the order items
 * arrive in. Client-safe, pure.
 *
 * - A distinct sample (Gibbons 2001): the partition keys whose hash, as a fraction of 2^32, is below a threshold that
 *   halves whenever more than `capacity` keys are held. A sampled key has been counted since its first item, so the
 *   sample is a uniform random set of partitions with exact per-partition items, bytes and item counts per shape.
 *   While the threshold is 1 it holds every partition and everything it says is exact.
 * - Two weighted Space-Saving summaries (items, bytes) for the largest collections, with their overestimate.
 * - A HyperLogLog for the distinct partition count once the sample stops holding them all.
 */

/** Items and item bytes of one shape in one partition. */
export type ShapeTally = { items: number; bytes: number };
export type SampledPartition = { items: number; bytes: number; shapes: Map<number, ShapeTally>; u: number };

const UNIT = 2 ** 32;

export class PartitionSample {
  private readonly sampled = new Map<string, SampledPartition>();
  private threshold = 1;
  private readonly distinct = new HyperLogLog(DEFAULT_HLL_PRECISION);
  private readonly byItems: SpaceSaving;
  private readonly byBytes: SpaceSaving;
  /** A partition holding more shapes than this counts the rest under the first one (it still counts its items). */
  readonly maxShapesPerPartition = 16;

  constructor(
    readonly capacity: number,
    counters: number,
  ) {
    this.byItems = new SpaceSaving(counters);
    this.byBytes = new SpaceSaving(counters);
  }

  /** The chance that any one partition is in the sample: 1 while every partition is. */
  get samplingRate(): number {
    return this.threshold;
  }

  /** One item of partition `id`: `bytes` count toward its collection (with LSI copies), `itemBytes` toward its shape. */
  add(id: string, bytes: number, shapeId: number, itemBytes = bytes): void {
    const [high, low] = hash64(id);
    this.distinct.addHash(high, low);
    this.byItems.offer(id, 1, bytes);
    this.byBytes.offer(id, bytes, 1);
    const u = high / UNIT;
    if (u >= this.threshold) return;
    let partition = this.sampled.get(id);
    if (!partition) {
      partition = { items: 0, bytes: 0, shapes: new Map(), u };
      this.sampled.set(id, partition);
    }
    partition.items++;
    partition.bytes += bytes;
    countShape(partition, shapeId, { items: 1, bytes: itemBytes }, this.maxShapesPerPartition);
    while (this.sampled.size > this.capacity) {
      this.threshold /= 2;
      for (const [key, kept] of this.sampled) if (kept.u >= this.threshold) this.sampled.delete(key);
    }
  }

  /** Shapes were folded together: re-labels the shape ids held by sampled partitions. */
  remapShapes(remap: (shapeId: number) => number): void {
    for (const partition of this.sampled.values()) {
      const old = [...partition.shapes];
      partition.shapes.clear();
      for (const [shapeId, tally] of old) countShape(partition, remap(shapeId), tally, this.maxShapesPerPartition);
    }
  }

  partitions(): IterableIterator<[string, SampledPartition]> {
    return this.sampled.entries();
  }

  /** Exact while every partition is sampled, else the HyperLogLog's estimate (never below the sample's size). */
  distinctPartitions(): { value: number; exact: boolean; relativeError: number } {
    if (this.threshold === 1) return { value: this.sampled.size, exact: true, relativeError: 0 };
    return { value: Math.max(this.sampled.size, Math.round(this.distinct.estimate())), exact: false, relativeError: this.distinct.relativeError };
  }

  /**
   * The largest collections by items or bytes. Exact from the sample while it holds every partition. Beyond, the
   * Space-Saving counters surely heavier than any untracked key (count − error above the summary's floor) come first,
   * with their overestimate; the sample's largest, counted exactly, fill the rest (a table of many small collections
   * has no heavy hitters, and its counters' counts would be mostly inherited error).
   */
  largest(measure: "items" | "bytes", n: number): Array<{ id: string; items: number; bytes: number; maxOverestimate: number }> {
    const fromSample = [...this.sampled]
      .sort((a, b) => b[1][measure] - a[1][measure] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map(([id, partition]) => ({ id, items: partition.items, bytes: partition.bytes, maxOverestimate: 0 }));
    if (this.threshold === 1) return fromSample;
    const summary = measure === "items" ? this.byItems : this.byBytes;
    const heavy = summary
      .top(n)
      .filter((counter: SpaceSavingCounter) => counter.count - counter.error > summary.floor)
      .map((counter) =>
        measure === "items"
          ? { id: counter.id, items: counter.count, bytes: counter.companion, maxOverestimate: counter.error }
          : { id: counter.id, items: counter.companion, bytes: counter.count, maxOverestimate: counter.error },
      );
    const seen = new Set(heavy.map((entry) => entry.id));
    return [...heavy, ...fromSample.filter((entry) => !seen.has(entry.id))].slice(0, n);
  }

  footprint(): { sampledPartitions: number; shapeEntries: number; counters: number; hllBytes: number } {
    let shapeEntries = 0;
    for (const partition of this.sampled.values()) shapeEntries += partition.shapes.size;
    return { sampledPartitions: this.sampled.size, shapeEntries, counters: this.byItems.size + this.byBytes.size, hllBytes: this.distinct.sizeBytes };
  }
}

function countShape(partition: SampledPartition, shapeId: number, add: ShapeTally, cap: number): void {
  const seen = partition.shapes.get(shapeId);
  if (seen !== undefined) {
    seen.items += add.items;
    seen.bytes += add.bytes;
  } else if (partition.shapes.size < cap) partition.shapes.set(shapeId, { ...add });
  else {
    const first = partition.shapes.values().next();
    if (!first.done) {
      first.value.items += add.items;
      first.value.bytes += add.bytes;
    }
  }
}
