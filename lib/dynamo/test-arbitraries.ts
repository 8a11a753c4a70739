/** fast-check generators for DynamoDB values; imported by tests only. */
import fc from "fast-check";
import { bytesToBase64 } from "./base64";
import type { WireItem, WireValue } from "./wire-value";

/** Any code point, lone surrogates included, since attribute names and strings are arbitrary Unicode. */
export const anyText = (maxLength = 8) => fc.string({ unit: "binary", maxLength });

/** Names that are safe to assign with obj[name] (toWire/fromWire build plain objects). */
export const attributeName = anyText(6).filter((name) => name !== "__proto__");

/** Number text in the many forms DynamoDB accepts: signs, leading/trailing zeros, points and exponents. */
export const numberText = fc
  .record({
    sign: fc.constantFrom("", "-", "+"),
    leading: fc.constantFrom("", "0", "00"),
    integer: fc.stringMatching(/^\d{0,20}$/),
    fraction: fc.option(fc.stringMatching(/^\d{0,18}$/), { nil: undefined }),
    exponent: fc.option(fc.integer({ min: -130, max: 125 }), { nil: undefined }),
    e: fc.constantFrom("e", "E"),
  })
  .filter(({ leading, integer, fraction }) => leading + integer !== "" || (fraction ?? "") !== "")
  .map(({ sign, leading, integer, fraction, exponent, e }) => {
    const mantissa = `${leading}${integer}${fraction === undefined ? "" : `.${fraction}`}`;
    return `${sign}${mantissa}${exponent === undefined ? "" : `${e}${exponent}`}`;
  });

const base64 = fc.uint8Array({ maxLength: 24 }).map(bytesToBase64);

export const wireValue: fc.Arbitrary<WireValue> = fc.letrec<{ value: WireValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyText(12).map((S) => ({ S })),
    numberText.map((N) => ({ N })),
    base64.map((B) => ({ B })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true as const }),
    fc.uniqueArray(anyText(6), { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
    fc.uniqueArray(numberText, { minLength: 1, maxLength: 4 }).map((NS) => ({ NS })),
    fc.uniqueArray(base64, { minLength: 1, maxLength: 3 }).map((BS) => ({ BS })),
    fc.array(tie("value"), { maxLength: 4 }).map((L) => ({ L })),
    fc.dictionary(attributeName, tie("value"), { maxKeys: 4, noNullPrototype: true }).map((M) => ({ M })),
  ),
})).value;

export const wireItem: fc.Arbitrary<WireItem> = fc.dictionary(attributeName, wireValue, {
  maxKeys: 6,
  noNullPrototype: true,
});
