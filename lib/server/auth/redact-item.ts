import "server-only";
import { createHash } from "node:crypto";
import { valueSize } from "@/lib/dynamo/value-size";
import { wireType, type RedactedValue, type StoredType, type WireItem, type WireValue } from "@/lib/dynamo/wire-value";

/** The marker a viewer gets instead of a value (see RedactedValue in lib/dynamo/wire-value.ts). */
export function redactValue(value: WireValue): RedactedValue {
  if ("REDACTED" in value) return value;
  return { REDACTED: wireType(value) as StoredType, bytes: valueSize(value) };
}

/**
 * "#" + the first 10 hex characters of SHA-256 of a key's text (S and N as written, B as base64). Short enough to
 * read, long enough that two keys in one table practically never share one; the same key gets the same digest in
 * Contributor Insights, key samples, verdicts and audits, so a viewer can still follow one key across panels.
 */
export function keyDigest(text: string): string {
  return `#${createHash("sha256").update(text, "utf8").digest("hex").slice(0, 10)}`;
}

/** A key value as its digest marker: the type and size stay, the value does not. */
export function digestValue(value: WireValue): RedactedValue {
  if ("REDACTED" in value) return value;
  const text = "S" in value ? value.S : "N" in value ? value.N : "B" in value ? value.B : JSON.stringify(value);
  return { ...redactValue(value), digest: keyDigest(text) };
}

export function digestItem(item: WireItem): WireItem {
  const result: WireItem = {};
  for (const [name, value] of Object.entries(item)) result[name] = digestValue(value);
  return result;
}

/**
 * Masks every value whose attribute name matches, at the top level and at any depth of maps (including maps inside
 * lists). `keep` names top-level attributes never masked: the table's key, which identifies the item. A matched map
 * is masked whole, so nothing under a redacted name leaves the server.
 */
export function redactItem(item: WireItem, matches: (name: string) => boolean, keep: ReadonlySet<string> = new Set()): WireItem {
  const result: WireItem = {};
  for (const [name, value] of Object.entries(item)) {
    result[name] = keep.has(name) ? value : matches(name) ? redactValue(value) : redactNested(value, matches);
  }
  return result;
}

function redactNested(value: WireValue, matches: (name: string) => boolean): WireValue {
  if ("M" in value) return { M: redactItem(value.M, matches) };
  if ("L" in value) return { L: value.L.map((element) => redactNested(element, matches)) };
  return value;
}
