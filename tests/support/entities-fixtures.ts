import type { AttributeValue, CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * A small single-table shop for the entity job's integration test, with the rules that tell its types apart written
 * out by hand (the oracle the job's counts are checked against):
 * - customers: CUSTOMER#C0000 / PROFILE (email on 4 in 5: ByEmail is sparse), ADDRESS#nn (1–2), ORDER#<date>#O<n> (0–5,
 *   GSI1 = STATUS#<status> / ORDER#<date>#O<n>);
 * - products: PRODUCT#P0000 / PRODUCT#P0000 (GSI1 = CATEGORY#<category> / PRODUCT#P0000, so GSI1 is overloaded), with
 *   `price` an N except on DRIFTING_PRODUCTS products, where it is an S;
 * - reviews: PRODUCT#P0000 / REVIEW#R<n> (0–3 per product).
 */

export const SHOP_CUSTOMERS = 600;
export const SHOP_PRODUCTS = 250;
export const DRIFTING_PRODUCTS = 6;
const STATUSES = ["PENDING", "PAID", "SHIPPED", "DELIVERED"];
const CATEGORIES = ["books", "garden", "kitchen", "toys", "audio"];

export function shopTable(name: string): CreateTableCommandInput {
  const s = (AttributeName: string) => ({ AttributeName, AttributeType: "S" as const });
  return {
    TableName: name,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [s("PK"), s("SK"), s("GSI1PK"), s("GSI1SK"), s("email")],
    KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }, { AttributeName: "SK", KeyType: "RANGE" }],
    GlobalSecondaryIndexes: [
      { IndexName: "GSI1", KeySchema: [{ AttributeName: "GSI1PK", KeyType: "HASH" }, { AttributeName: "GSI1SK", KeyType: "RANGE" }], Projection: { ProjectionType: "ALL" } },
      { IndexName: "ByEmail", KeySchema: [{ AttributeName: "email", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } },
    ],
  };
}

const S = (value: string): AttributeValue => ({ S: value });
const N = (value: number): AttributeValue => ({ N: String(value) });
const pad = (value: number, width = 4) => String(value).padStart(width, "0");

export function shopModelItems(): Array<Record<string, AttributeValue>> {
  const items: Array<Record<string, AttributeValue>> = [];
  let order = 0;
  for (let c = 0; c < SHOP_CUSTOMERS; c++) {
    const pk = S(`CUSTOMER#C${pad(c)}`);
    items.push({ PK: pk, SK: S("PROFILE"), name: S(`Customer ${c}`), tier: S(c % 3 === 0 ? "gold" : "standard"), ...(c % 5 === 4 ? {} : { email: S(`c${c}@example.com`) }) });
    for (let a = 0; a < 1 + (c % 2); a++) items.push({ PK: pk, SK: S(`ADDRESS#${pad(a, 2)}`), city: S(["Lisbon", "Osaka", "Austin"][(c + a) % 3] ?? "Lisbon") });
    for (let o = 0; o < (c * 7) % 6; o++) {
      const date = `2025-0${1 + (o % 9)}-1${(c + o) % 10}`;
      const sk = `ORDER#${date}#O${pad(order++, 6)}`;
      items.push({ PK: pk, SK: S(sk), GSI1PK: S(`STATUS#${STATUSES[(c + o) % STATUSES.length] ?? "PENDING"}`), GSI1SK: S(sk), total: N(10 + ((c * o) % 90)), lines: N(1 + (o % 4)) });
    }
  }
  for (let p = 0; p < SHOP_PRODUCTS; p++) {
    const pk = S(`PRODUCT#P${pad(p)}`);
    const price = p < DRIFTING_PRODUCTS ? S(`${p}.99`) : N(5 + p);
    items.push({ PK: pk, SK: pk, GSI1PK: S(`CATEGORY#${CATEGORIES[p % CATEGORIES.length] ?? "books"}`), GSI1SK: pk, title: S(`Product ${p}`), price });
    for (let r = 0; r < p % 4; r++) items.push({ PK: pk, SK: S(`REVIEW#R${pad(p * 10 + r, 6)}`), stars: N(1 + ((p + r) % 5)), text: S("x".repeat(20 + ((p * r) % 200))) });
  }
  return items;
}

/** The oracle: each item's type by the rules above, by the name the job gives it. */
export function typeByHand(item: Record<string, AttributeValue>): string {
  const pk = item.PK?.S ?? "";
  const sk = item.SK?.S ?? "";
  if (pk.startsWith("CUSTOMER#") && sk === "PROFILE") return "profile of customer";
  if (pk.startsWith("CUSTOMER#") && sk.startsWith("ADDRESS#")) return "address in customer";
  if (pk.startsWith("CUSTOMER#") && sk.startsWith("ORDER#")) return "order in customer";
  if (pk.startsWith("PRODUCT#") && sk === pk) return "product";
  if (pk.startsWith("PRODUCT#") && sk.startsWith("REVIEW#")) return "review in product";
  throw new Error(`typeByHand: no rule for ${pk} / ${sk}`);
}
