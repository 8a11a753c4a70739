import { PutItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapWithConcurrency } from "@/lib/async/map-with-concurrency";
import { ITEM_SIZE_LIMIT, itemSize, wireItemSize } from "@/lib/dynamo/item-size";
import { fromWireItem, type WireItem } from "@/lib/dynamo/wire-value";
import { sizeItem } from "../support/item-size-arbitraries";
import { createTables, fixtureClient } from "../support/local-tables";

/**
 * DynamoDB Local as the oracle for itemSize. Its item-size accounting matches DynamoDB's (REFERENCE.md), and it
 * reveals a size exactly through the WCU a PutItem is charged: ceil(size / 1024) on a table with no indexes.
 */
const TABLE = "it-item-size-oracle";
const fixtures = fixtureClient();
const COUNT = 60;
const SEED = 20_260_417;
/** A 1-byte name, reserved in the generator, so the padding attribute adds exactly 1 + L bytes. */
const PAD = "~";
const KB = 1024;

beforeAll(async () => {
  // No indexes: an LSI or GSI would add its own charges to the WCU this test reads.
  await createTables(fixtures, [
    { TableName: TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }], KeySchema: [{ AttributeName: "pk", KeyType: "HASH" }] },
  ]);
});

afterAll(() => fixtures.destroy());

let keys = 0;
/**
 * A key no item has used yet, since PutItem is charged on the larger of the old and the new item. Fixed width, so
 * every probe's key adds the same bytes as the one itemSize is asked about.
 */
const freshKey = (): AttributeValue => ({ S: `k${String(keys++).padStart(9, "0")}` });
const SAMPLE_KEY: { S: string } = { S: `k${"0".repeat(9)}` };

async function putWcu(item: Record<string, AttributeValue>): Promise<number> {
  const result = await fixtures.send(new PutItemCommand({ TableName: TABLE, Item: { ...item, pk: freshKey() }, ReturnConsumedCapacity: "TOTAL" }));
  const units = result.ConsumedCapacity?.CapacityUnits;
  if (units === undefined) throw new Error("DynamoDB Local returned no ConsumedCapacity for PutItem");
  return units;
}

/**
 * The exact size DynamoDB Local counts for `item` plus a pk of SAMPLE_KEY's length. With padding `~: "x"×L` the item
 * is s + 1 + L bytes and costs ceil((s + 1 + L) / 1024) WCU. The smallest L that costs one WCU more than L = 0 puts
 * the padded item at exactly 1024·W0 + 1 bytes, so s = 1024·W0 − L. L = 1024 always costs more, bounding the search.
 */
async function measuredSize(item: Record<string, AttributeValue>): Promise<number> {
  const padded = (length: number) => putWcu({ ...item, [PAD]: { S: "x".repeat(length) } });
  const base = await padded(0);
  let low = 1;
  let high = KB;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((await padded(middle)) > base) high = middle;
    else low = middle + 1;
  }
  return KB * base - low;
}

const withKey = (item: WireItem): WireItem => ({ ...item, pk: SAMPLE_KEY });

