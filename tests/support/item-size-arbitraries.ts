import fc from "fast-check";
import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";

/**
 * Items DynamoDB accepts, shaped to stress item-size accounting: every type, nesting, astral-plane text in names and
 * values, and numbers written every way DynamoDB parses them. Set members are unique by DynamoDB's notion of equality
 * (numerically, for NS), since DynamoDB rejects duplicates and the oracle test must not trip on a rejection.
 */

/** Text that is hard to count: multi-unit emoji, ZWJ and flag sequences, combining marks, CJK, RTL, controls. */
const trickyGrapheme = fc.constantFrom("😀", "👩‍👩‍👧", "🇵🇹", "🏳️‍🌈", "👍🏽", "𝄞", "𠀋", "e\u0301", "東", "ß", "\u0000", "\t", "\u200d", "\uFEFF", "م");
/** Any code point off the BMP (4 UTF-8 bytes, 2 UTF-16 units), assigned or not: DynamoDB only requires valid UTF-8. */
const astralCodePoint = fc.integer({ min: 0x1_0000, max: 0x10_ffff }).map((codePoint) => String.fromCodePoint(codePoint));
const textUnit = fc.oneof(
  { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }), weight: 2 },
  // 'binary' is any code point except a lone surrogate, which DynamoDB rejects as invalid UTF-8.
  { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: trickyGrapheme, weight: 2 },
  { arbitrary: astralCodePoint, weight: 1 },
);
const text = (minLength: number, maxLength: number) => fc.string({ unit: textUnit, minLength, maxLength });

/** Most strings are short; a few are long enough that items span several KB, so the 1 KB rounding is exercised. */
const stringValue = fc.oneof({ arbitrary: text(0, 24), weight: 9 }, { arbitrary: text(200, 1_500), weight: 1 });

/** Names reserved by the oracle: the table's key and the padding attribute it adds. */
export const RESERVED_NAMES: readonly string[] = ["pk", "~", "__proto__"];
const name = text(1, 6).filter((value) => !RESERVED_NAMES.includes(value));

/** A number as DynamoDB text, with a canonical key so NS members can be kept numerically distinct. */
export interface DynamoNumber {
  text: string;
  /** sign, significant digits and scientific exponent: equal keys mean equal numbers ("1" and "1.0"). */
  key: string;
}

const nonZeroDigit = fc.constantFrom(..."123456789");

/** Significant digits with no leading or trailing zero; 1 to 38 of them, biased to the short and to exactly 38. */
const significantDigits = fc
  .oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 38 }), fc.constant(38))
  .chain((count) =>
    count === 1
      ? nonZeroDigit
      : fc.tuple(nonZeroDigit, fc.stringMatching(new RegExp(`^[0-9]{${count - 2}}$`)), nonZeroDigit).map(([first, middle, last]) => `${first}${middle}${last}`),
  );

/** Scientific exponent E of d1.d2…dn × 10^E: DynamoDB accepts magnitudes 1E-130 to 9.99…E+125, so E is in -130..125. */
const scientificExponent = fc.oneof(
  { arbitrary: fc.integer({ min: -8, max: 8 }), weight: 4 },
  { arbitrary: fc.integer({ min: -130, max: 125 }), weight: 2 },
  { arbitrary: fc.constantFrom(-130, 125), weight: 1 },
);

/** Writes ±D × 10^E without an exponent, padded with extra leading and trailing zeros. */
function plainText(sign: string, digits: string, exponent: number, leadingZeros: number, trailingZeros: number): string {
  let integer: string;
  let fraction: string;
  if (exponent < 0) {
    integer = "0";
    fraction = "0".repeat(-exponent - 1) + digits;
  } else if (exponent >= digits.length - 1) {
    integer = digits + "0".repeat(exponent - digits.length + 1);
    fraction = "";
  } else {
    integer = digits.slice(0, exponent + 1);
    fraction = digits.slice(exponent + 1);
  }
  fraction += "0".repeat(trailingZeros);
  return `${sign}${"0".repeat(leadingZeros)}${integer}${fraction === "" ? "" : `.${fraction}`}`;
}

/**
 * Writes ±D × 10^E with the decimal point anywhere in the padded digits (including ".5" and "5." forms) and an
 * exponent that makes up the difference: 1.2 may come out as "0.0120E2", "120e-2", ".12e+1" or "0012.E-3".
 */
