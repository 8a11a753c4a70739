import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { lsiEffectiveSize, type LsiProjection, wireItemSize } from "./item-size";
import type { WireItem } from "./wire-value";

const tableKeys = { partitionKey: "PK", sortKey: "SK" };
// PK 2+3, SK 2+2, byDate 6+11, title 5+5, body 4+100: 140 bytes in all.
const item: WireItem = {
  PK: { S: "u#1" },
  SK: { S: "p1" },
  byDate: { S: "2026-01-01T" },
  title: { S: "Hello" },
  body: { S: "x".repeat(100) },
};
const keysOnly = (sortKey: string): LsiProjection => ({ sortKey, projection: { type: "KEYS_ONLY", nonKeyAttributes: [] } });

describe("lsiEffectiveSize", () => {
  it("is the item size when there are no LSIs", () => {
    expect(wireItemSize(item)).toBe(140);
    expect(lsiEffectiveSize(item, [], tableKeys)).toBe(140);
  });

  it("adds the table keys and the LSI sort key for KEYS_ONLY", () => {
    expect(lsiEffectiveSize(item, [keysOnly("byDate")], tableKeys)).toBe(140 + 5 + 4 + 17);
  });

  it("adds the listed attributes the item has for INCLUDE, once each", () => {
    const lsi: LsiProjection = { sortKey: "byDate", projection: { type: "INCLUDE", nonKeyAttributes: ["title", "missing", "PK"] } };
    expect(lsiEffectiveSize(item, [lsi], tableKeys)).toBe(140 + 5 + 4 + 17 + 10);
  });

  it("adds the whole item again for ALL, once per LSI", () => {
    const all = (sortKey: string): LsiProjection => ({ sortKey, projection: { type: "ALL", nonKeyAttributes: [] } });
    expect(lsiEffectiveSize(item, [all("byDate"), all("title")], tableKeys)).toBe(140 * 3);
  });

  it("skips LSIs whose sort key the item lacks (LSIs are sparse)", () => {
    expect(lsiEffectiveSize(item, [keysOnly("archivedAt"), keysOnly("byDate")], tableKeys)).toBe(140 + 26);
  });

  it("does not treat inherited names as attributes", () => {
    expect(lsiEffectiveSize(item, [keysOnly("constructor"), keysOnly("toString")], tableKeys)).toBe(140);
  });

  it("works without a table sort key and on the SDK form", () => {
    const simple: Record<string, AttributeValue> = { id: { B: new Uint8Array(3) }, at: { N: "1700000000" } };
    // id 2+3, at 2+2 ("17", E = 9): 9; the copy holds id and at again.
    expect(lsiEffectiveSize(simple, [keysOnly("at")], { partitionKey: "id", sortKey: null })).toBe(18);
  });
});
