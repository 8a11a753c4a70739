import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import {
  attributeSizes,
  capacityFor,
  ITEM_SIZE_LIMIT,
  itemSize,
  nestedSizes,
  sizeLevel,
  valueSize,
  wireItemSize,
} from "./item-size";
import { fromWireItem, toWireItem, type WireItem, type WireValue } from "./wire-value";

const bytes = (length: number) => new Uint8Array(length).fill(7);

/** REFERENCE.md's "Structures" table, measured against DynamoDB Local, attribute name included. */
const measured: Array<[string, Record<string, AttributeValue>, number]> = [
  ['s: "abc"', { s: { S: "abc" } }, 4],
  ['名前: "東京"', { 名前: { S: "東京" } }, 12],
  ['e: "😀"', { e: { S: "😀" } }, 5],
  ["b: <3 bytes>", { b: { B: bytes(3) } }, 4],
  ["ok: true", { ok: { BOOL: true } }, 3],
  ["n: NULL", { n: { NULL: true } }, 2],
  ["l: []", { l: { L: [] } }, 4],
  ["m: {}", { m: { M: {} } }, 4],
  ['l: ["abc","abc","abc"]', { l: { L: [{ S: "abc" }, { S: "abc" }, { S: "abc" }] } }, 16],
  ['m: {s:"abc"}', { m: { M: { s: { S: "abc" } } } }, 9],
  ['m: {a:{b:"x"}}', { m: { M: { a: { M: { b: { S: "x" } } } } } }, 12],
  ['ss: SS["a","bb"]', { ss: { SS: ["a", "bb"] } }, 5],
  ["bs: BS[<2 bytes>,<1 byte>]", { bs: { BS: [bytes(2), bytes(1)] } }, 5],
  ['l: [N "1"]', { l: { L: [{ N: "1" }] } }, 7],
  ['ns: NS["1","100","-1"]', { ns: { NS: ["1", "100", "-1"] } }, 9],
];

describe("itemSize: REFERENCE.md's measured structures", () => {
  it.each(measured)("%s is %d bytes (SDK form)", (_label, item, size) => {
    expect(itemSize(item)).toBe(size);
  });

  it.each(measured)("%s is %d bytes (wire form)", (_label, item, size) => {
    expect(wireItemSize(toWireItem(item))).toBe(size);
  });

  it("adds the fragments up when they share one item", () => {
    const item = Object.assign({}, ...measured.slice(0, 8).map(([, fragment]) => fragment)) as Record<string, AttributeValue>;
    expect(itemSize(item)).toBe(measured.slice(0, 8).reduce((sum, [, , size]) => sum + size, 0));
  });
});

describe("itemSize: UTF-8, not UTF-16", () => {
  it("counts surrogate pairs in names and values as 4 bytes", () => {
    expect(wireItemSize({ "😀": { S: "😀😀" } })).toBe(12);
    expect(wireItemSize({ "a😀": { SS: ["😀", "é"] } })).toBe(5 + 6);
    expect(wireItemSize({ m: { M: { "😀": { NULL: true } } } })).toBe(1 + 3 + 4 + 1 + 1);
  });

  it("counts an empty string and empty binary as 0 bytes of value", () => {
    expect(wireItemSize({ s: { S: "" }, b: { B: "" } })).toBe(2);
    expect(itemSize({ b: { B: new Uint8Array(0) } })).toBe(1);
  });

  it("measures base64 without decoding, padded or not", () => {
    expect(wireItemSize({ b: { B: "AQID" } })).toBe(4);
    expect(wireItemSize({ b: { B: "AQI=" } })).toBe(3);
    expect(wireItemSize({ b: { B: "AQ==" } })).toBe(2);
    expect(wireItemSize({ b: { B: "AQ" } })).toBe(2);
  });

  it("rejects a value of an unknown type instead of guessing its size", () => {
    const unknown = { $unknown: ["X", 1] } as unknown as AttributeValue;
    expect(() => itemSize({ x: unknown })).toThrow(TypeError);
  });
});

