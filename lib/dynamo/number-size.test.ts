import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalParts, numberSize } from "./number-size";
import { numberText } from "./test-arbitraries";

describe("numberSize: REFERENCE.md's measured examples", () => {
  const measured: Array<[string[], number]> = [
    [["0"], 1],
    [["1", "9", "10", "99", "100", "1000000", "1e125"], 2],
    [["0.1", "0.12", "0.0012", "0.0000001"], 2],
    [["123", "-1", "-42", "1.2", "1.5", "12.34", "0.012"], 3],
    [["12345", "123.45", "12.3456", "100.5", "-0.012"], 4],
    [["1234567"], 5],
    [["1".repeat(38)], 20],
    [[`-${"9".repeat(38)}`], 21],
  ];
  for (const [values, bytes] of measured) {
    it.each(values)(`%s is ${bytes} bytes`, (value) => {
      expect(numberSize(value)).toBe(bytes);
    });
  }
});

describe("numberSize: other spellings", () => {
  it.each([
    ["1E+125", 2],
    ["1e-130", 2],
    ["+5", 2],
    ["007", 2],
    ["1.2300", 3],
    ["0.000", 1],
    ["-0", 1],
    ["0e10", 1],
    [".5", 2],
    ["5.", 2],
    ["-.05", 3],
    ["12e1", 3],
    ["1.2e1", 2],
    ["9.9999999999999999999999999999999999999E+125", 20],
    ["-1E-130", 3],
  ])("%s is %d bytes", (value, bytes) => {
    expect(numberSize(value)).toBe(bytes);
  });

  it("rejects text that is not a number", () => {
    for (const text of ["", "abc", "1e", "--1", "1.2.3", " 1", "Infinity", "NaN", "0x10"]) {
      expect(() => numberSize(text)).toThrow(RangeError);
    }
  });
});

describe("decimalParts", () => {
  it.each([
    ["0.012", { negative: false, digits: "12", exponent: -2 }],
    ["-100.5", { negative: true, digits: "1005", exponent: 2 }],
    ["1E+125", { negative: false, digits: "1", exponent: 125 }],
    ["00120e-3", { negative: false, digits: "12", exponent: -1 }],
    ["0.000", { negative: false, digits: "", exponent: 0 }],
  ])("%s", (text, parts) => {
    expect(decimalParts(text)).toEqual(parts);
  });
});

/** An independent model: count the base-100 pairs (powers 2k+1 and 2k share a byte) the digits touch. */
function pairModel(text: string): number {
  const { negative, digits, exponent } = decimalParts(text);
  if (digits === "") return 1;
  const lowest = exponent - digits.length + 1;
  const pairs = Math.floor(exponent / 2) - Math.floor(lowest / 2) + 1;
  return 1 + pairs + (negative ? 1 : 0);
}

describe("numberSize properties", () => {
  it("matches a base-100 packing model", () => {
    fc.assert(
      fc.property(numberText, (text) => {
        expect(numberSize(text)).toBe(pairModel(text));
      }),
    );
  });

  it("is invariant under zeros that do not change the value", () => {
    const canonical = fc.record({
      negative: fc.boolean(),
      integer: fc.stringMatching(/^[1-9]\d{0,15}$/),
      fraction: fc.stringMatching(/^\d{0,15}$/),
      leading: fc.nat(5),
      trailing: fc.nat(5),
    });
    fc.assert(
      fc.property(canonical, ({ negative, integer, fraction, leading, trailing }) => {
        const sign = negative ? "-" : "";
        const plain = `${sign}${integer}${fraction === "" ? "" : `.${fraction}`}`;
        const padded = `${sign}${"0".repeat(leading)}${integer}.${fraction}${"0".repeat(trailing)}`;
        expect(numberSize(padded)).toBe(numberSize(plain));
      }),
    );
  });

  it("depends only on the value, not on where the exponent puts the point", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,10}$/), fc.integer({ min: -20, max: 20 }), (digits, shift) => {
        // digits × 10^shift written two ways: with an exponent, and with the point moved by hand.
        const moved = shift >= 0 ? digits + "0".repeat(shift) : `0.${"0".repeat(Math.max(0, -shift - digits.length))}${digits}`;
        const value = shift >= 0 || -shift >= digits.length ? moved : `${digits.slice(0, shift)}.${digits.slice(shift)}`;
        expect(numberSize(`${digits}e${shift}`)).toBe(numberSize(value));
      }),
    );
  });

  it("is 1 + ceil(n/2), plus one for an aligned even run, plus one for a sign", () => {
    fc.assert(
      fc.property(numberText, (text) => {
        const { negative, digits, exponent } = decimalParts(text);
        const n = digits.length;
        const expected = n === 0 ? 1 : 1 + Math.ceil(n / 2) + (n % 2 === 0 && exponent % 2 === 0 ? 1 : 0) + (negative ? 1 : 0);
        expect(numberSize(text)).toBe(expected);
      }),
    );
  });
});

describe("numberSize at the 20-byte mantissa maximum", () => {
  // Found by the DynamoDB Local oracle: a negative number whose digits fill 20 bytes gets no terminator byte.
  it.each([
    ["-1.2345678901234567890123456789012345678", 21],
    ["-12345678901234567890123456789012345678E1", 21],
    ["-1234567890123456789012345678901234567.8", 21],
    ["1.2345678901234567890123456789012345678", 21],
    [`-${"9".repeat(38)}`, 21],
    [`-${"1".repeat(37)}`, 21],
  ])("%s is %d bytes", (text, bytes) => {
    expect(numberSize(text)).toBe(bytes);
  });
});
