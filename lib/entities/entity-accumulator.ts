import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { itemSize, lsiEffectiveSize } from "@/lib/dynamo/item-size";
import { presentAttributes, valueType } from "@/lib/dynamo/value-size";
import type { StoredType } from "@/lib/dynamo/wire-value";
import { keyIdOf } from "@/lib/jobs/partition-key-id";
import {
  DEFAULT_ENTITY_CAPS,
  DEFAULT_NEAR_LIMIT_BYTES,
  DELIMITER_SAMPLE_VALUES,
  ENTITY_ATTRIBUTE_CANDIDATES,
  type EntityAccumulatorOptions,
  type EntityResultOptions,
  type EntityTableShape,
} from "./entity-config";
import { buildEntityModel } from "./entity-result";
import type { EntityCaps, EntityModel } from "./entity-types";
import { EntityCandidates } from "./entity-candidates";
import { IndexKeyRecorder } from "./index-key-recorder";
import { KeyPatternBook } from "./key-pattern";
import { chooseDelimiter } from "./key-segments";
import { PartitionSample } from "./partition-sample";
import type { ItemFacts } from "./shape-stats";
import { ShapeTable } from "./shape-table";

/** One scanned item, reduced to what the accumulator keeps (the warm-up buffers these, never whole items). */
type ItemRecord = {
  facts: ItemFacts;
  keyValues: Map<string, AttributeValue>;
  entityValues: Array<[string, AttributeValue]>;
  partitionId: string | null;
  collectionBytes: number;
  indexes: string[];
};

export type EntityFootprint = {
  warmupItems: number;
  shapes: number;
  contexts: number;
  words: number;
  entityValues: number;
  sampledPartitions: number;
  sampledShapeEntries: number;
  collectionCounters: number;
  attributeNames: number;
  indexSignatures: number;
  pendingIndexValues: number;
};

/**
 * Turns scanned items into the entity model in one pass and bounded memory. Client-safe, pure: the Scan that feeds it
 * lives in lib/server.
 *
 * The first items (up to caps.delimiterSampleItems, or until every key attribute has DELIMITER_SAMPLE_VALUES values)
 * are held as small records while their key values choose each key attribute's delimiter; then they and every later
 * item are counted. Each item falls into a shape: its key signatures (words kept while their position has few
 * distinct values) and the entity attribute candidates' values. When a position or a candidate turns out to have too
 * many values, the shapes are re-expressed and fold together. Names, types and patterns are only settled in result().
 */
export class EntityAccumulator {
  readonly caps: EntityCaps;
  private readonly book: KeyPatternBook;
  private readonly candidates: EntityCandidates;
  private readonly shapes: ShapeTable;
  private readonly sample: PartitionSample;
  private readonly indexKeys: IndexKeyRecorder;
  private readonly keyAttributes: string[];
  private readonly nearLimitBytes: number;
  private warmup: ItemRecord[] | null = [];
  private itemsRead = 0;
  private bytesRead = 0;