function scientificText(sign: string, digits: string, exponent: number, leadingZeros: number, trailingZeros: number, point: number, e: string, plus: boolean): string {
  const mantissa = "0".repeat(leadingZeros) + digits + "0".repeat(trailingZeros);
  const at = Math.min(point, mantissa.length);
  // The first significant digit sits at index `leadingZeros`, and `at` digits precede the point.
  const written = exponent - (at - 1 - leadingZeros);
  const body = `${mantissa.slice(0, at)}${at < mantissa.length || point > mantissa.length ? "." : ""}${mantissa.slice(at)}`;
  return `${sign}${body}${e}${written >= 0 && plus ? "+" : ""}${written}`;
}

const nonZeroNumber: fc.Arbitrary<DynamoNumber> = fc
  .record({
    // DynamoDB parses a leading "+" too; it changes neither the value nor the size.
    sign: fc.constantFrom("", "-", "-", "+"),
    plus: fc.boolean(),
    digits: significantDigits,
    exponent: scientificExponent,
    leadingZeros: fc.integer({ min: 0, max: 3 }),
    trailingZeros: fc.integer({ min: 0, max: 3 }),
    point: fc.nat({ max: 45 }),
    e: fc.constantFrom("e", "E"),
    plain: fc.boolean(),
  })
  .map(({ sign, plus, digits, exponent, leadingZeros, trailingZeros, point, e, plain }) => {
    // Plain text only where it stays readable; far exponents always get scientific notation.
    const numberText =
      plain && exponent >= -20 && exponent <= 40
        ? plainText(sign, digits, exponent, leadingZeros, trailingZeros)
        : scientificText(sign, digits, exponent, leadingZeros, trailingZeros, point, e, plus);
    return { text: numberText, key: `${sign === "-" ? "-" : ""}${digits}e${exponent}` };
  });

const zero: fc.Arbitrary<DynamoNumber> = fc.constantFrom("0", "0.0", "000", "0.000", "0e0", "0E5", "-0").map((zeroText) => ({ text: zeroText, key: "0" }));

/** Boundary numbers: the smallest and largest magnitudes DynamoDB stores, and 38-digit values. */
const extremeNumber: fc.Arbitrary<DynamoNumber> = fc.constantFrom(
  { text: "1E-130", key: "1e-130" },
  { text: "-1E-130", key: "-1e-130" },
  { text: `9.${"9".repeat(37)}E+125`, key: `${"9".repeat(38)}e125` },
  { text: `-9.${"9".repeat(37)}E+125`, key: `-${"9".repeat(38)}e125` },
  { text: "1".repeat(38), key: `${"1".repeat(38)}e37` },
  { text: `-${"9".repeat(38)}`, key: `-${"9".repeat(38)}e37` },
  { text: `0.${"0".repeat(10)}${"1".repeat(38)}000`, key: `${"1".repeat(38)}e-11` },
);

export const dynamoNumberText: fc.Arbitrary<DynamoNumber> = fc.oneof(
  { arbitrary: nonZeroNumber, weight: 8 },
  { arbitrary: zero, weight: 1 },
  { arbitrary: extremeNumber, weight: 1 },
);

const base64 = (minLength: number, maxLength: number) => fc.uint8Array({ minLength, maxLength }).map((array) => Buffer.from(array).toString("base64"));
const binaryValue = fc.oneof({ arbitrary: base64(0, 40), weight: 9 }, { arbitrary: base64(500, 2_000), weight: 1 });

export const sizeValue: fc.Arbitrary<WireValue> = fc.letrec<{ value: WireValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 5 },
    stringValue.map((S) => ({ S })),
    dynamoNumberText.map(({ text: N }) => ({ N })),
    binaryValue.map((B) => ({ B })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true as const }),
    // DynamoDB rejects empty strings and binaries inside sets, and duplicates in any set.
    fc.uniqueArray(text(1, 10), { minLength: 1, maxLength: 5 }).map((SS) => ({ SS })),
    fc.uniqueArray(dynamoNumberText, { minLength: 1, maxLength: 5, selector: (number) => number.key }).map((members) => ({ NS: members.map((member) => member.text) })),
    fc.uniqueArray(base64(1, 12), { minLength: 1, maxLength: 4 }).map((BS) => ({ BS })),
    fc.array(tie("value"), { maxLength: 5 }).map((L) => ({ L })),
    fc.dictionary(name, tie("value"), { maxKeys: 5, noNullPrototype: true }).map((M) => ({ M })),
  ),
})).value;

/**
 * Whole items, kept well under 400 KB. The bound uses the DynamoDB JSON length, which is never smaller than the
 * item's size (every value's JSON text is at least as long as its stored bytes), so it needs no size code under test.
 */
export const sizeItem: fc.Arbitrary<WireItem> = fc
  .dictionary(name, sizeValue, { minKeys: 1, maxKeys: 8, noNullPrototype: true })
  .filter((item) => Buffer.byteLength(JSON.stringify(item)) <= 150_000);
