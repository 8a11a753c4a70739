import type { EntityCandidates } from "./entity-candidates";
import type { EntityCaps } from "./entity-types";
import type { KeyPatternBook, KeySignature } from "./key-pattern";
import { ShapeStats } from "./shape-stats";

/**
 * The shapes items fall into, at most caps.shapes of them plus one "other" shape that takes every item once the
 * table is full (reported as unpatterned, with shapesTruncated set). Client-safe, pure.
 */

export type ShapeEntry = {
  id: number;
  partition: KeySignature;
  sort: KeySignature | null;
  /** Entity attribute candidates' values, [name, value]. */
  entity: Array<[string, string]>;
  stats: ShapeStats;
  /** The overflow shape: its items' keys were not told apart. */
  other: boolean;
};

export const OTHER_SHAPE_ID = 0;

export class ShapeTable {
  private readonly byKey = new Map<string, ShapeEntry>();
  private readonly byId = new Map<number, ShapeEntry>();
  private readonly other: ShapeEntry;
  private nextId = OTHER_SHAPE_ID + 1;
  truncated = false;

  constructor(
    private readonly caps: EntityCaps,
    private readonly book: KeyPatternBook,
    private readonly candidates: EntityCandidates,
    private readonly keys: { partitionKey: string; sortKey: string | null },
  ) {
    this.other = { id: OTHER_SHAPE_ID, partition: '["?"]', sort: null, entity: [], stats: this.newStats(), other: true };
    this.byId.set(OTHER_SHAPE_ID, this.other);
  }

  shapeFor(partition: KeySignature, sort: KeySignature | null, entity: Array<[string, string]>): ShapeEntry {
    const key = shapeKey(partition, sort, entity);
    const found = this.byKey.get(key);
    if (found) return found;
    if (this.byKey.size >= this.caps.shapes) {
      this.truncated = true;
      return this.other;
    }
    const entry: ShapeEntry = { id: this.nextId++, partition, sort, entity, stats: this.newStats(), other: false };
    this.byKey.set(key, entry);
    this.byId.set(entry.id, entry);
    return entry;
  }

  /** Whether a shape not yet held would go to the overflow shape. */
  refuses(partition: KeySignature, sort: KeySignature | null, entity: Array<[string, string]>): boolean {
    return this.byKey.size >= this.caps.shapes && !this.byKey.has(shapeKey(partition, sort, entity));
  }

  get(id: number): ShapeEntry | undefined {
    return this.byId.get(id);
  }

  /** Re-expresses every shape with the current decisions and folds equal ones; returns old id → surviving id. */
  rekey(): Map<number, number> {
    const remap = new Map<number, number>();
    const entries = [...this.byKey.values()];
    this.byKey.clear();
    const canonical = (attribute: string, signature: KeySignature) => this.book.canonical(attribute, signature);
    for (const entry of entries) {
      entry.partition = canonical(this.keys.partitionKey, entry.partition);
      if (entry.sort !== null && this.keys.sortKey !== null) entry.sort = canonical(this.keys.sortKey, entry.sort);
      entry.entity = this.candidates.canonical(entry.entity);
      entry.stats.rekeyIndexSignatures(canonical);
      const key = shapeKey(entry.partition, entry.sort, entry.entity);
      const survivor = this.byKey.get(key);
      if (survivor) {
        survivor.stats.merge(entry.stats);
        this.byId.delete(entry.id);
        remap.set(entry.id, survivor.id);
      } else this.byKey.set(key, entry);
    }
    this.other.stats.rekeyIndexSignatures(canonical);
    return remap;
  }

  /** Every shape with items, the overflow shape last. */
  entries(): ShapeEntry[] {
    const list = [...this.byKey.values()];
    if (this.other.stats.items > 0) list.push(this.other);
    return list;
  }

  footprint(): { shapes: number; attributeNames: number; indexSignatures: number } {
    let attributeNames = 0;
    let indexSignatures = 0;
    for (const entry of this.byId.values()) {
      attributeNames += entry.stats.attributes.size;
      for (const tally of entry.stats.indexes.values()) for (const signatures of tally.keys.values()) indexSignatures += signatures.size;
    }
    return { shapes: this.byKey.size, attributeNames, indexSignatures };
  }

  private newStats(): ShapeStats {
    return new ShapeStats({ attributes: this.caps.attributesPerType, examples: this.caps.examplesPerType, indexSignatures: this.caps.patternsPerKey });
  }
}

function shapeKey(partition: KeySignature, sort: KeySignature | null, entity: ReadonlyArray<readonly [string, string]>): string {
  return JSON.stringify([partition, sort, entity]);
}
