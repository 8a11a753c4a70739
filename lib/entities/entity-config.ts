import type { TableKeyNames } from "@/lib/dynamo/item-size";
import type { EntityCaps } from "./entity-types";

/** What the entity accumulator needs to know about the table, and its defaults. Client-safe. */

export type EntityIndexShape = {
  name: string;
  kind: "GSI" | "LSI";
  /** An LSI's partition key is the table's. */
  partitionKey: string;
  sortKey: string | null;
  projection: { type: "ALL" | "KEYS_ONLY" | "INCLUDE"; nonKeyAttributes: string[] };
};

export type EntityTableShape = {
  keys: TableKeyNames;
  indexes: EntityIndexShape[];
  /** Item collections are limited to 10 GB only on tables with local secondary indexes. */
  hasLsi: boolean;
};

export type EntityAccumulatorOptions = {
  /** An entity attribute to use instead of the usual names. */
  entityAttribute?: string | null;
  /** Items at or above this many bytes count as near the 400 KB limit; default 358,400 (350 KB). */
  nearLimitBytes?: number;
  caps?: Partial<EntityCaps>;
};

export type EntityResultOptions = {
  /** The scan read the whole table (it ended rather than stopping for a budget, throttle or cancel). */
  complete: boolean;
  /** DescribeTable's ItemCount, to scale a partial read; null when unknown. */
  tableItemCount: number | null;
};

/** The attribute names single-table designs use to name an item's entity type. */
export const ENTITY_ATTRIBUTE_CANDIDATES = ["type", "entity", "_et", "__typename"] as const;

/** Without a configured name, a candidate must be a string on at least this share of the items to be the entity attribute. */
export const MIN_ENTITY_ATTRIBUTE_PRESENCE = 0.5;

export const DEFAULT_NEAR_LIMIT_BYTES = 358_400;

export const DEFAULT_ENTITY_CAPS: EntityCaps = {
  delimiterSampleItems: 1_000,
  wordsPerPosition: 64,
  maxSegments: 8,
  shapes: 512,
  attributesPerType: 64,
  examplesPerType: 3,
  patternsPerKey: 8,
  entityValues: 64,
  sampledPartitions: 10_000,
  collectionCounters: 256,
  largestCollections: 10,
};

/** Values of each key attribute wanted before the delimiters are chosen (the warm-up ends sooner if all have them). */
export const DELIMITER_SAMPLE_VALUES = 200;
/** An index key attribute absent from the warm-up chooses its delimiter from this many of its own values. */
export const LATE_DELIMITER_VALUES = 32;
