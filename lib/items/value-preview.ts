import { base64ByteLength } from "@/lib/dynamo/base64";
import type { WireValue } from "@/lib/dynamo/wire-value";

/** A one-line preview of a value for list cells. Numbers and strings are shown verbatim (strings cut at `max`). */
export function previewValue(value: WireValue | undefined, max = 80): string {
  if (!value) return "";
  if ("S" in value) return value.S.length > max ? `${value.S.slice(0, max)}…` : value.S;
  if ("N" in value) return value.N;
  if ("B" in value) return `binary · ${base64ByteLength(value.B)} bytes`;
  if ("BOOL" in value) return String(value.BOOL);
  if ("NULL" in value) return "null";
  if ("SS" in value) return `SS · ${value.SS.length}`;
  if ("NS" in value) return `NS · ${value.NS.length}`;
  if ("BS" in value) return `BS · ${value.BS.length}`;
  if ("L" in value) return `list · ${value.L.length}`;
  if ("M" in value) return `map · ${Object.keys(value.M).length} keys`;
  return value.digest ?? "redacted";
}

/** The raw text of a key value (S and N as written, B as base64), as it goes into ?pk= and ?sk=. */
export function keyText(value: WireValue | undefined): string {
  if (!value) return "";
  if ("S" in value) return value.S;
  if ("N" in value) return value.N;
  if ("B" in value) return value.B;
  // A viewer's key digest: shown as-is, so the same key is recognisable across panels.
  if ("REDACTED" in value) return value.digest ?? "";
  return "";
}

/** The most common top-level attribute names in a sample of items, keys excluded: the columns worth showing. */
export function commonAttributes(items: ReadonlyArray<Record<string, unknown>>, exclude: ReadonlySet<string>, count: number): string[] {
  const seen = new Map<string, number>();
  for (const item of items.slice(0, 500)) {
    for (const name of Object.keys(item)) if (!exclude.has(name)) seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([name]) => name);
}
