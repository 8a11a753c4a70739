import type { ResolvedKey } from "./key-pattern";

/**
 * Human names for entity types, from the key patterns' literals and the entity attribute. Client-safe, pure.
 *
 * - PK=CUSTOMER#{id}, SK=ORDER#{date}#{id}: "order in customer" (the sort key names the item, the partition its owner);
 * - PK=CUSTOMER#{id}, SK=PROFILE (a sort key with no variable): "profile of customer";
 * - PK=PRODUCT#{id}, SK=PRODUCT#{id} or no sort key or a variable-only one: "product";
 * - PK={uuid}, SK=ORDER#{id}: "order";
 * - an entity attribute value: that value, "Order in customer" when the partition names another owner.
 * With neither a literal nor an entity attribute there is no name: such items are not a type (never invented).
 */

export type TypeNaming = { name: string; source: "keys" | "attribute" | "keys+attribute" };

export function entityName(entityValue: string | null, partition: ResolvedKey, sort: ResolvedKey | null): TypeNaming | null {
  const owner = partition.label;
  const item = sort?.label ?? null;
  if (entityValue !== null) {
    const keysTell = owner !== null || item !== null;
    const name = owner !== null && owner !== entityValue.toLowerCase() && item !== owner ? `${entityValue} in ${owner}` : entityValue;
    return { name, source: keysTell ? "keys+attribute" : "attribute" };
  }
  if (item !== null && owner !== null && item !== owner) {
    const sortIsFixed = sort !== null && !sort.text.includes("{");
    return { name: `${item} ${sortIsFixed ? "of" : "in"} ${owner}`, source: "keys" };
  }
  if (owner !== null) return { name: owner, source: "keys" };
  if (item !== null) return { name: item, source: "keys" };
  return null;
}

/** A URL- and id-safe slug of a name; `taken` makes it unique ("order-in-customer", "order-in-customer-2"). */
export function typeId(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "type";
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  taken.add(id);
  return id;
}
