import "server-only";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { wireValueSchema, type WireItem } from "@/lib/dynamo/wire-value";
import { holdsExactKey, invalidCursor, MAX_CURSOR_LENGTH, openCursorBody, sealCursorBody } from "./cursor-codec";

/**
 * The cursor of a Scan spread over segments: where each segment that still has items stopped (its LastEvaluatedKey),
 * and how many segments the key space was split into. A segment read to its end is simply not listed.
 *
 * Like every cursor it is signed (HMAC-SHA256) and bound to a scope, and each position is checked to hold exactly the
 * key attributes of the table or index, with key types, so a cursor that was edited, taken from elsewhere or forged
 * is a 400 and never reaches DynamoDB. Up to 200 positions have to fit in a URL, so the body is compact JSON (the
 * attribute names once, then each position's values in that order), deflated, then base64url.
 */
export type SegmentPosition = { segment: number; startKey: WireItem };
/** `dropped`: segments earlier pages stopped continuing because their positions did not fit (see encodeSegmentCursor). */
export type SegmentCursor = { totalSegments: number; open: SegmentPosition[]; dropped: number };

/** DynamoDB allows up to 1,000,000 segments; a cursor of ours never holds more than this. */
const MAX_TOTAL_SEGMENTS = 1_000;
/** Inflated bodies larger than this are refused before they are parsed. */
const MAX_INFLATED_BYTES = 1_048_576;

const keyValueSchema = wireValueSchema.refine((value) => "S" in value || "N" in value || "B" in value, "is not a key type");
const payloadSchema = z.strictObject({
  v: z.literal(2),
  s: z.string(),
  n: z.number().int().min(1).max(MAX_TOTAL_SEGMENTS),
  d: z.number().int().min(0).max(MAX_TOTAL_SEGMENTS),
  a: z.array(z.string()).min(1).max(4),
  o: z.array(z.array(z.union([z.number().int().min(0), keyValueSchema])).min(2)).min(1).max(MAX_TOTAL_SEGMENTS),
});

function bodyOf(scope: string, cursor: SegmentCursor, attributes: readonly string[], count: number): string {
  const open = cursor.open.slice(0, count);
  const rows = open.map((position) => [
    position.segment,
    ...attributes.map((name) => {
      const value = position.startKey[name];
      // DynamoDB's LastEvaluatedKey always holds the key attributes; anything else is a bug here, not bad input.
      if (!value) throw new Error(`LastEvaluatedKey of segment ${position.segment} lacks key attribute ${name}`);
      return value;
    }),
  ]);
  const json = JSON.stringify({ v: 2, s: scope, n: cursor.totalSegments, d: cursor.dropped + cursor.open.length - count, a: attributes, o: rows });
  return deflateRawSync(Buffer.from(json, "utf8"), { level: 9 }).toString("base64url");
}

/**
 * The cursor for the segments still open, or null when none is. When the positions do not all fit in MAX_CURSOR_LENGTH
 * (long keys), the last ones are left out and counted in `dropped`: those segments are not continued, and the caller
 * reports it rather than claiming the table was read to its end.
 */
export function encodeSegmentCursor(scope: string, cursor: SegmentCursor, keyAttributes: readonly string[]): { cursor: string | null; dropped: number } {
  if (cursor.open.length === 0) return { cursor: null, dropped: 0 };
  const attributes = [...keyAttributes];
  const fits = (count: number) => sealCursorBody(bodyOf(scope, cursor, attributes, count));
  const whole = fits(cursor.open.length);
  if (whole.length <= MAX_CURSOR_LENGTH) return { cursor: whole, dropped: 0 };
  // Binary search for the most positions that fit: deflate makes the length grow unevenly, but never shrink with more rows.
  let low = 0;
  let high = cursor.open.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle).length <= MAX_CURSOR_LENGTH) low = middle;
    else high = middle - 1;
  }
  return { cursor: low === 0 ? null : fits(low), dropped: cursor.open.length - low };
}

/** The positions inside a cursor, after checking its signature, scope, segment numbers and each key's attributes. */
export function decodeSegmentCursor(text: string, scope: string, keyAttributes: readonly string[]): SegmentCursor {
  const body = openCursorBody(text);
  let payload: z.infer<typeof payloadSchema>;
  try {
    const json = inflateRawSync(Buffer.from(body, "base64url"), { maxOutputLength: MAX_INFLATED_BYTES }).toString("utf8");
    payload = payloadSchema.parse(JSON.parse(json));
  } catch {
    throw invalidCursor("is malformed.");
  }
  if (payload.s !== scope) throw invalidCursor("belongs to another account, region, table, index or query.");
  const wanted = [...keyAttributes];
  if (payload.a.length !== wanted.length || payload.a.some((name, index) => name !== wanted[index])) {
    throw invalidCursor(`does not hold exactly the key attributes ${[...wanted].sort().join(", ")}.`);
  }
  const seen = new Set<number>();
  const open = payload.o.map((row): SegmentPosition => {
    const [segment, ...values] = row;
    if (typeof segment !== "number" || segment >= payload.n || seen.has(segment)) throw invalidCursor("names a segment it cannot hold.");
    seen.add(segment);
    const keyValues = values.filter((value) => typeof value !== "number");
    const entries = wanted.flatMap((name, index) => {
      const value = keyValues[index];
      return value ? [[name, value] as const] : [];
    });
    // Object.fromEntries defines own properties, so an attribute named __proto__ stays a plain key.
    const startKey: WireItem = Object.fromEntries(entries);
    if (keyValues.length !== values.length || entries.length !== values.length || !holdsExactKey(startKey, wanted)) {
      throw invalidCursor(`does not hold exactly the key attributes ${[...wanted].sort().join(", ")}.`);
    }
    return { segment, startKey };
  });
  if (open.length + payload.d > payload.n) throw invalidCursor("names a segment it cannot hold.");
  return { totalSegments: payload.n, open, dropped: payload.d };
}
