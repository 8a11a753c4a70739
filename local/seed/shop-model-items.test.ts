import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { PROXY_AUTH_ENV } from "../../e2e/support/proxy-auth";
import { itemSize } from "../../lib/dynamo/item-size";
import { compileRedactPatterns } from "../../lib/server/auth/redact-patterns";
import type { Item } from "./batch-writer";
import { SHOP_TABLE } from "./demo-tables";
import { CUSTOMERS_WITHOUT_EMAIL_SHARE, PRICE_AS_STRING_PRODUCT_IDS, SHOP_MODEL_COUNTS, shopModelItems } from "./shop-model-items";
import { HOT_CUSTOMER_PK, shopItems } from "./shop-items";
import { specialItems } from "./special-items";

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
/** The model's entity types by their key shapes alone: what the entity job has to recover without an entity attribute. */
const SHAPES = {
  customer: [/^CUSTOMER#C\d{5}$/, /^PROFILE$/],
  address: [/^CUSTOMER#C\d{5}$/, /^ADDRESS#\d{2}$/],
  order: [/^CUSTOMER#C\d{5}$/, new RegExp(`^ORDER#${ISO}#O\\d{6}$`)],
  orderLine: [/^ORDER#O\d{6}$/, /^LINE#\d{3}$/],
  product: [/^PRODUCT#P\d{5}$/, /^DETAILS$/],
  review: [/^PRODUCT#P\d{5}$/, new RegExp(`^REVIEW#${ISO}#R\\d{6}$`)],
} as const;
type Kind = keyof typeof SHAPES;

const pkOf = (item: Item) => item.PK?.S ?? "";
const skOf = (item: Item) => item.SK?.S ?? "";
const keyOf = (item: Item) => `${pkOf(item)}\u0000${skOf(item)}`;
const typeOf = (value: AttributeValue) => Object.keys(value)[0] ?? "";
const kindsOf = (item: Item) => (Object.keys(SHAPES) as Kind[]).filter((kind) => SHAPES[kind][0].test(pkOf(item)) && SHAPES[kind][1].test(skOf(item)));
const without = (item: Item, ...names: string[]) => Object.fromEntries(Object.entries(item).filter(([name]) => !names.includes(name)));
const attributeNames = (item: Item): string[] => Object.entries(item).flatMap(([name, value]) => [name, ...nestedNames(value)]);
const nestedNames = (value: AttributeValue): string[] => (value.M ? attributeNames(value.M) : value.L ? value.L.flatMap(nestedNames) : []);
/** The items' exact content, cheaper to compare than 50k deep equalities (the model holds no binary values). */
const digest = (items: Item[]) => createHash("sha256").update(JSON.stringify(items)).digest("hex");
const countBy = <T>(values: T[]) => values.reduce((counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1), new Map<T, number>());

let model: Item[];
let addressesOf: Map<string, Item[]>;
let byKind: Map<Kind, Item[]>;
let legacy: Item[];
beforeAll(() => {
  model = shopModelItems();
  legacy = shopItems();
  byKind = new Map((Object.keys(SHAPES) as Kind[]).map((kind) => [kind, model.filter((item) => kindsOf(item)[0] === kind)]));
  addressesOf = new Map();
  for (const address of of("address")) addressesOf.set(pkOf(address), [...(addressesOf.get(pkOf(address)) ?? []), address]);
});
const of = (kind: Kind) => byKind.get(kind) ?? [];

describe("Shop's richer single-table model", () => {
  it("is six entity types told apart by key shape alone, with unique keys and no entity attribute", () => {
    // Collected, not asserted item by item: 50k expect calls take longer than the generation.
    expect(model.filter((item) => kindsOf(item).length !== 1).map(keyOf)).toEqual([]);
    expect(new Set(model.map(keyOf)).size).toBe(model.length);
    expect(of("customer")).toHaveLength(SHOP_MODEL_COUNTS.customers);
    expect(of("order")).toHaveLength(SHOP_MODEL_COUNTS.orders);
    expect(of("product")).toHaveLength(SHOP_MODEL_COUNTS.products);
    expect(of("review")).toHaveLength(SHOP_MODEL_COUNTS.reviews);
    expect(of("address").length).toBeGreaterThan(SHOP_MODEL_COUNTS.customers);
    expect(of("address").length).toBeLessThan(3 * SHOP_MODEL_COUNTS.customers);
    // The same order of magnitude as the current seed (about 50k), which seeding time and the size audit's budget assume.
    expect(model.length).toBeGreaterThan(45_000);
    expect(model.length).toBeLessThan(60_000);
    for (const name of ["entity", "type", "_et", "__typename"]) expect(model.filter((item) => name in item)).toEqual([]);
  });

  it("gives every customer a profile and 1–3 addresses in its partition, the first the default", () => {
    for (const profile of of("customer")) {
      const own = addressesOf.get(pkOf(profile)) ?? [];
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(3);
      expect(own.map(skOf)).toEqual(own.map((_, index) => `ADDRESS#${String(index + 1).padStart(2, "0")}`));
      expect(own.map((address) => address.isDefault?.BOOL)).toEqual(own.map((_, index) => index === 0));
    }
  });

  it("gives the first 5,000 orders their lineCount lines in the order's own partition, and the others none", () => {
    const lines = countBy(of("orderLine").map(pkOf));
    const withLines = of("order").filter((order) => lines.has(`ORDER#${order.orderId?.S ?? ""}`));
    expect(withLines).toHaveLength(SHOP_MODEL_COUNTS.ordersWithLines);
    expect(lines.size).toBe(SHOP_MODEL_COUNTS.ordersWithLines);
    expect(withLines.filter((order) => lines.get(`ORDER#${order.orderId?.S ?? ""}`) !== Number(order.lineCount?.N)).map(keyOf)).toEqual([]);
  });

  it("makes ByEmail sparse: email on most customers but not all, the hot customer included, and on nothing else", () => {
    const withEmail = model.filter((item) => "email" in item);
    expect(withEmail.every((item) => kindsOf(item)[0] === "customer")).toBe(true);
    const missing = 1 - withEmail.length / SHOP_MODEL_COUNTS.customers;
    expect(missing).toBeGreaterThan(CUSTOMERS_WITHOUT_EMAIL_SHARE / 2);
    expect(missing).toBeLessThan(CUSTOMERS_WITHOUT_EMAIL_SHARE * 2);
    expect(new Set(withEmail.map((item) => item.email?.S)).size).toBe(withEmail.length);
    expect(of("customer").find((item) => pkOf(item) === HOT_CUSTOMER_PK)?.email?.S).toMatch(/@example\.com$/);
  });

  it("overloads GSI1: orders by STATUS#, products by CATEGORY#, nothing else in it", () => {
    const inGsi1 = countBy(model.filter((item) => "GSI1PK" in item || "GSI1SK" in item).map((item) => kindsOf(item)[0]));
    expect(inGsi1).toEqual(new Map([["order", SHOP_MODEL_COUNTS.orders], ["product", SHOP_MODEL_COUNTS.products]]));
    expect(of("order").filter((order) => order.GSI1PK?.S !== `STATUS#${order.status?.S ?? ""}` || skOf(order) !== `ORDER#${order.GSI1SK?.S ?? ""}`).map(keyOf)).toEqual([]);
    expect(of("product").filter((product) => !/^CATEGORY#[a-z]+$/.test(product.GSI1PK?.S ?? "") || product.GSI1SK?.S !== pkOf(product)).map(keyOf)).toEqual([]);
    expect(new Set(of("order").map((item) => item.GSI1PK?.S)).size).toBe(5);
    expect(new Set(of("product").map((item) => item.GSI1PK?.S)).size).toBe(7);
  });

  it("stores every index key attribute with the type SHOP_TABLE declares, never an empty string", () => {
    for (const { AttributeName, AttributeType } of SHOP_TABLE.AttributeDefinitions ?? []) {
      const values = model.flatMap((item) => (AttributeName && item[AttributeName] ? [item[AttributeName]] : []));
      expect(values.length, AttributeName).toBeGreaterThan(0);
      expect(new Set(values.map(typeOf)), AttributeName).toEqual(new Set([AttributeType]));
      expect(values.filter((value) => value.S === ""), AttributeName).toEqual([]);
    }
  });

  it("drifts exactly one attribute's type: price is an S on the chosen handful of products", () => {
    const stringPrices = of("product").filter((item) => item.price?.S !== undefined);
    expect(stringPrices.map((item) => pkOf(item).slice("PRODUCT#".length))).toEqual([...PRICE_AS_STRING_PRODUCT_IDS]);
    expect(stringPrices.length).toBeGreaterThanOrEqual(3);
    expect(stringPrices.length).toBeLessThanOrEqual(10);
    for (const item of stringPrices) expect(item.price?.S).toMatch(/^\d+\.\d{2}$/);
    const drifted: string[] = [];
    for (const [kind, items] of byKind) {
      const types = new Map<string, Set<string>>();
      for (const item of items) for (const [name, value] of Object.entries(item)) types.set(name, (types.get(name) ?? new Set()).add(typeOf(value)));
      for (const [name, seen] of types) if (seen.size > 1) drifted.push(`${kind}.${name}`);
    }
    expect(drifted).toEqual(["product.price"]);
  });

  it("is deterministic for a seed, and keeps its shape on other seeds", { timeout: 60_000 }, () => {
    expect(digest(shopModelItems())).toBe(digest(model));
    for (const seed of [1, 99]) {
      const other = shopModelItems(seed);
      expect(digest(other)).not.toBe(digest(model));
      expect(digest(other)).toBe(digest(shopModelItems(seed)));
      const sizes = [...countBy(other.map(pkOf))].sort((a, b) => b[1] - a[1]);
      expect(sizes[0]?.[0]).toBe(HOT_CUSTOMER_PK);
      expect(other.filter((item) => skOf(item) === "PROFILE")).toHaveLength(SHOP_MODEL_COUNTS.customers);
    }
  });
});

describe("as a superset of today's seed (shopItems)", () => {
  it("keeps every customer, order, order line and product with its key and values; reviews keep partition and number", { timeout: 60_000 }, () => {
    const current = new Map(model.map((item) => [keyOf(item), item]));
    const reviews = new Map(of("review").map((item) => [skOf(item).slice(-6), pkOf(item)]));
    const changed = legacy.filter((old) => {
      const sk = skOf(old);
      if (sk.startsWith("REVIEW#")) return reviews.get(sk.slice(-6)) !== pkOf(old);
      const now = current.get(keyOf(old));
      const expected = without(old, "entity", "address", ...(now && !("email" in now) ? ["email"] : []));
      if (now?.price?.S !== undefined) expected.price = { S: now.price.S };
      return !isDeepStrictEqual(now, expected);
    });
    expect(changed.map(keyOf)).toEqual([]);
    expect(legacy.filter((old) => skOf(old).startsWith("REVIEW#"))).toHaveLength(SHOP_MODEL_COUNTS.reviews);
    // The nested address moved to the customer's first address item.
    for (const old of legacy.filter((item) => skOf(item) === "PROFILE")) {
      const first = current.get(`${pkOf(old)}\u0000ADDRESS#01`);
      expect({ city: first?.city, zip: first?.zip }).toEqual(old.address?.M);
    }
  });

  it("keeps the Zipf skew: the hot customer is the largest partition, its share as today's less the addresses' dilution", () => {
    const sizes = countBy(model.map(pkOf));
    const oldSizes = countBy(legacy.map(pkOf));
    const addresses = countBy(of("address").map(pkOf));
    expect([...sizes].filter(([pk, count]) => count !== (oldSizes.get(pk) ?? 0) + (addresses.get(pk) ?? 0))).toEqual([]);
    expect(sizes.size).toBe(oldSizes.size);
    const [top, second] = [...sizes].sort((a, b) => b[1] - a[1]);
    expect(top?.[0]).toBe(HOT_CUSTOMER_PK);
    // Thousands of items: the items-browser e2e pages through 300 of it; the bench reads 1,000-item pages of it.
    expect(top?.[1]).toBeGreaterThan(1_000);
    expect((top?.[1] ?? 0) / (second?.[1] ?? 1)).toBeGreaterThan(1.5);
    const share = (top?.[1] ?? 0) / model.length;
    const oldShare = (oldSizes.get(HOT_CUSTOMER_PK) ?? 0) / legacy.length;
    expect(Math.abs(share - oldShare)).toBeLessThan(0.01);
  });

  it("leaves the hot customer's profile exactly `name` and `email` for the roles e2e's redaction", () => {
    const redacted = compileRedactPatterns(PROXY_AUTH_ENV.REDACT_ATTRIBUTES.split(","));
    const profile = of("customer").find((item) => pkOf(item) === HOT_CUSTOMER_PK) ?? {};
    // At any depth, as the redaction masks names inside maps too: one more match would be one more redacted value.
    expect(attributeNames(profile).filter(redacted).sort()).toEqual(["email", "name"]);
  });

  it("adds no large items and no keys of the special items; its volume stays near today's", () => {
    const sizes = model.map((item) => itemSize(item));
    // The size audit e2e expects exactly the two special items at or over 350 KB.
    expect(Math.max(...sizes)).toBeLessThan(4 * 1024);
    const special = new Set(specialItems().map(keyOf));
    expect(model.filter((item) => special.has(keyOf(item)) || pkOf(item).startsWith("SPECIAL#"))).toEqual([]);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const oldTotal = legacy.reduce((sum, item) => sum + itemSize(item), 0);
    // The full size audit e2e reads the table on a 5,000 RCU budget at 80 RCU/s within 90 s.
    expect(total / oldTotal).toBeGreaterThan(0.75);
    expect(total / oldTotal).toBeLessThan(1.25);
  });
});