describe("itemSize against DynamoDB Local", () => {
  it("the oracle reproduces REFERENCE.md's measured examples", async () => {
    const examples: Array<[WireItem, number]> = [
      [{ s: { S: "abc" } }, 4],
      [{ 名前: { S: "東京" } }, 12],
      [{ e: { S: "😀" } }, 5],
      [{ l: { L: [{ S: "abc" }, { S: "abc" }, { S: "abc" }] } }, 16],
      [{ m: { M: { a: { M: { b: { S: "x" } } } } } }, 12],
      [{ ns: { NS: ["1", "100", "-1"] } }, 9],
      [{ n: { N: `-${"9".repeat(38)}` } }, 22],
    ];
    // The key is 2 bytes of name plus 10 of value.
    const measured = await Promise.all(examples.map(([item]) => measuredSize(fromWireItem(item))));
    expect(measured.map((bytes) => bytes - 12)).toEqual(examples.map(([, bytes]) => bytes));
  });

  it("matches DynamoDB Local on hand-picked edge cases", async () => {
    const thirtyEight = "12345678901234567890123456789012345678";
    const cases: WireItem[] = [
      { "😀": { S: "👩‍👩‍👧" }, 名: { SS: ["𝄞", "é", "e\u0301"] } },
      { b: { B: "" }, bs: { BS: ["AA==", "AAA=", "AAAA"] }, z: { NULL: true }, t: { BOOL: false } },
      { n: { NS: ["1E-130", `9.${"9".repeat(37)}E+125`, "0", "-0.0001", "1000", "00012.3400"] } },
      { deep: { L: [{ M: { "🇵🇹": { L: [{ L: [] }, { M: {} }, { N: "-1.5e-3" }] } } }] } },
      // Negative, 38 significant digits, even exponent: the largest mantissa a number can have.
      { n: { N: `-${thirtyEight.slice(0, 1)}.${thirtyEight.slice(1)}` } },
      { n: { N: `-${thirtyEight}E1` } },
      { n: { N: `-${thirtyEight.slice(0, 37)}.${thirtyEight.slice(37)}` } },
    ];
    const measured = await Promise.all(cases.map((item) => measuredSize(fromWireItem(item))));
    const rows = cases.map((item, index) => ({ item: JSON.stringify(item), measured: measured[index], itemSize: itemSize(fromWireItem(withKey(item))), wireItemSize: wireItemSize(withKey(item)) }));
    expect(rows).toEqual(rows.map((row) => ({ ...row, itemSize: row.measured, wireItemSize: row.measured })));
  });

  it(`matches DynamoDB Local's size exactly on ${COUNT} random items`, async () => {
    const items = fc.sample(sizeItem, { numRuns: COUNT, seed: SEED });
    const rows = await mapWithConcurrency(items, 4, async (wire) => {
      const sdk = fromWireItem(wire);
      const measured = await measuredSize(sdk);
      return { wire, measured, itemSize: itemSize({ ...sdk, pk: SAMPLE_KEY }), wireItemSize: wireItemSize(withKey(wire)) };
    });
    // Report the offending items themselves, so a disagreement is reproducible from the failure message alone.
    const disagreements = rows
      .filter((row) => row.itemSize !== row.measured || row.wireItemSize !== row.measured)
      .map(({ wire, measured, itemSize: sdkSize, wireItemSize: wireSize }) => ({ measured, itemSize: sdkSize, wireItemSize: wireSize, item: JSON.stringify(wire) }));
    expect(disagreements).toEqual([]);
    // Guard against a vacuous pass: the sample must reach past one WCU, where the 1 KB rounding matters.
    expect(Math.max(...rows.map((row) => row.measured))).toBeGreaterThan(2 * KB);
  });

  describe("the 400 KB limit is inclusive", () => {
    /**
     * Every type, multi-byte names and nesting, but fixed rather than generated: this test is about where the limit
     * falls, and a sizing error elsewhere (which the tests above report) would only blur it.
     */
    const BASE: WireItem = {
      名前: { S: "東京 😀" },
      "👩‍👩‍👧": { M: { list: { L: [{ N: "-12.50" }, { B: "AAEC" }, { NULL: true }, { M: {} }] }, ok: { BOOL: true } } },
      sets: { L: [{ SS: ["a", "é"] }, { NS: ["1", "1E-130", "-3.25e2"] }, { BS: ["AA==", "/w=="] }] },
    };

    /** BASE filled with `filler`-repeated text up to exactly `bytes` by itemSize. */
    function itemOf(bytes: number, filler: string): Record<string, AttributeValue> {
      const base = { ...fromWireItem(BASE), pk: freshKey() };
      // The filler attribute's name is 1 byte; its value makes up the rest, ASCII after the last whole filler.
      const room = bytes - itemSize(base) - PAD.length;
      const fillerBytes = Buffer.byteLength(filler);
      const whole = Math.floor(room / fillerBytes);
      const item = { ...base, [PAD]: { S: filler.repeat(whole) + "x".repeat(room - whole * fillerBytes) } };
      expect(itemSize(item)).toBe(bytes);
      return item;
    }

    for (const filler of ["x", "😀"]) {
      it(`accepts ${ITEM_SIZE_LIMIT} bytes and rejects ${ITEM_SIZE_LIMIT + 1} (filler ${JSON.stringify(filler)})`, async () => {
        const accepted = await fixtures.send(new PutItemCommand({ TableName: TABLE, Item: itemOf(ITEM_SIZE_LIMIT, filler), ReturnConsumedCapacity: "TOTAL" }));
        expect(accepted.ConsumedCapacity?.CapacityUnits).toBe(ITEM_SIZE_LIMIT / KB);
        await expect(fixtures.send(new PutItemCommand({ TableName: TABLE, Item: itemOf(ITEM_SIZE_LIMIT + 1, filler) }))).rejects.toMatchObject({
          name: "ValidationException",
          message: expect.stringContaining("Item size has exceeded the maximum allowed size"),
        });
      });
    }
  });
});
