import { describe, expect, it } from "vitest";
import { itemSize } from "@/lib/dynamo/item-size";
import { EntityAccumulator } from "./entity-accumulator";
import type { EntityTableShape } from "./entity-config";
import { NO_PATTERN_REASON } from "./entity-result";
import { item, modelOf, PK_ONLY, PK_SK, shopItems, typeNamed } from "./test-items";

describe("EntityAccumulator: entity types from keys", () => {
  it.each(["#", "|", ":", "_"])("finds the shop's types with %s as the delimiter", (delimiter) => {
    const model = modelOf(PK_SK, shopItems(40, { delimiter }));
    expect(model.found).toBe(true);
    expect(model.partitionKey.delimiter).toBe(delimiter);
    expect(model.sortKey?.delimiter).toBe(delimiter);
    expect(model.types.map((type) => type.name).sort()).toEqual(["address in customer", "order in customer", "product", "profile of customer", "review in product"]);
    const order = typeNamed(model, "order in customer");
    expect(order.partitionKey.pattern).toBe(`CUSTOMER${delimiter}{id}`);
    expect(order.sortKey?.pattern).toBe(`ORDER${delimiter}{date}${delimiter}{id}`);
    expect(typeNamed(model, "profile of customer").sortKey?.pattern).toBe("PROFILE");
  });

  it("counts every type exactly after a full scan, matching a count by hand", () => {
    const items = shopItems(40);
    const model = modelOf(PK_SK, items);
    const byHand = (test: (sk: string) => boolean) => items.filter((each) => test(each.SK?.S ?? "")).length;
    expect(typeNamed(model, "order in customer").items).toEqual({ value: byHand((sk) => sk.startsWith("ORDER#")), low: 60, high: 60, exact: true });
    expect(typeNamed(model, "profile of customer").read.items).toBe(byHand((sk) => sk === "PROFILE"));
    const bytes = items.filter((each) => each.SK?.S?.startsWith("REVIEW#")).reduce((sum, each) => sum + itemSize(each), 0);
    expect(typeNamed(model, "review in product").bytes.value).toBe(bytes);
    const shares = model.types.reduce((sum, type) => sum + type.itemShare.value, 0);
    expect(shares).toBeCloseTo(1, 10);
    expect(model.estimate.kind).toBe("exact");
  });

  it("says there is no pattern when every key is a random UUID and there is no sort key", () => {
    const items = Array.from({ length: 500 }, (_, i) => item({ PK: `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}`, name: `n${i}` }));
    const model = modelOf(PK_ONLY, items);
    expect(model.found).toBe(false);
    expect(model.reason).toBe(NO_PATTERN_REASON);
    expect(model.types).toEqual([]);
    expect(model.unpatterned?.read.items).toBe(500);
    expect(model.unpatterned?.partitionKey.pattern).toBe("{uuid}");
    expect(model.partitionKey.delimiter).toBeNull();
  });

  it("says so for plain word ids too (user names), rather than invent a type per user", () => {
    const names = Array.from({ length: 300 }, (_, i) => `user${i}name`);
    const model = modelOf(PK_ONLY, names.map((name) => item({ PK: name })));
    expect(model.found).toBe(false);
    expect(model.reason).toBe(NO_PATTERN_REASON);
  });

  it("treats numeric and binary partition keys as variables and names types by the sort key", () => {
    const items = [
      ...Array.from({ length: 50 }, (_, i) => item({ PK: i, SK: "PROFILE" })),
      ...Array.from({ length: 50 }, (_, i) => item({ PK: i, SK: `ORDER#${1000 + i}` })),
    ];
    const model = modelOf(PK_SK, items);
    expect(model.partitionKey.types).toEqual([{ type: "N", count: 100 }]);
    expect(typeNamed(model, "profile").partitionKey.pattern).toBe("{number}");
    expect(typeNamed(model, "order").sortKey?.pattern).toBe("ORDER#{number}");
    const binary = modelOf(PK_ONLY, Array.from({ length: 20 }, (_, i) => item({ PK: new Uint8Array([i, 1]) })));
    expect(binary.found).toBe(false);
    expect(binary.unpatterned?.partitionKey.pattern).toBe("{binary}");
  });
});

