import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";
import type { EntityModel, EntityType, KeyAttributeSummary, KeyPatternSummary } from "./entity-types";
import { splitKey } from "./key-segments";

/**
 * Which of a model's entity types an item belongs to, from the model alone: the UI labels item lists and filters by
 * type with it. Client-safe, pure.
 *
 * - When the model used an entity attribute and the item carries it as a string, that value names the type (the
 *   accumulator groups such items by the value, whatever their keys).
 * - Otherwise the keys decide: each key value is split by its attribute's delimiter and matched against the type's
 *   patterns (CUSTOMER#{id}: CUSTOMER literal, any one segment after it), then against its skeleton (CUSTOMER#*: a *
 *   stands for one or more segments). The type whose patterns match the most literals wins; an exact pattern beats a
 *   skeleton. A key that matches no literal of any type is not given one (never invented), and two types that match
 *   equally well (they differ only by the entity attribute, which this item lacks) give null rather than a guess.
 * - A key replaced by a digest (a viewer's redacted key) cannot be matched: null.
 */

export type EntityTypeRef = { id: string; name: string };

export function entityTypeOf(model: EntityModel, item: WireItem): EntityTypeRef | null {
  if (!model.found) return null;
  const attribute = model.entityAttribute?.name;
  const value = attribute === undefined ? undefined : valueOf(item, attribute);
  if (value !== undefined && "S" in value) {
    const named = model.types.find((type) => type.entityValue === value.S);
    if (named) return ref(named);
  }
  let best: { type: EntityType; score: number } | null = null;
  let tied = false;
  for (const type of model.types) {
    const score = keyScore(model, type, item);
    // Below 2 no literal matched: a bare id says nothing about the type.
    if (score === null || score < 2) continue;
    if (best === null || score > best.score) {
      best = { type, score };
      tied = false;
    } else if (score === best.score) tied = true;
  }
  return best === null || tied ? null : ref(best.type);
}

function ref(type: EntityType): EntityTypeRef {
  return { id: type.id, name: type.name };
}

function valueOf(item: WireItem, name: string): WireValue | undefined {
  return Object.hasOwn(item, name) ? item[name] : undefined;
}

/** Literals matched by both keys (doubled, plus one per exact pattern), or null when either key does not match. */
function keyScore(model: EntityModel, type: EntityType, item: WireItem): number | null {
  const partition = matchKey(model, model.partitionKey, type.partitionKey, valueOf(item, model.partitionKey.attribute));
  if (partition === null) return null;
  if (model.sortKey === null || type.sortKey === null) return partition;
  const sort = matchKey(model, model.sortKey, type.sortKey, valueOf(item, model.sortKey.attribute));
  return sort === null ? null : partition + sort;
}

function matchKey(model: EntityModel, key: KeyAttributeSummary, summary: KeyPatternSummary, value: WireValue | undefined): number | null {
  if (value === undefined) return null;
  // Numbers and binaries have no segments: they fit only a key made of one variable.
  if ("N" in value || "B" in value) return summary.skeleton === "*" ? 0 : null;
  if (!("S" in value)) return null;
  const segments = splitKey(value.S, key.delimiter, model.caps.maxSegments);
  let best: number | null = null;
  for (const pattern of [summary.pattern, ...summary.patterns.map((each) => each.text)]) {
    const literals = matchPattern(splitKey(pattern, key.delimiter, model.caps.maxSegments), segments);
    if (literals !== null) best = Math.max(best ?? -1, 2 * literals + 1);
  }
  if (best !== null) return best;
  const skeleton = key.delimiter === null ? [summary.skeleton] : summary.skeleton.split(key.delimiter);
  return matchSkeleton(skeleton, segments);
}

const VARIABLE = /^\{[a-z]+\}$/;

/** Segment by segment: a {variable} takes any one segment, a literal only itself. Answers the literals matched. */
function matchPattern(parts: readonly string[], segments: readonly string[]): number | null {
  if (parts.length !== segments.length) return null;
  let literals = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (VARIABLE.test(part)) continue;
    if (part !== segments[i]) return null;
    literals++;
  }
  return literals;
}

/** A skeleton's * stands for a run of one or more variable segments (key-pattern.ts folds runs into one *). */
function matchSkeleton(parts: readonly string[], segments: readonly string[]): number | null {
  const literals = parts.filter((part) => part !== "*").length;
  // matches[i][j]: parts from i on match segments from j on.
  const memo = new Map<string, boolean>();
  const matches = (i: number, j: number): boolean => {
    const cacheKey = `${i},${j}`;
    const known = memo.get(cacheKey);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === parts.length) result = j === segments.length;
    else if (parts[i] === "*") {
      result = false;
      for (let k = j + 1; k <= segments.length && !result; k++) result = matches(i + 1, k);
    } else result = j < segments.length && parts[i] === segments[j] && matches(i + 1, j + 1);
    memo.set(cacheKey, result);
    return result;
  };
  return matches(0, 0) ? 2 * literals : null;
}
