import { describe, expect, it } from "vitest";
import { ShapeStats } from "./shape-stats";

const caps = { attributes: 2, examples: 1, indexSignatures: 1 };

describe("ShapeStats", () => {
  it("caps attributes, examples and index signatures, and merges", () => {
    const a = new ShapeStats(caps);
    a.add({ bytes: 400_000, attributes: [["PK", "S"], ["price", "N"], ["extra", "S"]], key: { PK: { S: "P#1" } } }, 358_400);
    a.addIndex("GSI1", [["GSI1PK", '["S","wSTATUS","cid"]']]);
    a.addIndex("GSI1", [["GSI1PK", '["S","wCATEGORY","cid"]']]);
    expect(a.attributesTruncated).toBe(true);
    expect(a.indexes.get("GSI1")).toMatchObject({ items: 2, untrackedKeys: 1 });
    const b = new ShapeStats(caps);
    b.add({ bytes: 100, attributes: [["price", "S"]], key: { PK: { S: "P#2" } } }, 358_400);
    a.merge(b);
    expect(a.items).toBe(2);
    expect(a.nearLimit).toBe(1);
    expect(a.sketch.max).toBe(400_000);
    expect(a.attributes.get("price")?.types).toEqual(new Map([["N", 1], ["S", 1]]));
    expect(a.examples).toEqual([{ PK: { S: "P#1" } }]);
  });

  it("folds index signatures that become equal", () => {
    const stats = new ShapeStats({ attributes: 4, examples: 1, indexSignatures: 4 });
    stats.addIndex("GSI1", [["GSI1PK", '["S","wa"]']]);
    stats.addIndex("GSI1", [["GSI1PK", '["S","wb"]']]);
    stats.rekeyIndexSignatures(() => '["S","cid"]');
    expect(stats.indexes.get("GSI1")?.keys.get("GSI1PK")).toEqual(new Map([['["S","cid"]', 2]]));
  });
});
