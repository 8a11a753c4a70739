import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attributeSizes, itemSize, nestedSizes, valueSize, wireItemSize } from "./item-size";
import { wireItem, wireValue } from "./test-arbitraries";
import { fromWire, fromWireItem, toWireItem } from "./wire-value";

describe("item size properties", () => {
  it("is additive over top-level attributes", () => {
    fc.assert(
      fc.property(wireItem, wireItem, (left, right) => {
        const rightOnly = Object.fromEntries(Object.entries(right).filter(([name]) => !Object.hasOwn(left, name)));
        expect(wireItemSize({ ...left, ...rightOnly })).toBe(wireItemSize(left) + wireItemSize(rightOnly));
      }),
    );
  });

  it("has a breakdown that sums to the item size, with shares summing to 1", () => {
    fc.assert(
      fc.property(wireItem, (item) => {
        const rows = attributeSizes(item);
        const size = wireItemSize(item);
        expect(rows.reduce((sum, row) => sum + row.bytes, 0)).toBe(size);
        if (size > 0) expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 9);
        for (let index = 1; index < rows.length; index++) {
          expect(rows[index - 1]?.bytes ?? 0).toBeGreaterThanOrEqual(rows[index]?.bytes ?? 0);
        }
      }),
    );
  });

  it("is the same for the SDK form (bytes) and the wire form (base64)", () => {
    fc.assert(
      fc.property(wireItem, (wire) => {
        const sdk = fromWireItem(wire);
        expect(itemSize(sdk)).toBe(wireItemSize(wire));
        expect(wireItemSize(toWireItem(sdk))).toBe(itemSize(sdk));
      }),
    );
  });

  it("has list and map children that, with 3 bytes of overhead, sum to the parent", () => {
    fc.assert(
      fc.property(wireValue, (value) => {
        const children = nestedSizes(value, "v");
        const isContainer = "L" in value || "M" in value;
        const expected = isContainer ? children.reduce((sum, child) => sum + child.bytes, 0) + 3 : 0;
        expect(isContainer ? valueSize(value) : 0).toBe(expected);
        expect(nestedSizes(fromWire(value), "v").map((child) => child.bytes)).toEqual(children.map((child) => child.bytes));
      }),
    );
  });
});
