import { describe, expect, it } from "vitest";
import { wireItemSize } from "@/lib/dynamo/item-size";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { recordWriteUnits, writeUnitMethod, writeUnitNote } from "./write-units";

/** An item of exactly `bytes` bytes by DynamoDB's rules: "pk" (2 + value) and "d" (1 + value). */
function itemOf(bytes: number): WireItem {
  const item: WireItem = { pk: { S: "k" }, d: { S: "x".repeat(bytes - 3 - 1) } };
  expect(wireItemSize(item)).toBe(bytes);
  return item;
}

const base = { ttlDelete: false, newImage: null, oldImage: null } as const;

describe("recordWriteUnits", () => {
  it("sizes an INSERT by its new image: 1 WCU per KB, rounded up", () => {
    expect(recordWriteUnits({ ...base, eventName: "INSERT", newImage: itemOf(1_024) })).toEqual({ units: 1, sized: true });
    expect(recordWriteUnits({ ...base, eventName: "INSERT", newImage: itemOf(1_025) })).toEqual({ units: 2, sized: true });
    expect(recordWriteUnits({ ...base, eventName: "INSERT", newImage: itemOf(5_000) })).toEqual({ units: 5, sized: true });
  });

  it("sizes a MODIFY by the larger of its old and new images", () => {
    expect(recordWriteUnits({ ...base, eventName: "MODIFY", oldImage: itemOf(3_000), newImage: itemOf(500) })).toEqual({ units: 3, sized: true });
    expect(recordWriteUnits({ ...base, eventName: "MODIFY", oldImage: itemOf(500), newImage: itemOf(2_100) })).toEqual({ units: 3, sized: true });
    // NEW_IMAGE view type: only the new image to go by.
    expect(recordWriteUnits({ ...base, eventName: "MODIFY", newImage: itemOf(2_100) })).toEqual({ units: 3, sized: true });
  });

  it("sizes a REMOVE by the item deleted, never by a new image", () => {
    expect(recordWriteUnits({ ...base, eventName: "REMOVE", oldImage: itemOf(4_096) })).toEqual({ units: 4, sized: true });
    expect(recordWriteUnits({ ...base, eventName: "REMOVE", newImage: itemOf(4_096) })).toEqual({ units: 1, sized: false });
  });

  it("counts a write without an image (KEYS_ONLY) as 1 WCU, the lower bound, and a TTL delete as free", () => {
    for (const eventName of ["INSERT", "MODIFY", "REMOVE"] as const) expect(recordWriteUnits({ ...base, eventName })).toEqual({ units: 1, sized: false });
    expect(recordWriteUnits({ ...base, eventName: "REMOVE", ttlDelete: true, oldImage: itemOf(9_000) })).toEqual({ units: 0, sized: true });
  });
});

describe("writeUnitMethod and its note", () => {
  it("names the method by how many writes had an image", () => {
    expect(writeUnitMethod(10, 0)).toBe("images");
    expect(writeUnitMethod(0, 10)).toBe("keys-only");
    expect(writeUnitMethod(3, 1)).toBe("mixed");
  });

  it("labels every method an estimate, and keys-only a lower bound", () => {
    for (const method of ["images", "keys-only", "mixed"] as const) {
      expect(writeUnitNote(method)).toMatch(/estimate/i);
      expect(writeUnitNote(method)).toMatch(/transactional writes cost twice/);
    }
    expect(writeUnitNote("keys-only")).toMatch(/lower bound/);
    expect(writeUnitNote("mixed")).toMatch(/lower bound/);
  });
});
