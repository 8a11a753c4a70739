import "server-only";
import type { CollectionEntry, EntityModel, ItemGroupStats } from "@/lib/entities/entity-types";
import type { Access } from "./access";
import { digestItem, digestValue } from "./redact-item";

/*
 * An entity model's key values reach a viewer as digests unless VIEWER_SHOWS_KEYS=true, like the other jobs' keys
 * (present-keys.ts): each type's example keys and the largest collections' partition keys. Patterns stay: they hold
 * only the literals many items share (CUSTOMER, PROFILE) and variables in braces, never one item's key. Copies; the
 * job snapshot shared by every caller is never changed in place.
 */

const digestExamples = <T extends Pick<ItemGroupStats, "exampleKeys">>(group: T): T => ({ ...group, exampleKeys: group.exampleKeys.map(digestItem) });
const digestCollection = (entry: CollectionEntry): CollectionEntry => ({ ...entry, partitionKey: digestValue(entry.partitionKey) });

export function presentEntitiesResult(model: EntityModel, access: Access): EntityModel {
  if (!access.digestsKeys) return model;
  return {
    ...model,
    types: model.types.map(digestExamples),
    unpatterned: model.unpatterned ? digestExamples(model.unpatterned) : null,
    collections: { ...model.collections, largestByItems: model.collections.largestByItems.map(digestCollection), largestByBytes: model.collections.largestByBytes.map(digestCollection) },
  };
}
