import { describe, expect, it } from "vitest";
import { chooseDelimiter, looksLikeId, scoreDelimiters, segmentClass, splitKey } from "./key-segments";

describe("segmentClass", () => {
  it("recognises the shapes of unique values", () => {
    expect(segmentClass("12345")).toBe("number");
    expect(segmentClass("-3.5e2")).toBe("number");
    expect(segmentClass("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).toBe("uuid");
    expect(segmentClass("2024-05-01")).toBe("date");
    expect(segmentClass("2024-05-01T10:00:00.123Z")).toBe("timestamp");
    expect(segmentClass("2024-05-01T10")).toBe("timestamp");
    expect(segmentClass("5f1d7a9c2b3e4d5f6a7b8c9d")).toBe("id");
    expect(segmentClass("x".repeat(65))).toBe("id");
  });

  it("leaves words (possible literals) unclassified", () => {
    for (const word of ["CUSTOMER", "PROFILE", "c1", "pending", "V0", "ORDER_LINE", ""]) expect(segmentClass(word)).toBeNull();
  });

  it("calls mixed letters and digits id-like", () => {
    expect(looksLikeId("c42")).toBe(true);
    expect(looksLikeId("ORDER")).toBe(false);
    expect(looksLikeId("123")).toBe(false);
  });
});

describe("splitKey", () => {
  it("splits on the delimiter and keeps the tail joined past maxSegments", () => {
    expect(splitKey("A#1#B#2", "#")).toEqual(["A", "1", "B", "2"]);
    expect(splitKey("A#1#B#2", null)).toEqual(["A#1#B#2"]);
    expect(splitKey("a|b|c|d|e", "|", 3)).toEqual(["a", "b", "c|d|e"]);
  });
});

describe("chooseDelimiter", () => {
  const keys = (d: string) => Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `CUSTOMER${d}c${i}` : i % 3 === 1 ? `ORDER${d}2024-01-0${1 + (i % 9)}T10:00:00Z${d}o${i}` : `PROFILE`));

  it.each(["#", "|", ":", "_"] as const)("picks %s when the data uses it", (delimiter) => {
    expect(chooseDelimiter(keys(delimiter))).toBe(delimiter);
  });

  it("is not fooled by the colons of ISO timestamps", () => {
    const values = Array.from({ length: 20 }, (_, i) => `2024-01-01T10:${String(i).padStart(2, "0")}:00Z`);
    expect(chooseDelimiter(values)).toBeNull();
    expect(chooseDelimiter(keys("#"))).toBe("#");
  });

  it("finds none in UUIDs, numbers or free text", () => {
    expect(chooseDelimiter(Array.from({ length: 20 }, (_, i) => `3f2504e0-4f89-11d3-9a0c-0305e82c33${String(i).padStart(2, "0")}`))).toBeNull();
    expect(chooseDelimiter(["alice_smith", "bob_jones", "carol_white"])).toBeNull();
    expect(chooseDelimiter([])).toBeNull();
  });

  it("prefers the delimiter that explains more values over one inside a literal", () => {
    const values = [...Array.from({ length: 10 }, (_, i) => `ORDER_LINE#${i}`), ...Array.from({ length: 10 }, (_, i) => `ORDER#${i}`)];
    const [best, second] = scoreDelimiters(values);
    expect(best?.delimiter).toBe("#");
    expect(best?.score).toBe(1);
    expect(second?.score).toBeLessThan(1);
  });
});
