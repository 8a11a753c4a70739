import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { z } from "zod";
import { base64ToBytes, bytesToBase64 } from "./base64";

/**
 * DynamoDB JSON as the API carries it: exactly the service's AttributeValue, with B and BS as base64 strings.
 * N stays a string everywhere, so a 38-digit number is never squeezed through a JS number.
 */
export type WireValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: WireValue[] }
  | { M: Record<string, WireValue> }
  | RedactedValue;

/**
 * What a viewer receives instead of a value they may not see: the type letter stays visible, the value does not.
 * `digest` is set for key values shown as a short digest ("#" + 10 hex characters of SHA-256) so the same key can be
 * recognised across panels without revealing it. `bytes` is the value's size as DynamoDB counts it, so item sizes stay
 * exact for viewers (it reveals a length, never content). Only the server creates these; they are never sent to DynamoDB.
 */
export type RedactedValue = { REDACTED: StoredType; bytes: number; digest?: string };

export type WireItem = Record<string, WireValue>;

/** The ten DynamoDB types. */
export type StoredType = "S" | "N" | "B" | "BOOL" | "NULL" | "SS" | "NS" | "BS" | "L" | "M";
export type WireType = StoredType | "REDACTED";

export function isRedacted(value: WireValue): value is RedactedValue {
  return "REDACTED" in value;
}

/** DynamoDB's number syntax (at most 38 significant digits and the exponent range are left to DynamoDB to enforce). */
export const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const numberString = z.string().regex(NUMBER_PATTERN, "is not a DynamoDB number");
const base64String = z.string().regex(BASE64_PATTERN, "is not base64");

/** Stored values only: a redaction marker is never valid input (keys, cursors and filters go to DynamoDB). */
export const wireValueSchema: z.ZodType<WireValue> = z.lazy(() =>
  z.union([
    z.strictObject({ S: z.string() }),
    z.strictObject({ N: numberString }),
    z.strictObject({ B: base64String }),
    z.strictObject({ BOOL: z.boolean() }),
    z.strictObject({ NULL: z.literal(true) }),
    z.strictObject({ SS: z.array(z.string()).min(1) }),
    z.strictObject({ NS: z.array(numberString).min(1) }),
    z.strictObject({ BS: z.array(base64String).min(1) }),
    z.strictObject({ L: z.array(wireValueSchema) }),
    z.strictObject({ M: z.record(z.string(), wireValueSchema) }),
  ]),
);

export const wireItemSchema = z.record(z.string(), wireValueSchema);

export function wireType(value: WireValue): WireType {
  return Object.keys(value)[0] as WireType;
}

const toBase64 = bytesToBase64;
const fromBase64 = base64ToBytes;

/** SDK AttributeValue (B as bytes) → wire (B as base64). */
export function toWire(value: AttributeValue): WireValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: toBase64(value.B) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(toBase64) };
  if (value.L !== undefined) return { L: value.L.map(toWire) };
  if (value.M !== undefined) return { M: toWireItem(value.M) };
  throw new TypeError(`Unsupported attribute value with keys ${Object.keys(value).join(",")}`);
}

/**
 * Sets an own, enumerable property. Plain assignment would not do for attribute names: `obj["__proto__"] = v` replaces
 * the object's prototype instead, so the attribute would vanish and the object would inherit from item data.
 */
function defineAttribute<V>(target: Record<string, V>, name: string, value: V): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

export function toWireItem(item: Record<string, AttributeValue>): WireItem {
  const result: WireItem = {};
  for (const [name, value] of Object.entries(item) as Array<[string, AttributeValue | undefined]>) {
    // The SDK hands back a top-level attribute named "__proto__" as an own property with its value lost (undefined).
    // There is nothing to show for it; skipping it keeps the rest of the item readable instead of failing the request.
    if (value === undefined) continue;
    defineAttribute(result, name, toWire(value));
  }
  return result;
}

/** Wire → SDK AttributeValue, for keys and filter values sent to DynamoDB. */
export function fromWire(value: WireValue): AttributeValue {
  if ("S" in value) return { S: value.S };
  if ("N" in value) return { N: value.N };
  if ("B" in value) return { B: fromBase64(value.B) };
  if ("BOOL" in value) return { BOOL: value.BOOL };
  if ("NULL" in value) return { NULL: true };
  if ("SS" in value) return { SS: value.SS };
  if ("NS" in value) return { NS: value.NS };
  if ("BS" in value) return { BS: value.BS.map(fromBase64) };
  if ("L" in value) return { L: value.L.map(fromWire) };
  if ("M" in value) return { M: fromWireItem(value.M) };
  throw new TypeError("A redacted value cannot be sent to DynamoDB.");
}

export function fromWireItem(item: WireItem): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(item)) defineAttribute(result, name, fromWire(value));
  return result;
}
