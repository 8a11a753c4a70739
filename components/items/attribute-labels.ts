import type { EpochHint } from "@/lib/dynamo/epoch";
import { wireType, type WireItem, type WireType, type WireValue } from "@/lib/dynamo/wire-value";

/**
 * Pure labelling helpers for the item viewer. They only ever read N and NS as strings, so a 38-digit number
 * reaches the screen exactly as DynamoDB sent it.
 */

export type KeyAttributes = { partitionKey: string; sortKey: string | null };

const TYPE_NAMES: Record<WireType, string> = {
  S: "String",
  N: "Number",
  B: "Binary",
  BOOL: "Boolean",
  NULL: "Null",
  SS: "String set",
  NS: "Number set",
  BS: "Binary set",
  L: "List",
  M: "Map",
  REDACTED: "Redacted",
};

/** The DynamoDB type descriptor ("N", "SS", "M", …) shown on a value's badge. */
export function typeLabel(value: WireValue): WireType {
  return wireType(value);
}

/** A plain-language name for a type descriptor, for screen readers and tooltips. */
export function typeName(type: WireType): string {
  return TYPE_NAMES[type];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 keys", "5 items", "2 members"; null for scalars, which have no children. */
export function childCountLabel(value: WireValue): string | null {
  if ("M" in value) return plural(Object.keys(value.M).length, "key", "keys");
  if ("L" in value) return plural(value.L.length, "item", "items");
  if ("SS" in value) return plural(value.SS.length, "member", "members");
  if ("NS" in value) return plural(value.NS.length, "member", "members");
  if ("BS" in value) return plural(value.BS.length, "member", "members");
  return null;
}

/** "M · 3 keys", "L · 5 items", "NS · 2 members"; null for scalars. */
export function childSummary(value: WireValue): string | null {
  const count = childCountLabel(value);
  return count === null ? null : `${typeLabel(value)} · ${count}`;
}

/** Set members exactly as stored (strings, decimal strings or base64); null for anything that is not a set. */
export function setMembers(value: WireValue): readonly string[] | null {
  if ("SS" in value) return value.SS;
  if ("NS" in value) return value.NS;
  if ("BS" in value) return value.BS;
  return null;
}

export type Truncated = { shown: string; hiddenLength: number };

/**
 * Cuts text to at most `max` UTF-16 code units without splitting a surrogate pair, so a truncated emoji never
 * turns into a replacement character.
 */
export function truncateText(text: string, max: number): Truncated {
  if (text.length <= max) return { shown: text, hiddenLength: 0 };
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { shown: text.slice(0, end), hiddenLength: text.length - end };
}

/** Base64 is ASCII, so this is a plain cut; kept separate so callers say what they are truncating. */
export function truncateBase64(text: string, max: number): Truncated {
  return truncateText(text, max);
}

/**
 * A visible marker for strings that would otherwise render as nothing: DynamoDB allows empty strings (outside
 * keys) and whitespace-only strings, and both must stay distinguishable from a missing value.
 */
export function stringMarker(text: string): string | null {
  if (text.length === 0) return "(empty string)";
  if (text.trim().length === 0) return `(${plural(text.length, "whitespace character", "whitespace characters")})`;
  return null;
}

/** "2026-01-01T00:00:00Z (epoch seconds)": how a number reads as a time. */
export function epochText(hint: EpochHint): string {
  return `${hint.iso} (epoch ${hint.unit})`;
}

/** "1767225600 — 2026-01-01T00:00:00Z (epoch seconds)", or the exact digits when the number is not a time. */
export function numberDescription(n: string, hint: EpochHint | null): string {
  return hint === null ? n : `${n} — ${epochText(hint)}`;
}

/** Nodes at depth 1 (top-level attributes) and 2 start open; deeper ones start collapsed to keep big items scannable. */
export const DEFAULT_EXPANDED_DEPTH = 2;

export function isExpandedByDefault(depth: number): boolean {
  return depth <= DEFAULT_EXPANDED_DEPTH;
}

export type KeyRole = "partition key" | "sort key";

export function keyRole(name: string, keys: KeyAttributes): KeyRole | null {
  if (name === keys.partitionKey) return "partition key";
  if (keys.sortKey !== null && name === keys.sortKey) return "sort key";
  return null;
}

/**
 * Key attributes first (partition, then sort), the rest by name. DynamoDB returns attributes in no particular
 * order, so sorting keeps the view stable; code-unit order (not locale order) makes server and browser agree.
 */
export function orderAttributeNames(item: WireItem, keys: KeyAttributes): string[] {
  const rank = (name: string) => (name === keys.partitionKey ? 0 : name === keys.sortKey ? 1 : 2);
  return Object.keys(item).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
