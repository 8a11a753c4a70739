import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import type { StoredType, WireItem } from "@/lib/dynamo/wire-value";
import { toWire } from "@/lib/dynamo/wire-value";
import type { KeySignature } from "./key-pattern";
import { QuantileSketch } from "@/lib/jobs/quantile-sketch";

/**
 * Running figures for one shape: the items that share an entity attribute value and key signatures. Every figure is
 * bounded (capped attribute names, examples and index key signatures; a size sketch) and mergeable, because shapes
 * fold together when a key position turns out to be a variable. Client-safe, pure.
 */

export const SIZE_RELATIVE_ERROR = 0.01;

export type ShapeCaps = { attributes: number; examples: number; indexSignatures: number };

/** What one item contributes, worked out once in the accumulator. */
export type ItemFacts = {
  bytes: number;
  attributes: ReadonlyArray<readonly [string, StoredType]>;
  /** The table key attributes only, for examples. */
  key: Record<string, AttributeValue>;
};

export type AttributeTally = { count: number; types: Map<StoredType, number> };
export type IndexTally = { items: number; keys: Map<string, Map<KeySignature, number>>; untrackedKeys: number };

export class ShapeStats {
  items = 0;
  bytes = 0;
  nearLimit = 0;
  readonly sketch = new QuantileSketch(SIZE_RELATIVE_ERROR);
  readonly attributes = new Map<string, AttributeTally>();
  /** An attribute name was seen that the cap kept out, so presence lists are incomplete. */
  attributesTruncated = false;
  readonly examples: WireItem[] = [];
  readonly indexes = new Map<string, IndexTally>();
  /** Items counted per DynamoDB type of each table key attribute. */
  readonly keyTypes = new Map<string, Map<StoredType, number>>();

  constructor(private readonly caps: ShapeCaps) {}

  /** The name's tally, made on first sight; null (and the list marked truncated) once the cap keeps new names out. */
  private attributeTally(name: string): AttributeTally | null {
    const existing = this.attributes.get(name);
    if (existing) return existing;
    if (this.attributes.size >= this.caps.attributes) {
      this.attributesTruncated = true;
      return null;
    }
    const tally: AttributeTally = { count: 0, types: new Map() };
    this.attributes.set(name, tally);
    return tally;
  }

  add(facts: ItemFacts, nearLimitBytes: number): void {
    this.items++;
    this.bytes += facts.bytes;
    this.sketch.add(facts.bytes);
    if (facts.bytes >= nearLimitBytes) this.nearLimit++;
    for (const [name, type] of facts.attributes) {
      const tally = this.attributeTally(name);
      if (!tally) continue;
      tally.count++;
      tally.types.set(type, (tally.types.get(type) ?? 0) + 1);
    }
    if (this.examples.length < this.caps.examples) {
      const key: WireItem = {};
      for (const [name, value] of Object.entries(facts.key)) key[name] = toWire(value);
      this.examples.push(key);
    }
  }

  /** Counts the item in an index; the signatures are its index key values' (null for an attribute not yet decided). */
  addIndex(index: string, signatures: ReadonlyArray<readonly [string, KeySignature | null]>): void {
    const tally = this.indexTally(index);
    tally.items++;
    for (const [attribute, signature] of signatures) if (signature !== null) this.addSignature(tally, attribute, signature, 1);
  }

  /** A signature decided after the item was counted in the index (its attribute's delimiter came later). */
  addLateSignature(index: string, attribute: string, signature: KeySignature): void {
    this.addSignature(this.indexTally(index), attribute, signature, 1);
  }

  /** Re-expresses index key signatures (words of an overflowed position become variables), merging equal ones. */
  rekeyIndexSignatures(canonical: (attribute: string, signature: KeySignature) => KeySignature): void {
    for (const tally of this.indexes.values()) {
      const old = [...tally.keys];
      tally.keys.clear();
      for (const [attribute, signatures] of old) {
        for (const [signature, count] of signatures) this.addSignature(tally, attribute, canonical(attribute, signature), count);
      }
    }
  }

  merge(other: ShapeStats): void {
    this.items += other.items;
    this.bytes += other.bytes;
    this.nearLimit += other.nearLimit;
    this.sketch.merge(other.sketch);
    this.attributesTruncated ||= other.attributesTruncated;
    for (const [name, theirs] of other.attributes) {
      const tally = this.attributeTally(name);
      if (!tally) continue;
      tally.count += theirs.count;
      for (const [type, count] of theirs.types) tally.types.set(type, (tally.types.get(type) ?? 0) + count);
    }
    for (const example of other.examples) if (this.examples.length < this.caps.examples) this.examples.push(example);
    for (const [index, theirs] of other.indexes) {
      const tally = this.indexTally(index);
      tally.items += theirs.items;
      tally.untrackedKeys += theirs.untrackedKeys;
      for (const [attribute, signatures] of theirs.keys) for (const [signature, count] of signatures) this.addSignature(tally, attribute, signature, count);
    }
    for (const [attribute, types] of other.keyTypes) for (const [type, count] of types) this.countKeyType(attribute, type, count);
  }

  countKeyType(attribute: string, type: StoredType, count = 1): void {
    let types = this.keyTypes.get(attribute);
    if (!types) {
      types = new Map();
      this.keyTypes.set(attribute, types);
    }
    types.set(type, (types.get(type) ?? 0) + count);
  }

  private indexTally(index: string): IndexTally {
    let tally = this.indexes.get(index);
    if (!tally) {
      tally = { items: 0, keys: new Map(), untrackedKeys: 0 };
      this.indexes.set(index, tally);
    }
    return tally;
  }

  private addSignature(tally: IndexTally, attribute: string, signature: KeySignature, count: number): void {
    let signatures = tally.keys.get(attribute);
    if (!signatures) {
      signatures = new Map();
      tally.keys.set(attribute, signatures);
    }
    const seen = signatures.get(signature);
    if (seen !== undefined) signatures.set(signature, seen + count);
    else if (signatures.size < this.caps.indexSignatures) signatures.set(signature, count);
    else tally.untrackedKeys += count;
  }
}
