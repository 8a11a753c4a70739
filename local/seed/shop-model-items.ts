import type { Item } from "./batch-writer";
import { BOOL, L, N, NS, S, SS } from "./attribute-values";
import { createRandom, zipfSampler, type Random } from "./random";
import { customerId, productId } from "./shop-items";

/**
 * Shop's richer single-table model (issue #17, "The demo"), written as a superset of shopItems() in shop-items.ts so
 * that swapping it into the seed is a small change. Not wired in yet: nothing imports it outside its test.
 *
 * What it keeps from shopItems(), draw for draw: the same seed and the same order of draws on the main generator, so
 * every customer, order, order line and product has the same key and values (the Zipf-skewed customer partitions,
 * CUSTOMER#C00000 as the largest with ~10% of the items, PRODUCT#P00000's reviews, 1,500 customers and 500 products the
 * workload and the Sessions carts refer to). What it adds or changes comes from a second generator, so none of it
 * shifts the main draws:
 * - addresses as their own items (ADDRESS#nn, 1–3 per customer) in the customer's partition; the first holds the city
 *   and zip the profile used to carry as a nested `address` map;
 * - `email` on most customers but not all, so ByEmail (keyed on `email` alone) is sparse within customers as well as
 *   across the table: DynamoDB writes an index entry only for items that carry the index's key attributes;
 * - reviews keyed REVIEW#<ISO date>#R<nnnnnn> instead of REVIEW#<nnnnnn>;
 * - a deliberate type drift: the products in PRICE_AS_STRING_PRODUCT_IDS store `price` as S, the rest as N;
 * - no entity attribute (`entity`, `type`, `_et`, `__typename`) on any item: the entity job must find the types from
 *   the key prefixes alone. (The special items in special-items.ts and the workload's writes still carry `entity`.)
 *
 * Index key attributes keep the types SHOP_TABLE declares (GSI1PK, GSI1SK and email S, orderTotal N, never empty): a
 * write whose index key attribute has another type, or an empty S, is rejected with a ValidationException.
 */

export const SHOP_MODEL_SEED = 20_251_125;
export const SHOP_MODEL_COUNTS = { customers: 1_500, orders: 30_000, ordersWithLines: 5_000, products: 500, reviews: 5_000 } as const;
/** The products whose `price` is an S ("12.99") where every other product's is an N: a handful, as a legacy importer left them. */
export const PRICE_AS_STRING_PRODUCT_IDS: readonly string[] = [3, 57, 118, 204, 299, 371, 463].map(productId);
/** Share of customers without an email (signed up by phone), so not in ByEmail. The hot customer always has one. */
export const CUSTOMERS_WITHOUT_EMAIL_SHARE = 0.12;

const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "RETURNED"] as const;
const CATEGORIES = ["books", "garden", "kitchen", "toys", "audio", "outdoor", "office"] as const;
const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus", "Radia", "Tim"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee"];
const CITIES = ["Lisbon", "Osaka", "Austin", "Tallinn", "Nairobi"] as const;
const COUNTRY: Record<(typeof CITIES)[number], string> = { Lisbon: "PT", Osaka: "JP", Austin: "US", Tallinn: "EE", Nairobi: "KE" };
const STREETS = ["Rua Augusta", "Dotonbori", "Congress Ave", "Viru", "Moi Avenue", "Harbour Road", "Station Street"];
const LABELS = ["home", "work", "parents", "pickup point"] as const;
const BASE_EPOCH = 1_735_689_600; // 2025-01-01T00:00:00Z, fixed so the data is the same on every run
const PRICE_AS_STRING = new Set(PRICE_AS_STRING_PRODUCT_IDS);

const money = (cents: number) => (cents / 100).toFixed(2);
const isoDate = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();
const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** Deterministic for a seed; the default seed gives shopItems()' customers, orders, lines and products. */
export function shopModelItems(seed: number = SHOP_MODEL_SEED): Item[] {
  const random = createRandom(seed);
  // The additions draw from their own generator, so the main generator's draws (and the Zipf skew) stay shopItems()'.
  const extra = createRandom((seed ^ 0x5eed_17) >>> 0);
  const items: Item[] = [];
  for (let c = 0; c < SHOP_MODEL_COUNTS.customers; c++) items.push(...customerItems(c, random, extra));
  items.push(...orderItems(random));
  for (let p = 0; p < SHOP_MODEL_COUNTS.products; p++) items.push(productItem(p, random));
  items.push(...reviewItems(random, extra));
  return items;
}