describe("attributeSizes", () => {
  const item: WireItem = {
    PK: { S: "user#1" },
    bio: { S: "x".repeat(100) },
    tags: { SS: ["a", "b"] },
    flag: { BOOL: false },
  };

  it("breaks the item down by top-level attribute, largest first", () => {
    const rows = attributeSizes(item);
    expect(rows.map((row) => row.name)).toEqual(["bio", "PK", "tags", "flag"]);
    expect(rows[0]).toEqual({ name: "bio", bytes: 103, nameBytes: 3, valueBytes: 100, share: 103 / 122, type: "S" });
    expect(rows.reduce((sum, row) => sum + row.bytes, 0)).toBe(wireItemSize(item));
    expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
  });

  it("accepts the SDK form and gives the same breakdown", () => {
    expect(attributeSizes(fromWireItem(item))).toEqual(attributeSizes(item));
  });

  it("keeps the item's order on ties and gives an empty item no shares", () => {
    expect(attributeSizes({ b: { N: "1" }, a: { N: "2" } }).map((row) => row.name)).toEqual(["b", "a"]);
    expect(attributeSizes({})).toEqual([]);
    expect(attributeSizes({ "": { S: "" } })).toEqual([{ name: "", bytes: 0, nameBytes: 0, valueBytes: 0, share: 0, type: "S" }]);
  });
});

describe("nestedSizes", () => {
  const address: WireValue = {
    M: { city: { S: "Tokyo" }, "zip.code": { S: "100-0001" }, lines: { L: [{ S: "1-1" }, { S: "Chiyoda" }] } },
  };

  it("drills into a map with key bytes + value + 1 per child", () => {
    const children = nestedSizes(address, "address");
    expect(children.map((child) => [child.path, child.bytes])).toEqual([
      ["address.lines", 5 + (3 + 4 + 8) + 1],
      ['address["zip.code"]', 8 + 8 + 1],
      ["address.city", 4 + 5 + 1],
    ]);
    expect(children.reduce((sum, child) => sum + child.bytes, 0) + 3).toBe(valueSize(address));
  });

  it("drills into a list with value + 1 per element, and further down", () => {
    const lines = nestedSizes(address, "address").find((child) => child.key === "lines");
    expect(lines?.type).toBe("L");
    const elements = lines ? nestedSizes(lines.value, lines.path) : [];
    expect(elements.map((child) => [child.path, child.key, child.bytes, child.keyBytes])).toEqual([
      ["address.lines[1]", 1, 8, 0],
      ["address.lines[0]", 0, 4, 0],
    ]);
  });

  it("has nothing to drill into for scalars, sets and empty containers", () => {
    for (const value of [{ S: "x" }, { SS: ["a"] }, { L: [] }, { M: {} }] satisfies WireValue[]) {
      expect(nestedSizes(value, "x")).toEqual([]);
    }
  });

  it("works on the SDK form too", () => {
    const sdk: AttributeValue = { L: [{ B: bytes(10) }, { N: "1" }] };
    expect(nestedSizes(sdk, "l").map((child) => [child.path, child.bytes])).toEqual([
      ["l[0]", 11],
      ["l[1]", 3],
    ]);
  });
});

describe("sizeLevel", () => {
  it.each([
    [0, "ok"],
    [262_143, "ok"],
    [262_144, "warning"],
    [358_399, "warning"],
    [358_400, "high"],
    [ITEM_SIZE_LIMIT, "high"],
    [ITEM_SIZE_LIMIT + 1, "over"],
  ] as const)("%d bytes is %s", (size, level) => {
    expect(sizeLevel(size)).toBe(level);
  });
});

describe("capacityFor", () => {
  it.each([
    [0, { wcuPerWrite: 1, rcuStrong: 1, rcuEventual: 0.5, rcuTransactional: 2, wcuTransactional: 2 }],
    [1024, { wcuPerWrite: 1, rcuStrong: 1, rcuEventual: 0.5, rcuTransactional: 2, wcuTransactional: 2 }],
    [1025, { wcuPerWrite: 2, rcuStrong: 1, rcuEventual: 0.5, rcuTransactional: 2, wcuTransactional: 4 }],
    [4097, { wcuPerWrite: 5, rcuStrong: 2, rcuEventual: 1, rcuTransactional: 4, wcuTransactional: 10 }],
    [ITEM_SIZE_LIMIT, { wcuPerWrite: 400, rcuStrong: 100, rcuEventual: 50, rcuTransactional: 200, wcuTransactional: 800 }],
  ])("%d bytes", (size, cost) => {
    expect(capacityFor(size)).toEqual(cost);
  });

  it("refuses sizes that cannot be", () => {
    expect(() => capacityFor(-1)).toThrow(RangeError);
    expect(() => capacityFor(Number.NaN)).toThrow(RangeError);
  });
});

describe("items with an attribute the SDK could not represent", () => {
  it("counts the attributes that are there instead of crashing", () => {
    // The SDK leaves `undefined` for an attribute named __proto__; a size audit meets such items in real tables.
    const item = { pk: { S: "a" } } as Record<string, AttributeValue>;
    Object.defineProperty(item, "lost", { value: undefined, enumerable: true });
    expect(itemSize(item)).toBe(3);
    expect(attributeSizes(item).map((row) => row.name)).toEqual(["pk"]);
  });
});