describe("EntityAccumulator: entity attribute", () => {
  it("names types by the entity attribute alone when keys are bare ids", () => {
    const items = Array.from({ length: 90 }, (_, i) => item({ PK: `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}`, _et: i % 3 === 0 ? "User" : "Invoice" }));
    const model = modelOf(PK_ONLY, items);
    expect(model.entityAttribute).toEqual({ name: "_et", configured: false, presence: 1, values: 2 });
    expect(model.types.map((type) => [type.name, type.source, type.read.items])).toEqual([
      ["Invoice", "attribute", 60],
      ["User", "attribute", 30],
    ]);
  });

  it("combines the attribute with key prefixes, and uses a configured name", () => {
    const items = shopItems(20).map((each) => ({ ...each, kind: { S: (each.SK?.S ?? "").startsWith("ORDER#") ? "Order" : "Other" } }));
    const model = modelOf(PK_SK, items, { entityAttribute: "kind" });
    expect(model.entityAttribute?.configured).toBe(true);
    const order = typeNamed(model, "Order in customer");
    expect(order.source).toBe("keys+attribute");
    expect(order.entityValue).toBe("Order");
    expect(order.sortKey?.pattern).toBe("ORDER#{date}#{id}");
  });

  it("ignores a candidate that holds data (too many values)", () => {
    const items = shopItems(30).map((each, i) => ({ ...each, type: { S: `free text ${i}` } }));
    const model = modelOf(PK_SK, items);
    expect(model.entityAttribute).toBeNull();
    expect(model.types.map((type) => type.source)).toEqual(model.types.map(() => "keys"));
  });
});

describe("EntityAccumulator: attributes, sizes, drift", () => {
  it("flags type drift with the counts of each type", () => {
    const items = Array.from({ length: 40 }, (_, i) => item({ PK: `PRODUCT#p${i}`, SK: "DETAILS", price: i < 3 ? `${i}.99` : i }));
    const product = typeNamed(modelOf(PK_SK, items), "details of product");
    const price = product.attributes.find((attribute) => attribute.name === "price");
    expect(price).toEqual({ name: "price", items: 40, presence: 1, types: [{ type: "N", count: 37 }, { type: "S", count: 3 }], drift: true });
    expect(product.attributes.find((attribute) => attribute.name === "PK")?.drift).toBe(false);
  });

  it("reports sizes, items near 400 KB and capped attributes", () => {
    const big = "x".repeat(360_000);
    const items = Array.from({ length: 10 }, (_, i) => item({ PK: `DOC#d${i}`, SK: "BODY", body: i < 2 ? big : "small", [`extra${i}`]: 1 }));
    const model = modelOf(PK_SK, items, { caps: { attributesPerType: 5 } });
    const body = typeNamed(model, "body of doc");
    expect(body.size.nearLimit).toBe(2);
    expect(body.size.nearLimitBytes).toBe(358_400);
    expect(body.size.max).toBe(Math.max(...items.map(itemSize)));
    expect(body.attributes).toHaveLength(5);
    expect(body.attributesTruncated).toBe(true);
    expect(body.exampleKeys[0]).toEqual({ PK: { S: "DOC#d0" }, SK: { S: "BODY" } });
  });
});

