import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { LATE_DELIMITER_VALUES, type EntityIndexShape } from "./entity-config";
import type { KeyPatternBook, KeySignature } from "./key-pattern";
import { chooseDelimiter } from "./key-segments";
import type { ShapeEntry, ShapeTable } from "./shape-table";

type Pending = { shapeId: number; index: string; value: AttributeValue };

/**
 * Records index key signatures per shape. An index key attribute that no warm-up item had (a very sparse index)
 * has no delimiter yet: its first LATE_DELIMITER_VALUES values wait here, choose the delimiter, and are then counted.
 * Client-safe, pure.
 */
export class IndexKeyRecorder {
  private readonly waiting = new Map<string, Pending[]>();

  constructor(private readonly book: KeyPatternBook) {}

  record(shapes: ShapeTable, shape: ShapeEntry, index: EntityIndexShape, keyValues: ReadonlyMap<string, AttributeValue>): void {
    const signatures: Array<[string, KeySignature | null]> = [];
    for (const attribute of [index.partitionKey, index.sortKey]) {
      if (attribute === null) continue;
      const value = keyValues.get(attribute);
      if (value === undefined) continue;
      if (this.book.delimiterOf(attribute) !== undefined) {
        signatures.push([attribute, this.book.observe(attribute, value)]);
        continue;
      }
      const list = this.waiting.get(attribute) ?? [];
      list.push({ shapeId: shape.id, index: index.name, value });
      this.waiting.set(attribute, list);
      signatures.push([attribute, null]);
    }
    shape.stats.addIndex(index.name, signatures);
    for (const [attribute, list] of this.waiting) if (list.length >= LATE_DELIMITER_VALUES) this.decide(shapes, attribute);
  }

  /** Decides every attribute still waiting (at result time). */
  flush(shapes: ShapeTable): void {
    for (const attribute of [...this.waiting.keys()]) this.decide(shapes, attribute);
  }

  remapShapes(remap: (shapeId: number) => number): void {
    for (const list of this.waiting.values()) for (const pending of list) pending.shapeId = remap(pending.shapeId);
  }

  pending(): number {
    let count = 0;
    for (const list of this.waiting.values()) count += list.length;
    return count;
  }

  private decide(shapes: ShapeTable, attribute: string): void {
    const list = this.waiting.get(attribute) ?? [];
    this.waiting.delete(attribute);
    this.book.setDelimiter(attribute, chooseDelimiter(list.flatMap((pending) => (pending.value.S === undefined ? [] : [pending.value.S]))));
    for (const pending of list) {
      const signature = this.book.observe(attribute, pending.value);
      if (signature !== null) shapes.get(pending.shapeId)?.stats.addLateSignature(pending.index, attribute, signature);
    }
  }
}
