import type { StoredType, WireItem, WireValue } from "@/lib/dynamo/wire-value";
import type { Delimiter } from "./key-segments";

/**
 * The "Model" of a table: entity types, item collections and the index map, inferred from scanned items. What the
 * entity job stores and `GET /api/tables/:table/entities` returns, for the Model table and diagram. Client-safe.
 */

/**
 * A count or byte total. Exact after a full scan (low = value = high). Otherwise scaled from the items read to the
 * table's ItemCount with a 95% interval (see EstimateMethod.text); without an ItemCount it is what was read, a lower
 * bound, and high is null.
 */
export type Estimate = { value: number; low: number; high: number | null; exact: boolean };

/** A share 0..1 of the table, with its 95% interval; exact after a full scan. */
export type ShareEstimate = { value: number; low: number; high: number; exact: boolean };

export type EstimateMethod = {
  kind: "exact" | "scaled" | "read-only";
  itemsRead: number;
  /** The table's ItemCount as the caller gave it (DynamoDB refreshes it about every six hours); null when not given. */
  tableItemCount: number | null;
  /** Totals are read figures × factor (tableItemCount / itemsRead); null unless scaled. */
  factor: number | null;
  confidence: number;
  /** How the bounds are computed, in words, for the UI's "how is this estimated?". */
  text: string;
};

/** A key pattern with how many of the items read have it. */
export type PatternCount = { text: string; items: number; share: number };

export type KeyAttributeSummary = {
  attribute: string;
  /** The delimiter the values use, or null when they have none (numbers, binaries, plain ids). */
  delimiter: Delimiter | null;
  /** DynamoDB types of the values read, with counts (key attributes are S, N or B). */
  types: TypeCount[];
  /** Most common patterns first, at most `caps.patternsPerKey`. */
  patterns: PatternCount[];
};

export type TypeCount = { type: StoredType; count: number };

export type EntityAttributeChoice = {
  name: string;
  /** Named by the caller rather than picked among type, entity, _et, __typename. */
  configured: boolean;
  /** Share of the items read that have it as a string. */
  presence: number;
  /** Distinct values seen. */
  values: number;
};

export type AttributeStat = {
  name: string;
  /** Items of the type that have the attribute, read. */
  items: number;
  /** items / the type's items read, 0..1. */
  presence: number;
  types: TypeCount[];
  /** More than one DynamoDB type in this attribute (e.g. price as N and S). */
  drift: boolean;
};

export type SizeStats = {
  mean: number | null;
  p50: number | null;
  p99: number | null;
  /** Exact. */
  max: number | null;
  /** p50 and p99 are within this relative error. */
  relativeError: number;
  /** Items read at or above nearLimitBytes (default 358,400: 350 KB, AWS's inspection threshold for the 400 KB limit). */
  nearLimit: number;
  nearLimitBytes: number;
};

export type KeyPatternSummary = {
  /** The most common pattern, e.g. ORDER#{date}#{id}. */
  pattern: string;
  /** Every pattern seen, most common first (capped). */
  patterns: PatternCount[];
  /** Literals with variables as *, e.g. ORDER#*: what tells types apart. */
  skeleton: string;
  label: string | null;
};

/** Counts, sizes and attributes of a group of items (an entity type, or the items without a pattern). */
export type ItemGroupStats = {
  read: { items: number; bytes: number };
  items: Estimate;
  bytes: Estimate;
  itemShare: ShareEstimate;
  byteShare: ShareEstimate;
  size: SizeStats;
  partitionKey: KeyPatternSummary;
  sortKey: KeyPatternSummary | null;
  /** Most present first, at most caps.attributesPerType. */
  attributes: AttributeStat[];
  /** Some attribute names were not tracked (more than the cap), so the list is not complete. */
  attributesTruncated: boolean;
  /** A few table keys of this type (the server digests them for viewers). */
  exampleKeys: WireItem[];
};

export type EntityType = ItemGroupStats & {
  /** Stable within a result: a slug of the name. */
  id: string;
  /** "order in customer", "profile of customer", "customer", or the entity attribute's value. */
  name: string;
  source: "keys" | "attribute" | "keys+attribute";
  /** The entity attribute's value, when one was used. */
  entityValue: string | null;
};

export type Distribution = { p50: number; p90: number; max: number };

