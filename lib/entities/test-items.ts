/** Hand-made items for the entity tests. Test support only. */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { itemSize } from "@/lib/dynamo/item-size";
import { EntityAccumulator } from "./entity-accumulator";
import type { EntityAccumulatorOptions, EntityTableShape } from "./entity-config";
import type { EntityModel, EntityType } from "./entity-types";

export type Plain = string | number | boolean | Uint8Array | null;

/** A plain object as DynamoDB attribute values: strings S, numbers N, booleans BOOL, bytes B, null NULL. */
export function item(values: Record<string, Plain>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "string") result[name] = { S: value };
    else if (typeof value === "number") result[name] = { N: String(value) };
    else if (typeof value === "boolean") result[name] = { BOOL: value };
    else if (value === null) result[name] = { NULL: true };
    else result[name] = { B: value };
  }
  return result;
}

export const PK_SK: EntityTableShape = { keys: { partitionKey: "PK", sortKey: "SK" }, indexes: [], hasLsi: false };
export const PK_ONLY: EntityTableShape = { keys: { partitionKey: "PK", sortKey: null }, indexes: [], hasLsi: false };

/** Feeds every item and returns the accumulator's model of a complete scan. */
export function modelOf(table: EntityTableShape, items: ReadonlyArray<Record<string, AttributeValue>>, options: EntityAccumulatorOptions = {}): EntityModel {
  const accumulator = new EntityAccumulator(table, options);
  for (const each of items) accumulator.add(each, itemSize(each));
  return accumulator.result({ complete: true, tableItemCount: null });
}

export function typeNamed(model: EntityModel, name: string): EntityType {
  const found = model.types.find((type) => type.name === name);
  if (!found) throw new Error(`no type "${name}" among ${model.types.map((type) => type.name).join(", ")}`);
  return found;
}

/** A shop: customers with a profile, addresses and orders; orders with lines; products with reviews. */
export function shopItems(customers: number, options: { delimiter?: string } = {}): Array<Record<string, AttributeValue>> {
  const d = options.delimiter ?? "#";
  const items: Array<Record<string, AttributeValue>> = [];
  for (let c = 0; c < customers; c++) {
    const pk = `CUSTOMER${d}c${c}`;
    items.push(item({ PK: pk, SK: "PROFILE", name: `Customer ${c}`, email: `c${c}@example.com` }));
    for (let a = 0; a < 1 + (c % 2); a++) items.push(item({ PK: pk, SK: `ADDRESS${d}a${a}`, city: "Lyon" }));
    for (let o = 0; o < c % 4; o++) {
      const date = `2024-0${1 + (o % 9)}-1${o % 10}`;
      items.push(item({ PK: pk, SK: `ORDER${d}${date}${d}o${c}x${o}`, total: 10 + o, status: o % 2 === 0 ? "pending" : "shipped" }));
    }
  }
  for (let p = 0; p < Math.max(3, customers / 2); p++) {
    items.push(item({ PK: `PRODUCT${d}p${p}`, SK: `PRODUCT${d}p${p}`, price: 5 + p, title: `Product ${p}` }));
    for (let r = 0; r < p % 3; r++) items.push(item({ PK: `PRODUCT${d}p${p}`, SK: `REVIEW${d}r${p}x${r}`, stars: 1 + (r % 5) }));
  }
  return items;
}
