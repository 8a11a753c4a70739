import type { Item } from "./batch-writer";
import { L, M, N, NS, S, SS } from "./attribute-values";
import { createRandom, zipfSampler } from "./random";

const CUSTOMERS = 1_500;
const ORDERS = 30_000;
const ORDERS_WITH_LINES = 5_000;
const PRODUCTS = 500;
const REVIEWS = 5_000;
const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "RETURNED"] as const;
const CATEGORIES = ["books", "garden", "kitchen", "toys", "audio", "outdoor", "office"] as const;
const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus", "Radia", "Tim"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee"];
const BASE_EPOCH = 1_735_689_600; // 2025-01-01T00:00:00Z, fixed so the data is the same on every run

export const customerId = (index: number) => `C${String(index).padStart(5, "0")}`;
export const productId = (index: number) => `P${String(index).padStart(5, "0")}`;
/** The customer with the most orders; the demo workload makes it hot. */
export const HOT_CUSTOMER_PK = `CUSTOMER#${customerId(0)}`;

const money = (cents: number) => (cents / 100).toFixed(2);

/**
 * Single-table design: customers with their order summaries, orders with their line items, products with
 * their reviews. Orders and reviews follow a Zipf distribution, so a few partitions hold thousands of items.
 */
export function shopItems(): Item[] {
  const random = createRandom(20_251_125);
  const items: Item[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const email = `${first}.${last}.${c}@example.com`.toLowerCase();
    items.push({
      PK: S(`CUSTOMER#${customerId(c)}`),
      SK: S("PROFILE"),
      entity: S("Customer"),
      name: S(`${first} ${last}`),
      email: S(email),
      tier: S(random.pick(["standard", "silver", "gold"])),
      createdAt: N(BASE_EPOCH - random.int(0, 3 * 365 * 86_400)),
      tags: SS([...new Set([random.pick(["newsletter", "vip", "b2b", "mobile"]), random.pick(["eu", "us", "apac"])])]),
      lifetimeSpend: N(money(random.int(0, 5_000_000))),
      address: M({ city: S(random.pick(["Lisbon", "Osaka", "Austin", "Tallinn", "Nairobi"])), zip: S(String(random.int(10000, 99999))) }),
    });
  }

  const pickCustomer = zipfSampler(CUSTOMERS, 1.07, random);
  for (let o = 0; o < ORDERS; o++) {
    const orderId = `O${String(o).padStart(6, "0")}`;
    const placedAt = BASE_EPOCH + o * 600 + random.int(0, 599);
    const status = random.pick(STATUSES);
    const lineCount = random.int(1, 4);
    const totalCents = random.int(500, 90_000);
    const date = new Date(placedAt * 1000).toISOString();
    items.push({
      PK: S(`CUSTOMER#${customerId(pickCustomer())}`),
      SK: S(`ORDER#${date}#${orderId}`),
      entity: S("Order"),
      orderId: S(orderId),
      status: S(status),
      placedAt: N(placedAt),
      orderTotal: N(money(totalCents)),
      lineCount: N(lineCount),
      GSI1PK: S(`STATUS#${status}`),
      GSI1SK: S(`${date}#${orderId}`),
    });
    if (o < ORDERS_WITH_LINES) {
      for (let line = 1; line <= lineCount; line++) {
        const product = random.int(0, PRODUCTS - 1);
        items.push({
          PK: S(`ORDER#${orderId}`),
          SK: S(`LINE#${String(line).padStart(3, "0")}`),
          entity: S("OrderLine"),
          productId: S(productId(product)),
          quantity: N(random.int(1, 5)),
          unitPrice: N(money(random.int(199, 25_000))),
        });
      }
    }
  }

  for (let p = 0; p < PRODUCTS; p++) {
    const category = random.pick(CATEGORIES);
    items.push({
      PK: S(`PRODUCT#${productId(p)}`),
      SK: S("DETAILS"),
      entity: S("Product"),
      title: S(`${category[0]?.toUpperCase()}${category.slice(1)} item ${p}`),
      price: N(money(random.int(199, 25_000))),
      stock: N(random.int(0, 400)),
      dimensionsCm: L([N(random.int(5, 80)), N(random.int(5, 80)), N(random.int(1, 40))]),
      ratingsHistogram: NS(["1", "2", "3", "4", "5"].slice(0, random.int(1, 5))),
      GSI1PK: S(`CATEGORY#${category}`),
      GSI1SK: S(`PRODUCT#${productId(p)}`),
    });
  }

  const pickProduct = zipfSampler(PRODUCTS, 1.2, random);
  for (let r = 0; r < REVIEWS; r++) {
    items.push({
      PK: S(`PRODUCT#${productId(pickProduct())}`),
      SK: S(`REVIEW#${String(r).padStart(6, "0")}`),
      entity: S("Review"),
      stars: N(random.int(1, 5)),
      body: S(random.pick(["Great value.", "Arrived late but works.", "Would buy again!", "Not as described.", "Five stars — 完璧です"])),
      reviewer: S(`CUSTOMER#${customerId(random.int(0, CUSTOMERS - 1))}`),
    });
  }
  return items;
}
