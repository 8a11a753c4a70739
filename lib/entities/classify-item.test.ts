import { describe, expect, it } from "vitest";
import { toWireItem, type WireItem } from "@/lib/dynamo/wire-value";
import type { EntityTableShape } from "./entity-config";
import { entityTypeOf } from "./classify-item";
import { item, modelOf, PK_ONLY, PK_SK, shopItems, typeNamed } from "./test-items";

const wire = (values: Parameters<typeof item>[0]): WireItem => toWireItem(item(values));

describe("entityTypeOf", () => {
  it.each(["#", "|", ":", "_"])("labels every shop item with the type the accumulator counted it in (%s)", (delimiter) => {
    const items = shopItems(40, { delimiter });
    const model = modelOf(PK_SK, items);
    const counts = new Map<string, number>();
    for (const each of items) {
      const type = entityTypeOf(model, toWireItem(each));
      expect(type).not.toBeNull();
      if (type) counts.set(type.id, (counts.get(type.id) ?? 0) + 1);
    }
    // The classifier, from the model alone, agrees with the accumulator's own counts for every type.
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(model.types.map((type) => [type.id, type.read.items])));
  });

  it("classifies hand-made keys not in the data, from the key attributes alone", () => {
    const model = modelOf(PK_SK, shopItems(40));
    const name = (pk: string, sk: string) => entityTypeOf(model, wire({ PK: pk, SK: sk }))?.name ?? null;
    expect(name("CUSTOMER#c9999", "PROFILE")).toBe("profile of customer");
    expect(name("CUSTOMER#c9999", "ORDER#2030-12-31#o1")).toBe("order in customer");
    // A skeleton match: more segments than any order read, still ORDER# in a customer.
    expect(name("CUSTOMER#c1", "ORDER#2030-12-31#o1#extra")).toBe("order in customer");
    expect(name("PRODUCT#p77", "REVIEW#r1")).toBe("review in product");
    expect(entityTypeOf(model, wire({ PK: "CUSTOMER#c1", SK: "PROFILE" }))).toEqual({ id: typeNamed(model, "profile of customer").id, name: "profile of customer" });
    // No literal in common with any type: no type.
    expect(name("INVOICE#i1", "LINE#l1")).toBeNull();
    expect(name("c1", "x")).toBeNull();
  });

  it("answers null for a key a viewer got as a digest, or a missing key", () => {
    const model = modelOf(PK_SK, shopItems(20));
    expect(entityTypeOf(model, { PK: { REDACTED: "S", bytes: 12, digest: "#0123456789" }, SK: { S: "PROFILE" } })).toBeNull();
    expect(entityTypeOf(model, { SK: { S: "PROFILE" } })).toBeNull();
  });

  it("answers null for every item of a table without a pattern", () => {
    const items = Array.from({ length: 300 }, (_, i) => item({ PK: `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}` }));
    const model = modelOf(PK_ONLY, items);
    expect(model.found).toBe(false);
    expect(items.map((each) => entityTypeOf(model, toWireItem(each))).every((type) => type === null)).toBe(true);
  });

  it("uses numeric partition keys and the sort key's literal", () => {
    const items = [...Array.from({ length: 50 }, (_, i) => item({ PK: i, SK: "PROFILE" })), ...Array.from({ length: 50 }, (_, i) => item({ PK: i, SK: `ORDER#${1000 + i}` }))];
    const model = modelOf(PK_SK, items);
    expect(entityTypeOf(model, wire({ PK: 7, SK: "PROFILE" }))?.name).toBe("profile");
    expect(entityTypeOf(model, wire({ PK: 7, SK: "ORDER#5" }))?.name).toBe("order");
    expect(entityTypeOf(model, wire({ PK: 7, SK: "ADDRESS#5" }))).toBeNull();
  });

  it("uses the entity attribute when the model did, and refuses to guess from bare ids without it", () => {
    const items = Array.from({ length: 90 }, (_, i) => item({ PK: `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}`, _et: i % 3 === 0 ? "User" : "Invoice" }));
    const model = modelOf(PK_ONLY, items);
    const counts = { User: 0, Invoice: 0 };
    for (const each of items) {
      const name = entityTypeOf(model, toWireItem(each))?.name;
      if (name === "User" || name === "Invoice") counts[name]++;
    }
    expect(counts).toEqual({ User: typeNamed(model, "User").read.items, Invoice: typeNamed(model, "Invoice").read.items });
    expect(entityTypeOf(model, wire({ PK: "3f2504e0-4f89-11d3-9a0c-000000000001" }))).toBeNull();
  });

  it("combines a configured entity attribute with key prefixes", () => {
    const items = shopItems(20).map((each) => ({ ...each, kind: { S: (each.SK?.S ?? "").startsWith("ORDER#") ? "Order" : "Other" } }));
    const model = modelOf(PK_SK, items, { entityAttribute: "kind" });
    expect(entityTypeOf(model, wire({ PK: "CUSTOMER#c1", SK: "ORDER#2024-01-01#o1", kind: "Order" }))?.name).toBe("Order in customer");
    // Keys alone: the order's keys match only the Order type's patterns.
    expect(entityTypeOf(model, wire({ PK: "CUSTOMER#c1", SK: "ORDER#2024-01-01#o1" }))?.name).toBe("Order in customer");
  });

  it("labels items of an index-heavy table by their table keys", () => {
    const table: EntityTableShape = { keys: { partitionKey: "PK", sortKey: "SK" }, hasLsi: false, indexes: [{ name: "GSI1", kind: "GSI", partitionKey: "GSI1PK", sortKey: null, projection: { type: "ALL", nonKeyAttributes: [] } }] };
    const items = [
      ...Array.from({ length: 40 }, (_, i) => item({ PK: `CUSTOMER#c${i % 10}`, SK: `ORDER#o${i}`, GSI1PK: `STATUS#${i % 2 ? "paid" : "new"}` })),
      ...Array.from({ length: 20 }, (_, i) => item({ PK: `PRODUCT#p${i}`, SK: "DETAILS", GSI1PK: `CATEGORY#${i % 2 ? "books" : "toys"}` })),
    ];
    const model = modelOf(table, items);
    expect(items.map((each) => entityTypeOf(model, toWireItem(each))?.name)).toEqual([...Array<string>(40).fill("order in customer"), ...Array<string>(20).fill("details of product")]);
  });
});
