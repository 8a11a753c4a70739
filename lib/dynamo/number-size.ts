import { NUMBER_PATTERN } from "./wire-value";

/** A DynamoDB number as sign, significant digits and scientific exponent: digits d1…dn mean d1.d2…dn × 10^exponent. */
export interface DecimalParts {
  negative: boolean;
  /** Significant digits with leading and trailing zeros trimmed; "" for zero. */
  digits: string;
  /** The exponent E in scientific notation; 0 for zero. */
  exponent: number;
}

const PARTS_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Splits number text exactly, without going through a JS number (which keeps only ~17 digits).
 * The exponent becomes a JS number: DynamoDB only accepts exponents within -130..+125, far inside its exact range.
 */
export function decimalParts(text: string): DecimalParts {
  const match = NUMBER_PATTERN.test(text) ? PARTS_PATTERN.exec(text) : null;
  if (!match) throw new RangeError(`"${text}" is not a DynamoDB number`);
  const [, sign = "", integer = "", fraction = "", exponentText = "0"] = match;
  const all = integer + fraction;
  const first = all.search(/[1-9]/);
  if (first === -1) return { negative: sign === "-", digits: "", exponent: 0 };
  return {
    negative: sign === "-",
    digits: all.slice(first).replace(/0+$/, ""),
    exponent: integer.length - 1 - first + Number(exponentText),
  };
}

/**
 * DynamoDB's stored size of a number, per REFERENCE.md: digits pack two per byte in base-100 pairs aligned on the
 * decimal point, after one byte of exponent. When n and E are both even the leading digit sits alone in its pair,
 * costing one more byte; negative numbers carry a terminator byte. Zero (of either sign) is 1 byte.
 * The terminator is left out when the digits already fill the 20-byte maximum (38 digits, both n and E even), so no
 * number takes more than 21 bytes: measured against DynamoDB Local by tests/integration/item-size-oracle.test.ts,
 * where REFERENCE.md's rule 3 alone would say 22.
 */
const MAX_MANTISSA_BYTES = 20;

export function numberSize(text: string): number {
  const { negative, digits, exponent } = decimalParts(text);
  const n = digits.length;
  if (n === 0) return 1;
  const unalignedPair = n % 2 === 0 && exponent % 2 === 0 ? 1 : 0;
  const mantissaBytes = Math.ceil(n / 2) + unalignedPair;
  const terminator = negative && mantissaBytes < MAX_MANTISSA_BYTES ? 1 : 0;
  return 1 + mantissaBytes + terminator;
}