describe("EntityAccumulator: collections", () => {
  it("says which types share partitions and how big the collections are", () => {
    const model = modelOf(PK_SK, shopItems(40));
    const customers = model.collections.patterns.find((pattern) => pattern.partitionPattern === "CUSTOMER#{id}");
    expect(customers?.members.map((member) => member.typeId).sort()).toEqual(["address-in-customer", "order-in-customer", "profile-of-customer"]);
    expect(customers?.partitions).toEqual({ value: 40, low: 40, high: 40, exact: true });
    // Customer c has 1 profile, 1 + c%2 addresses and c%4 orders: from 2 to 6 items.
    const sizes = Array.from({ length: 40 }, (_, c) => 2 + (c % 2) + (c % 4)).sort((a, b) => a - b);
    expect(customers?.itemsPerPartition).toEqual({ p50: sizes[19], p90: sizes[35], max: 6 });
    const orders = customers?.members.find((member) => member.typeId === "order-in-customer");
    expect(orders?.partitionShare).toBe(0.75);
    expect(orders?.perPartition?.max).toBe(3);
    expect(model.collections.largestByItems[0]?.items).toBe(6);
    expect(model.collections.limitBytes).toBeNull();
    expect(model.collections.sampling).toBe("all");
  });

  it("sizes collections against 10 GB with LSI copies when the table has an LSI", () => {
    const table: EntityTableShape = { keys: { partitionKey: "PK", sortKey: "SK" }, hasLsi: true, indexes: [{ name: "ByDate", kind: "LSI", partitionKey: "PK", sortKey: "date", projection: { type: "ALL", nonKeyAttributes: [] } }] };
    const items = Array.from({ length: 6 }, (_, i) => item({ PK: "CUSTOMER#c1", SK: `ORDER#o${i}`, ...(i < 3 ? { date: "2024-01-01" } : {}) }));
    const model = modelOf(table, items);
    const expected = items.reduce((sum, each, i) => sum + itemSize(each) * (i < 3 ? 2 : 1), 0);
    expect(model.collections.limitBytes).toBe(10 * 1024 ** 3);
    expect(model.collections.largestByBytes[0]).toMatchObject({ partitionKey: { S: "CUSTOMER#c1" }, pattern: "CUSTOMER#{id}", bytes: expected, fractionOfLimit: expected / 10 / 1024 ** 3 });
  });
});

describe("EntityAccumulator: index map", () => {
  const table: EntityTableShape = {
    keys: { partitionKey: "PK", sortKey: "SK" },
    hasLsi: false,
    indexes: [
      { name: "GSI1", kind: "GSI", partitionKey: "GSI1PK", sortKey: "GSI1SK", projection: { type: "ALL", nonKeyAttributes: [] } },
      { name: "ByEmail", kind: "GSI", partitionKey: "email", sortKey: null, projection: { type: "KEYS_ONLY", nonKeyAttributes: [] } },
    ],
  };
  const items = [
    ...Array.from({ length: 30 }, (_, i) => item({ PK: `CUSTOMER#c${i}`, SK: "PROFILE", ...(i % 3 === 0 ? { email: `c${i}@example.com` } : {}) })),
    ...Array.from({ length: 40 }, (_, i) => item({ PK: `CUSTOMER#c${i % 30}`, SK: `ORDER#o${i}`, GSI1PK: `STATUS#${["pending", "shipped", "delivered"][i % 3]}`, GSI1SK: `ORDER#o${i}` })),
    ...Array.from({ length: 20 }, (_, i) => item({ PK: `PRODUCT#p${i}`, SK: `PRODUCT#p${i}`, GSI1PK: `CATEGORY#${["books", "toys"][i % 2]}`, GSI1SK: `PRODUCT#p${i}` })),
  ];

  it("shows an overloaded GSI's key patterns per type", () => {
    const gsi = modelOf(table, items).indexes.find((index) => index.name === "GSI1");
    expect(gsi?.overloaded).toBe(true);
    expect(gsi?.items).toEqual({ value: 60, low: 60, high: 60, exact: true });
    expect(gsi?.partitionKey.delimiter).toBe("#");
    const patterns = Object.fromEntries((gsi?.types ?? []).map((type) => [type.typeId, type.keyPatterns[0]?.patterns.map((pattern) => pattern.text)]));
    expect(patterns).toEqual({ "order-in-customer": ["STATUS#{value}"], product: ["CATEGORY#{value}"] });
    expect(gsi?.types.find((type) => type.typeId === "product")?.shareOfType).toBe(1);
  });

  it("measures how sparse an index is", () => {
    const byEmail = modelOf(table, items).indexes.find((index) => index.name === "ByEmail");
    expect(byEmail?.sparse).toBe(true);
    expect(byEmail?.share.value).toBeCloseTo(10 / 90, 10);
    expect(byEmail?.types.map((type) => [type.typeId, type.items.value, type.shareOfType])).toEqual([["profile-of-customer", 10, 10 / 30]]);
    expect(byEmail?.overloaded).toBe(false);
  });

  it("chooses a late delimiter for an index key no warm-up item had", () => {
    const warm = Array.from({ length: 50 }, (_, i) => item({ PK: `CUSTOMER#c${i}`, SK: `ADDRESS#a${i}` }));
    const late = Array.from({ length: 40 }, (_, i) => item({ PK: `CUSTOMER#c${i}`, SK: `ORDER#o${i}`, GSI1PK: `STATUS#${i % 2 ? "a" : "b"}`, GSI1SK: `ORDER#o${i}` }));
    const model = modelOf(table, [...warm, ...late], { caps: { delimiterSampleItems: 20 } });
    const gsi = model.indexes.find((index) => index.name === "GSI1");
    expect(gsi?.partitionKey.delimiter).toBe("#");
    expect(gsi?.types[0]?.keyPatterns[0]?.patterns).toEqual([{ text: "STATUS#{value}", items: 40, share: 1 }]);
  });
});

