import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { base64ByteLength } from "./base64";
import { numberSize } from "./number-size";
import { utf8ByteLength } from "./utf8";
import type { WireItem, WireType, WireValue } from "./wire-value";

/** Either the SDK's AttributeValue (B as bytes) or the wire form (B as base64): sizes are the same for both. */
export type AnyAttributeValue = WireValue | AttributeValue;
export type AnyItem = WireItem | Record<string, AttributeValue>;

/**
 * The one shape both forms fit, so a single walker sizes either: they differ only in B and BS, which are base64
 * text on the wire and bytes in the SDK. The SDK's `$unknown` member (a type newer than this code) fits too and is
 * rejected at run time.
 */
interface LooseValue {
  S?: string;
  N?: string;
  B?: string | Uint8Array;
  BOOL?: boolean;
  NULL?: boolean;
  SS?: string[];
  NS?: string[];
  BS?: Array<string | Uint8Array>;
  L?: LooseValue[];
  M?: Record<string, LooseValue>;
  /** A viewer's redaction marker carries the hidden value's size (see RedactedValue). */
  REDACTED?: string;
  bytes?: number;
}

/** Bytes overhead DynamoDB adds for a list or map, and for each of its elements. */
export const CONTAINER_OVERHEAD = 3;
export const ELEMENT_OVERHEAD = 1;

export function valueType(value: AnyAttributeValue): WireType {
  const loose: LooseValue = value;
  if (loose.S !== undefined) return "S";
  if (loose.N !== undefined) return "N";
  if (loose.B !== undefined) return "B";
  if (loose.BOOL !== undefined) return "BOOL";
  if (loose.NULL !== undefined) return "NULL";
  if (loose.SS !== undefined) return "SS";
  if (loose.NS !== undefined) return "NS";
  if (loose.BS !== undefined) return "BS";
  if (loose.L !== undefined) return "L";
  if (loose.M !== undefined) return "M";
  if (loose.REDACTED !== undefined) return "REDACTED";
  throw new TypeError(`Unsupported attribute value with keys ${Object.keys(value).join(",")}`);
}

/** The size DynamoDB counts for a value, without its attribute name (REFERENCE.md, "Item size"). */
export function valueSize(value: AnyAttributeValue): number {
  return looseSize(value);
}

/** An attribute name (or map key) and its value, as DynamoDB counts them toward the item. */
export function attributeSize(name: string, value: AnyAttributeValue): number {
  return utf8ByteLength(name) + looseSize(value);
}

/**
 * The SDK drops the value of an attribute it cannot represent as an own property (one named `__proto__`), leaving
 * `undefined`; there is nothing there to count, and counting must not crash a whole audit.
 */
export function presentAttributes(item: AnyItem): Array<[string, AnyAttributeValue]> {
  return Object.entries(item).filter((entry): entry is [string, AnyAttributeValue] => entry[1] !== undefined && entry[1] !== null);
}

export function itemSizeOf(item: AnyItem): number {
  let total = 0;
  for (const [name, value] of presentAttributes(item)) total += attributeSize(name, value);
  return total;
}

function looseSize(value: LooseValue): number {
  if (value.S !== undefined) return utf8ByteLength(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return binaryLength(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  // Set members carry no per-member overhead, unlike list elements.
  if (value.SS !== undefined) return sum(value.SS, utf8ByteLength);
  if (value.NS !== undefined) return sum(value.NS, numberSize);
  if (value.BS !== undefined) return sum(value.BS, binaryLength);
  if (value.L !== undefined) {
    return CONTAINER_OVERHEAD + sum(value.L, (element) => looseSize(element) + ELEMENT_OVERHEAD);
  }
  if (value.M !== undefined) {
    const entries = Object.entries(value.M);
    return CONTAINER_OVERHEAD + sum(entries, ([key, child]) => utf8ByteLength(key) + looseSize(child) + ELEMENT_OVERHEAD);
  }
  if (value.REDACTED !== undefined && value.bytes !== undefined) return value.bytes;
  throw new TypeError(`Unsupported attribute value with keys ${Object.keys(value).join(",")}`);
}

/** Raw byte length: the wire form's base64 is measured without decoding it. */
function binaryLength(bytes: string | Uint8Array): number {
  return typeof bytes === "string" ? base64ByteLength(bytes) : bytes.byteLength;
}

function sum<T>(values: readonly T[], size: (value: T) => number): number {
  let total = 0;
  for (const value of values) total += size(value);
  return total;
}
