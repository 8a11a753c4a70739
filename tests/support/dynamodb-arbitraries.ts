import fc from "fast-check";
import type { WireItem, WireValue } from "@/lib/dynamo/wire-value";

/**
 * Values DynamoDB accepts (unlike lib/dynamo/test-arbitraries, which also covers what it rejects): valid Unicode,
 * at most 38 significant digits within DynamoDB's exponent range, set members unique by value.
 */
const text = (maxLength: number) => fc.string({ unit: "grapheme", maxLength });
const name = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }).filter((value) => !["pk", "sk", "__proto__"].includes(value));

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
export const dynamoNumber = fc.oneof(
  fc.tuple(fc.constantFrom("", "-"), digits(1, 20), fc.option(digits(1, 18), { nil: undefined })).map(([sign, whole, fraction]) => `${sign}${whole}${fraction ? `.${fraction}` : ""}`),
  fc.tuple(fc.constantFrom("", "-"), digits(1, 38)).map(([sign, whole]) => `${sign}${whole}`),
  fc.tuple(fc.constantFrom("", "-"), digits(1, 5), fc.integer({ min: -100, max: 100 })).map(([sign, mantissa, exponent]) => `${sign}${mantissa}E${exponent}`),
);
const bytes = (minLength: number) => fc.uint8Array({ minLength, maxLength: 16 }).map((array) => Buffer.from(array).toString("base64"));

export const dynamoValue: fc.Arbitrary<WireValue> = fc.letrec<{ value: WireValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    text(20).map((S) => ({ S })),
    dynamoNumber.map((N) => ({ N })),
    bytes(0).map((B) => ({ B })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true as const }),
    fc.uniqueArray(text(8).filter((value) => value.length > 0), { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
    fc.uniqueArray(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), { minLength: 1, maxLength: 4 }).map((values) => ({ NS: values.map(String) })),
    fc.uniqueArray(bytes(1), { minLength: 1, maxLength: 3 }).map((BS) => ({ BS })),
    fc.array(tie("value"), { maxLength: 4 }).map((L) => ({ L })),
    fc.dictionary(name, tie("value"), { maxKeys: 4 }).map((M) => ({ M })),
  ),
})).value;

export const dynamoItem: fc.Arbitrary<WireItem> = fc.dictionary(name, dynamoValue, { maxKeys: 6 });