describe("EntityAccumulator: bounded memory", () => {
  it("keeps every structure under its cap for 200,000 items over 100,000 keys", () => {
    const caps = { sampledPartitions: 2_000, collectionCounters: 128, shapes: 64, wordsPerPosition: 32 };
    const accumulator = new EntityAccumulator({ keys: { partitionKey: "PK", sortKey: "SK" }, indexes: [{ name: "GSI1", kind: "GSI", partitionKey: "GSI1PK", sortKey: null, projection: { type: "ALL", nonKeyAttributes: [] } }], hasLsi: false }, { caps });
    let peakShapes = 0;
    for (let i = 0; i < 200_000; i++) {
      const key = Math.floor(i / 2);
      const each = item({ PK: `USER#u${key}`, SK: i % 2 === 0 ? "PROFILE" : `EVENT#e${i}`, [`attr${i % 500}`]: i, name: `name${key}`, GSI1PK: `CITY#city${key % 1000}` });
      accumulator.add(each, 100);
      if (i % 10_000 === 0) peakShapes = Math.max(peakShapes, accumulator.footprint().shapes);
    }
    const footprint = accumulator.footprint();
    expect(footprint.warmupItems).toBe(0);
    expect(Math.max(peakShapes, footprint.shapes)).toBeLessThanOrEqual(caps.shapes);
    expect(footprint.sampledPartitions).toBeLessThanOrEqual(caps.sampledPartitions);
    expect(footprint.sampledShapeEntries).toBeLessThanOrEqual(caps.sampledPartitions * 16);
    expect(footprint.collectionCounters).toBeLessThanOrEqual(2 * caps.collectionCounters);
    expect(footprint.words).toBeLessThanOrEqual(footprint.contexts * caps.wordsPerPosition);
    expect(footprint.attributeNames).toBeLessThanOrEqual((caps.shapes + 1) * 64);
    expect(footprint.indexSignatures).toBeLessThanOrEqual((caps.shapes + 1) * 8);
    expect(footprint.pendingIndexValues).toBe(0);
    const model = accumulator.result({ complete: true, tableItemCount: null });
    expect(model.collections.sampling).toBe("hash-sample");
    expect(model.types.map((type) => [type.name, type.read.items]).sort()).toEqual([["event in user", 100_000], ["profile of user", 100_000]]);
    expect(model.collections.largestByItems[0]?.items).toBe(2);
    const distinct = model.collections.distinctPartitions.value;
    expect(Math.abs(distinct - 100_000) / 100_000).toBeLessThan(0.05);
  }, 60_000);
});