export type CollectionMember = {
  typeId: string;
  /** Items of this type read in partitions of the pattern. */
  items: number;
  /** Share of the measured partitions that hold at least one item of the type. */
  partitionShare: number | null;
  /** Items of the type per partition that holds it, over the measured partitions. */
  perPartition: Distribution | null;
};

export type CollectionPattern = {
  /** The partition key pattern, e.g. CUSTOMER#{id}; partitions with this skeleton. */
  partitionPattern: string;
  skeleton: string;
  /** Types whose items share these partitions, most items first. */
  members: CollectionMember[];
  /** Distinct partitions of the pattern. */
  partitions: Estimate;
  /** Partitions measured for the distributions (all of them, or a uniform hash sample of them). */
  measured: number;
  itemsPerPartition: Distribution | null;
  bytesPerPartition: Distribution | null;
};

export type CollectionEntry = {
  partitionKey: WireValue;
  pattern: string | null;
  items: number;
  /** Items plus their LSI copies when the table has LSIs (what counts toward 10 GB), else item bytes. */
  bytes: number;
  /** The figures may overstate this collection by up to this much (Space-Saving); 0 when counted exactly. */
  maxOverestimate: number;
  /** bytes / limitBytes when the table has LSIs, else null. */
  fractionOfLimit: number | null;
};

export type CollectionsSummary = {
  patterns: CollectionPattern[];
  largestByItems: CollectionEntry[];
  largestByBytes: CollectionEntry[];
  /** 10 GB when the table has LSIs (the item-collection size limit); null otherwise (no limit applies). */
  limitBytes: number | null;
  distinctPartitions: Estimate;
  /** True when the scan may have stopped inside a collection or left some unread: sizes are then lower bounds. */
  partial: boolean;
  /** Partitions measured exactly, or sampled by hash once there are more than caps.sampledPartitions. */
  sampling: "all" | "hash-sample";
};

export type IndexTypeEntry = {
  typeId: string;
  items: Estimate;
  /** Share of the type's items read that are in the index. */
  shareOfType: number;
  /** The index's key patterns for this type: GSI1PK = STATUS#{value} for orders, CATEGORY#{value} for products. */
  keyPatterns: Array<{ attribute: string; patterns: PatternCount[] }>;
};

export type IndexMapEntry = {
  name: string;
  kind: "GSI" | "LSI";
  partitionKey: KeyAttributeSummary;
  sortKey: KeyAttributeSummary | null;
  /** Items with the index's key attributes (an item is in the index only then). */
  items: Estimate;
  /** Share of the table's items in the index; below 1 the index is sparse. */
  share: ShareEstimate;
  sparse: boolean;
  types: IndexTypeEntry[];
  /** Items in the index that belong to no entity type. */
  unpatternedItems: number;
  /** More than one entity type with different key patterns share this index's keys. */
  overloaded: boolean;
};

export type EntityCaps = {
  /** Items whose keys choose the delimiters before counting starts. */
  delimiterSampleItems: number;
  /** Distinct words per key position before it counts as a variable. */
  wordsPerPosition: number;
  maxSegments: number;
  /** Distinct shapes (entity attribute value × key signatures) tracked; further ones are counted as unpatterned. */
  shapes: number;
  attributesPerType: number;
  examplesPerType: number;
  patternsPerKey: number;
  /** Distinct values an entity attribute may take. */
  entityValues: number;
  /** Partitions measured for the collection distributions (uniform hash sample beyond). */
  sampledPartitions: number;
  /** Space-Saving counters for the largest collections. */
  collectionCounters: number;
  largestCollections: number;
};

export type EntityModel = {
  found: boolean;
  /** Why no pattern was found, in plain words; null when found. */
  reason: string | null;
  itemsRead: number;
  bytesRead: number;
  complete: boolean;
  estimate: EstimateMethod;
  partitionKey: KeyAttributeSummary;
  sortKey: KeyAttributeSummary | null;
  entityAttribute: EntityAttributeChoice | null;
  types: EntityType[];
  /** Items matched by no type (their keys have no literal and no entity attribute); null when there are none. */
  unpatterned: ItemGroupStats | null;
  collections: CollectionsSummary;
  indexes: IndexMapEntry[];
  caps: EntityCaps;
  /** Some shapes were folded into the unpatterned items because there were more than caps.shapes. */
  shapesTruncated: boolean;
};