  constructor(
    private readonly table: EntityTableShape,
    private readonly options: EntityAccumulatorOptions = {},
  ) {
    this.caps = { ...DEFAULT_ENTITY_CAPS, ...options.caps };
    this.nearLimitBytes = options.nearLimitBytes ?? DEFAULT_NEAR_LIMIT_BYTES;
    this.book = new KeyPatternBook(this.caps.wordsPerPosition, this.caps.maxSegments);
    const configured = options.entityAttribute ?? null;
    this.candidates = new EntityCandidates(configured === null ? [...ENTITY_ATTRIBUTE_CANDIDATES] : [configured, ...ENTITY_ATTRIBUTE_CANDIDATES.filter((n) => n !== configured)], this.caps.entityValues);
    this.shapes = new ShapeTable(this.caps, this.book, this.candidates, table.keys);
    this.sample = new PartitionSample(this.caps.sampledPartitions, this.caps.collectionCounters);
    this.indexKeys = new IndexKeyRecorder(this.book);
    const names = [table.keys.partitionKey, table.keys.sortKey, ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey])];
    this.keyAttributes = [...new Set(names.filter((name): name is string => name !== null))];
  }

  /** Counts one scanned item; `bytes` is its size as DynamoDB counts it (lib/dynamo itemSize). */
  add(item: Record<string, AttributeValue>, bytes: number): void {
    const record = this.record(item, bytes);
    if (this.warmup === null) {
      this.ingest(record);
      return;
    }
    this.warmup.push(record);
    if (this.warmup.length >= this.caps.delimiterSampleItems || this.keyAttributes.every((name) => this.warmupValues(name).length >= DELIMITER_SAMPLE_VALUES)) {
      this.endWarmup();
    }
  }

  result(options: EntityResultOptions): EntityModel {
    // The delimiters are settled by the first result() at the latest, so a snapshot taken early describes what follows.
    this.endWarmup();
    this.indexKeys.flush(this.shapes);
    this.book.refresh();
    this.settle(true);
    return buildEntityModel({
      table: this.table,
      caps: this.caps,
      nearLimitBytes: this.nearLimitBytes,
      configuredEntityAttribute: this.options.entityAttribute ?? null,
      book: this.book,
      candidates: this.candidates,
      shapes: this.shapes.entries(),
      shapesTruncated: this.shapes.truncated,
      sample: this.sample,
      itemsRead: this.itemsRead,
      bytesRead: this.bytesRead,
      complete: options.complete,
      tableItemCount: options.tableItemCount,
    });
  }

  /** Entries held by each bounded structure: what the memory tests check against the caps. */
  footprint(): EntityFootprint {
    const book = this.book.footprint();
    const sample = this.sample.footprint();
    const shapes = this.shapes.footprint();
    return {
      warmupItems: this.warmup?.length ?? 0,
      shapes: shapes.shapes,
      contexts: book.contexts,
      words: book.words,
      entityValues: this.candidates.footprint(),
      sampledPartitions: sample.sampledPartitions,
      sampledShapeEntries: sample.shapeEntries,
      collectionCounters: sample.counters,
      attributeNames: shapes.attributeNames,
      indexSignatures: shapes.indexSignatures,
      pendingIndexValues: this.indexKeys.pending(),
    };
  }

  private record(item: Record<string, AttributeValue>, bytes: number): ItemRecord {
    const attributes: Array<[string, StoredType]> = [];
    for (const [name, value] of presentAttributes(item)) {
      const type = valueType(value);
      if (type !== "REDACTED") attributes.push([name, type]);
    }
    const keyValues = new Map<string, AttributeValue>();
    for (const name of this.keyAttributes) {
      const value = Object.hasOwn(item, name) ? item[name] : undefined;
      if (value !== undefined) keyValues.set(name, value);
    }
    const key: Record<string, AttributeValue> = {};
    for (const name of [this.table.keys.partitionKey, this.table.keys.sortKey]) {
      const value = name === null ? undefined : keyValues.get(name);
      if (name !== null && value !== undefined) key[name] = value;
    }
    const entityValues = this.candidates.names.flatMap((name): Array<[string, AttributeValue]> => {
      const value = Object.hasOwn(item, name) ? item[name] : undefined;
      return value === undefined ? [] : [[name, value]];
    });
    const lsis = this.table.indexes.flatMap((index) => (index.kind === "LSI" && index.sortKey !== null ? [{ sortKey: index.sortKey, projection: index.projection }] : []));
    // The 10 GB collection limit counts an item's LSI copies too (lsiEffectiveSize says how they are sized).
    const collectionBytes = this.table.hasLsi && lsis.length > 0 ? bytes + lsiEffectiveSize(item, lsis, this.table.keys) - itemSize(item) : bytes;
    // A sparse index holds only the items that have all of its key attributes.
    const indexes = this.table.indexes.filter((index) => keyValues.has(index.partitionKey) && (index.sortKey === null || keyValues.has(index.sortKey))).map((index) => index.name);
    return { facts: { bytes, attributes, key }, keyValues, entityValues, partitionId: keyIdOf(keyValues.get(this.table.keys.partitionKey)), collectionBytes, indexes };
  }

  private warmupValues(attribute: string): string[] {
    const values: string[] = [];
    for (const record of this.warmup ?? []) {
      const value = record.keyValues.get(attribute)?.S;
      if (value !== undefined) values.push(value);
    }
    return values;
  }

  private endWarmup(): void {
    if (this.warmup === null) return;
    for (const name of this.keyAttributes) {
      const values = this.warmupValues(name);
      // An index key attribute absent from the warm-up decides later, from its own first values.
      if (values.length > 0 || name === this.table.keys.partitionKey || name === this.table.keys.sortKey) this.book.setDelimiter(name, chooseDelimiter(values));
    }
    const buffered = this.warmup;
    this.warmup = null;
    for (const record of buffered) this.ingest(record);
  }

  private ingest(record: ItemRecord): void {
    this.itemsRead++;
    this.bytesRead += record.facts.bytes;
    const { partitionKey, sortKey } = this.table.keys;
    let partition = this.book.observe(partitionKey, record.keyValues.get(partitionKey)) ?? '["?"]';
    let sort = sortKey === null ? null : (this.book.observe(sortKey, record.keyValues.get(sortKey)) ?? '["?"]');
    let entity = this.candidates.observe(record.entityValues);
    // A full shape table while positions are still listing words means one of them is ids: summarise the widest.
    while (this.shapes.refuses(partition, sort, entity) && this.book.summariseWidest()) {
      this.settle(true);
      partition = this.book.canonical(partitionKey, partition);
      sort = sort === null || sortKey === null ? sort : this.book.canonical(sortKey, sort);
      entity = this.candidates.canonical(entity);
    }
    const shape = this.shapes.shapeFor(partition, sort, entity);
    shape.stats.add(record.facts, this.nearLimitBytes);
    for (const [name, value] of record.keyValues) {
      const type = valueType(value);
      if (type !== "REDACTED") shape.stats.countKeyType(name, type);
    }
    for (const name of record.indexes) {
      const index = this.table.indexes.find((candidate) => candidate.name === name);
      if (index) this.indexKeys.record(this.shapes, shape, index, record.keyValues);
    }
    if (record.partitionId !== null) this.sample.add(record.partitionId, record.collectionBytes, shape.id, record.facts.bytes);
    this.settle();
  }

  /** Folds shapes whose words turned out to be variables (or whose entity candidate had too many values). */
  private settle(force = false): void {
    const bookChanged = this.book.takeDirty();
    const candidatesChanged = this.candidates.takeDirty();
    if (!force && !bookChanged && !candidatesChanged) return;
    const remap = this.shapes.rekey();
    if (remap.size === 0) return;
    const follow = (id: number) => remap.get(id) ?? id;
    this.sample.remapShapes(follow);
    this.indexKeys.remapShapes(follow);
  }
}
