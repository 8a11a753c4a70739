import { base64ByteLength } from "./base64";
import { KeyInputError } from "./key-input-error";
import { decimalParts } from "./number-size";
import { utf8ByteLength } from "./utf8";
import { NUMBER_PATTERN, type WireValue, wireValueSchema } from "./wire-value";

export { KeyInputError } from "./key-input-error";

export type KeyType = "S" | "N" | "B";
export type KeyRole = "partition" | "sort";

/** DynamoDB's limits on key values, in bytes (UTF-8 for S, raw for B). */
export const KEY_VALUE_LIMIT: Record<KeyRole, number> = { partition: 2048, sort: 1024 };
/** DynamoDB keeps at most 38 significant digits; more is a ValidationException, so say it up front. */
const MAX_DIGITS = 38;

export interface KeyNaming {
  /** The URL parameter the value came from, e.g. "pk"; defaults to "the partition key" / "the sort key". */
  param?: string;
  /** The key attribute's name in the table, e.g. "PK". */
  attributeName?: string;
}

/**
 * A key value typed by the key schema, as it arrives in a URL. S is taken verbatim (no trimming: spaces are data);
 * N must be DynamoDB number syntax and is kept as written; B is base64 of the raw bytes.
 * Throws KeyInputError with a message a user can act on, e.g.
 * "pk must be a number (the key attribute PK is of type N)".
 */
export function parseKeyValue(raw: string, type: KeyType, role: KeyRole, naming: KeyNaming = {}): WireValue {
  const subject = naming.param ?? `the ${role} key`;
  const why =
    naming.attributeName === undefined ? `its type is ${type}` : `the key attribute ${naming.attributeName} is of type ${type}`;
  const fail = (problem: string): never => {
    throw new KeyInputError(`${subject} ${problem} (${why})`);
  };
  if (raw === "") fail(`must not be empty`);
  const limit = KEY_VALUE_LIMIT[role];
  if (type === "S") {
    const bytes = utf8ByteLength(raw);
    if (bytes > limit) fail(`is ${bytes} bytes; a ${role} key value is at most ${limit} bytes of UTF-8`);
    return { S: raw };
  }
  if (type === "N") {
    if (!NUMBER_PATTERN.test(raw)) fail(`must be a number`);
    if (decimalParts(raw).digits.length > MAX_DIGITS) fail(`has more than ${MAX_DIGITS} significant digits`);
    return { N: raw };
  }
  // Standard base64 with padding; in a URL, "+" must be percent-encoded or it arrives as a space.
  if (!wireValueSchema.safeParse({ B: raw }).success) fail(`must be base64`);
  const bytes = base64ByteLength(raw);
  if (bytes > limit) fail(`is ${bytes} bytes; a ${role} key value is at most ${limit} bytes`);
  return { B: raw };
}

/** The inverse of parseKeyValue, for putting a key value back in a URL: S and N as written, B as base64. */
export function keyValueToString(value: WireValue): string {
  if ("S" in value) return value.S;
  if ("N" in value) return value.N;
  if ("B" in value) return value.B;
  throw new TypeError(`A key value is S, N or B, not ${Object.keys(value).join(",")}`);
}
