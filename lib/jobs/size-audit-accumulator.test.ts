import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemSize } from "@/lib/dynamo/item-size";
import { fromWireItem } from "@/lib/dynamo/wire-value";
import { dynamoItem } from "@/tests/support/dynamodb-arbitraries";
import { sizedItem } from "@/tests/support/sized-items";
import { SizeAuditAccumulator, type AuditTable } from "./size-audit-accumulator";

const SIMPLE: AuditTable = { keys: { partitionKey: "pk", sortKey: "sk" }, lsis: [], itemCount: 10, sizeBytes: 50_000 };
const full = { itemsRead: 0, rcuUsed: 0, pagesRead: 0, maxPageRcu: 0, stopReason: "end" as const };
const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });

function audit(items: Array<Record<string, AttributeValue>>, options: { thresholdBytes?: number; table?: AuditTable; segmentOf?: (index: number) => number } = {}) {
  const accumulator = new SizeAuditAccumulator(options.table ?? SIMPLE, { mode: "full", thresholdBytes: options.thresholdBytes ?? 358_400 });
  items.forEach((item, index) => accumulator.add(item, options.segmentOf?.(index) ?? 0));
  return accumulator;
}

describe("SizeAuditAccumulator", () => {
  it("sizes items exactly as itemSize does", () => {
    fc.assert(
      fc.property(fc.array(dynamoItem, { maxLength: 20 }), (wireItems) => {
        const items = wireItems.map(fromWireItem);
        const result = audit(items).result({ ...full, itemsRead: items.length });
        expect(result.stats.totalBytes).toBe(items.reduce((sum, item) => sum + itemSize(item), 0));
        expect(result.stats.maxBytes).toBe(items.length === 0 ? null : Math.max(...items.map(itemSize)));
      }),
    );
  });

  it("reports the histogram, exact mean and max, and the largest items with their key and biggest attribute", () => {
    const sizes = [100, 2_000, 5_000, 20_000, 70_000, 300_000, 360_000, 409_600];
    const items = sizes.map((bytes, i) => sizedItem({ ...key(`p${i}`, "s"), other: { S: "y" } }, bytes));
    const result = audit(items).result({ ...full, itemsRead: items.length });
    expect(result.histogram.map((bucket) => bucket.count)).toEqual([1, 1, 1, 1, 1, 1, 2]);
    expect(result.stats).toMatchObject({ count: 8, meanBytes: sizes.reduce((a, b) => a + b) / 8, maxBytes: 409_600, percentilesApproximate: true });
    expect(result.largest.map((item) => item.bytes)).toEqual([...sizes].reverse());
    expect(result.largest[0]).toEqual({ key: key("p7", "s"), bytes: 409_600, biggestAttribute: { name: "pad", bytes: expect.any(Number), share: expect.any(Number) } });
    expect(result.largest[0]?.biggestAttribute?.share).toBeGreaterThan(0.99);
    expect(result.overThreshold).toEqual({ thresholdBytes: 358_400, count: 2, items: [result.largest[0], result.largest[1]], truncated: false });
    expect(result.tableEstimate).toEqual({ itemCount: 10, tableSizeBytes: 50_000, meanBytes: 5_000, approximate: true });
    expect(result.complete).toBe(true);
  });

  it("keeps only the 20 largest, and caps the threshold list at the 100 largest while counting all", () => {
    const items = Array.from({ length: 150 }, (_, i) => sizedItem(key("p", String(i).padStart(3, "0")), 1_000 + i));
    const result = audit(items, { thresholdBytes: 1_010 }).result({ ...full, itemsRead: 150 });
    expect(result.largest).toHaveLength(20);
    expect(result.largest[0]?.bytes).toBe(1_149);
    expect(result.largest[19]?.bytes).toBe(1_130);
    expect(result.overThreshold.count).toBe(140);
    expect(result.overThreshold.items).toHaveLength(100);
    expect(result.overThreshold.items[99]?.bytes).toBe(1_050);
    expect(result.overThreshold.truncated).toBe(true);
  });

  it("flags an attribute holding 40% or more of an item of 1 KB or more", () => {
    const dominated = { ...key("a", "1"), body: { S: "b".repeat(800) }, rest: { S: "r".repeat(1_000) } }; // rest: 1,004 of 1,810 bytes
    const balanced = { ...key("b", "1"), x1: { S: "x".repeat(600) }, x2: { S: "x".repeat(600) }, x3: { S: "x".repeat(600) } };
    const tiny = { ...key("c", "1"), body: { S: "b".repeat(500) } };
    const result = audit([dominated, balanced, tiny]).result({ ...full, itemsRead: 3 });
    const bytes = itemSize(dominated);
    expect(result.dominantAttributes).toEqual({
      minShare: 0.4,
      minItemBytes: 1_024,
      count: 1,
      truncated: false,
      items: [{ key: key("a", "1"), bytes, attribute: "rest", attributeBytes: 1_004, share: 1_004 / bytes }],
      byAttribute: [{ name: "rest", count: 1 }],
    });
  });

  it("sums item collections per partition key with their LSI copies, completing them as segments move on", () => {
    const table: AuditTable = {
      keys: { partitionKey: "pk", sortKey: "sk" },
      lsis: [{ name: "ByRank", sortKey: "rank", projection: { type: "ALL", nonKeyAttributes: [] } }],
      itemCount: null,
      sizeBytes: null,
    };
    const ranked = (pk: string, sk: string, bytes: number) => sizedItem({ ...key(pk, sk), rank: { N: "1" } }, bytes);
    const items = [ranked("a", "1", 1_000), ranked("a", "2", 1_000), sizedItem(key("b", "1"), 5_000), ranked("c", "1", 700), ranked("d", "1", 3_000)];
    const accumulator = audit(items, { table, segmentOf: (index) => (index < 3 ? 0 : 1) });
    accumulator.endSegment(0);
    const result = accumulator.result({ ...full, itemsRead: 5, stopReason: "budget" });
    expect(result.itemCollections?.indexes).toEqual(["ByRank"]);
    expect(result.itemCollections?.partial).toBe(true);
    expect(result.itemCollections?.largest.map(({ partitionKey, bytes, items: count, partial }) => [partitionKey, bytes, count, partial])).toEqual([
      [{ S: "d" }, 6_000, 1, true],
      [{ S: "b" }, 5_000, 1, false],
      [{ S: "a" }, 4_000, 2, false],
      [{ S: "c" }, 1_400, 1, false],
    ]);
    expect(result.itemCollections?.largest[0]?.fractionOfLimit).toBe(6_000 / 10 / 1024 ** 3);
    expect(result.complete).toBe(false);
  });

  it("has no item collections on a table without LSIs", () => {
    expect(audit([]).result(full).itemCollections).toBeNull();
  });
});