function customerItems(c: number, random: Random, extra: Random): Item[] {
  const pk = S(`CUSTOMER#${customerId(c)}`);
  // Drawn in shopItems()' order: first, last, tier, createdAt, two tags, lifetimeSpend, city, zip.
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  const tier = random.pick(["standard", "silver", "gold"]);
  const createdAt = BASE_EPOCH - random.int(0, 3 * 365 * 86_400);
  const tags = [...new Set([random.pick(["newsletter", "vip", "b2b", "mobile"]), random.pick(["eu", "us", "apac"])])];
  const lifetimeSpend = money(random.int(0, 5_000_000));
  const city = random.pick(CITIES);
  const zip = String(random.int(10000, 99999));

  // The hot customer keeps its email: the roles e2e redacts exactly `email` and `name` on its profile.
  const hasEmail = c === 0 || extra.next() >= CUSTOMERS_WITHOUT_EMAIL_SHARE;
  const email: Item = hasEmail ? { email: S(`${first}.${last}.${c}@example.com`.toLowerCase()) } : {};
  const profile: Item = { PK: pk, SK: S("PROFILE"), name: S(`${first} ${last}`), ...email, tier: S(tier), createdAt: N(createdAt), tags: SS(tags), lifetimeSpend: N(lifetimeSpend) };

  const addressCount = extra.int(1, 3);
  const addresses: Item[] = [];
  for (let n = 1; n <= addressCount; n++) {
    const where = n === 1 ? { city, zip } : { city: extra.pick(CITIES), zip: String(extra.int(10000, 99999)) };
    addresses.push({
      PK: pk,
      SK: S(`ADDRESS#${pad(n, 2)}`),
      label: S(n === 1 ? "home" : extra.pick(LABELS)),
      line1: S(`${extra.int(1, 250)} ${extra.pick(STREETS)}`),
      city: S(where.city),
      zip: S(where.zip),
      country: S(COUNTRY[where.city]),
      isDefault: BOOL(n === 1),
    });
  }
  return [profile, ...addresses];
}

function orderItems(random: Random): Item[] {
  const items: Item[] = [];
  const pickCustomer = zipfSampler(SHOP_MODEL_COUNTS.customers, 1.07, random);
  for (let o = 0; o < SHOP_MODEL_COUNTS.orders; o++) {
    const orderId = `O${pad(o, 6)}`;
    const placedAt = BASE_EPOCH + o * 600 + random.int(0, 599);
    const status = random.pick(STATUSES);
    const lineCount = random.int(1, 4);
    const totalCents = random.int(500, 90_000);
    const date = isoDate(placedAt);
    items.push({
      PK: S(`CUSTOMER#${customerId(pickCustomer())}`),
      SK: S(`ORDER#${date}#${orderId}`),
      orderId: S(orderId),
      status: S(status),
      placedAt: N(placedAt),
      orderTotal: N(money(totalCents)),
      lineCount: N(lineCount),
      // GSI1 overloaded: orders by status here, products by category below. The id keeps GSI1SK unique, as the
      // workload's orders (local/workload/traffic-model.ts) write it.
      GSI1PK: S(`STATUS#${status}`),
      GSI1SK: S(`${date}#${orderId}`),
    });
    if (o >= SHOP_MODEL_COUNTS.ordersWithLines) continue;
    for (let line = 1; line <= lineCount; line++) {
      const product = random.int(0, SHOP_MODEL_COUNTS.products - 1);
      items.push({
        PK: S(`ORDER#${orderId}`),
        SK: S(`LINE#${pad(line, 3)}`),
        productId: S(productId(product)),
        quantity: N(random.int(1, 5)),
        unitPrice: N(money(random.int(199, 25_000))),
      });
    }
  }
  return items;
}

function productItem(p: number, random: Random): Item {
  const id = productId(p);
  const category = random.pick(CATEGORIES);
  const price = money(random.int(199, 25_000));
  return {
    PK: S(`PRODUCT#${id}`),
    SK: S("DETAILS"),
    title: S(`${category[0]?.toUpperCase()}${category.slice(1)} item ${p}`),
    price: PRICE_AS_STRING.has(id) ? S(price) : N(price),
    stock: N(random.int(0, 400)),
    dimensionsCm: L([N(random.int(5, 80)), N(random.int(5, 80)), N(random.int(1, 40))]),
    ratingsHistogram: NS(["1", "2", "3", "4", "5"].slice(0, random.int(1, 5))),
    GSI1PK: S(`CATEGORY#${category}`),
    GSI1SK: S(`PRODUCT#${id}`),
  };
}

function reviewItems(random: Random, extra: Random): Item[] {
  const items: Item[] = [];
  const pickProduct = zipfSampler(SHOP_MODEL_COUNTS.products, 1.2, random);
  for (let r = 0; r < SHOP_MODEL_COUNTS.reviews; r++) {
    // Drawn in shopItems()' order: product, stars, body, reviewer; the date from the second generator.
    const pk = S(`PRODUCT#${productId(pickProduct())}`);
    const stars = random.int(1, 5);
    const body = random.pick(["Great value.", "Arrived late but works.", "Would buy again!", "Not as described.", "Five stars — 完璧です"]);
    const reviewer = customerId(random.int(0, SHOP_MODEL_COUNTS.customers - 1));
    const writtenAt = BASE_EPOCH + extra.int(0, 2 * 365 * 86_400);
    items.push({ PK: pk, SK: S(`REVIEW#${isoDate(writtenAt)}#R${pad(r, 6)}`), stars: N(stars), body: S(body), reviewer: S(`CUSTOMER#${reviewer}`), writtenAt: N(writtenAt) });
  }
  return items;
}
