import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toJsonNumber, toPlainJson } from "./plain-json";
import { numberText, wireItem } from "./test-arbitraries";
import type { WireItem, WireValue } from "./wire-value";

const BIG = "12345678901234567890123456789012345678";

describe("toJsonNumber", () => {
  it.each([
    [BIG, BIG],
    ["-0.000123", "-0.000123"],
    ["1E-130", "1E-130"],
    ["1E+125", "1E+125"],
    ["1.2300", "1.2300"],
    ["0.000", "0.000"],
    ["-0", "-0"],
    ["+5", "5"],
    ["007", "7"],
    ["000", "0"],
    ["-007.50", "-7.50"],
    [".5", "0.5"],
    ["-.5e3", "-0.5e3"],
    ["5.", "5"],
    ["5.e-3", "5e-3"],
    ["00.0", "0.0"],
  ])("%s → %s", (text, token) => {
    expect(toJsonNumber(text)).toBe(token);
  });

  it("always yields a JSON number with the same digits and exponent", () => {
    fc.assert(
      fc.property(numberText, (text) => {
        const token = toJsonNumber(text);
        expect(token).toMatch(/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/);
        const digits = (value: string) => value.replace(/[eE].*$/, "").replace(/\D/g, "").replace(/^0+/, "");
        expect(digits(token)).toBe(digits(text));
        expect(token.match(/[eE].*$/)?.[0]).toBe(text.match(/[eE].*$/)?.[0]);
      }),
    );
  });

  it("refuses text that is not a number", () => {
    expect(() => toJsonNumber("1e")).toThrow(RangeError);
    expect(() => toJsonNumber("NaN")).toThrow(RangeError);
  });
});

describe("toPlainJson", () => {
  const item: WireItem = {
    id: { S: "user#1" },
    big: { N: BIG },
    tiny: { N: "-0.000123" },
    far: { N: "1E-130" },
    ok: { BOOL: true },
    nothing: { NULL: true },
    blob: { B: "AQID" },
    tags: { SS: ["a", "b"] },
    scores: { NS: ["1", "+2.50", BIG] },
    blobs: { BS: ["AQ==", "Ag=="] },
    nested: { M: { list: { L: [{ N: "007" }, { M: {} }, { L: [] }, { S: "東京 😀 \"q\" \\ \n" }] } } },
  };

  it("writes numbers verbatim as number tokens, never through a JS number", () => {
    const text = toPlainJson(item);
    expect(text).toContain(`"big":${BIG}`);
    expect(text).toContain('"tiny":-0.000123');
    expect(text).toContain('"far":1E-130');
    expect(text).toContain(`"scores":[1,2.50,${BIG}]`);
    expect(text).toContain('"list":[7,{},[],');
  });

  it("maps every type to its plain form", () => {
    expect(JSON.parse(toPlainJson(item))).toEqual({
      id: "user#1",
      big: Number(BIG),
      tiny: -0.000123,
      far: 1e-130,
      ok: true,
      nothing: null,
      blob: "AQID",
      tags: ["a", "b"],
      scores: [1, 2.5, Number(BIG)],
      blobs: ["AQ==", "Ag=="],
      nested: { list: [7, {}, [], "東京 😀 \"q\" \\ \n"] },
    });
  });

  it("lays out like JSON.stringify with the same indent", () => {
    const plain: WireItem = { a: { L: [{ S: "x" }, { M: { b: { BOOL: false } } }, { L: [] }] }, c: { M: {} } };
    const expected = { a: ["x", { b: false }, []], c: {} };
    for (const indent of [0, 2, 4]) expect(toPlainJson(plain, indent)).toBe(JSON.stringify(expected, null, indent));
    expect(toPlainJson({})).toBe("{}");
    expect(() => toPlainJson(plain, -1)).toThrow(RangeError);
  });

  it("parses back with every string intact, for any item", () => {
    fc.assert(
      fc.property(wireItem, fc.constantFrom(0, 2), (generated, indent) => {
        const parsed: unknown = JSON.parse(toPlainJson(generated, indent));
        expect(collectStrings(parsed)).toEqual(Object.values(generated).flatMap(wireStrings));
        // Names survive too.
        expect(Object.keys(parsed as object)).toEqual(Object.keys(generated));
      }),
    );
  });
});

/** Every string in a parsed plain-JSON value, in document order. */
function collectStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(collectStrings);
  return [];
}

/** The strings plain JSON should carry for a wire value: S, B, SS and BS members, in order. */
function wireStrings(value: WireValue): string[] {
  if ("S" in value) return [value.S];
  if ("B" in value) return [value.B];
  if ("SS" in value) return value.SS;
  if ("BS" in value) return value.BS;
  if ("L" in value) return value.L.flatMap(wireStrings);
  if ("M" in value) return Object.values(value.M).flatMap(wireStrings);
  return [];
}
