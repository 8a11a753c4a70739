/**
 * Splitting key values into segments and telling, from the text alone, which segments can only be variables.
 * Client-safe, pure. Whether a word-like segment (CUSTOMER, PROFILE, c1, pending) is a literal or a variable is NOT
 * decided here: that needs counts over the data (key-pattern.ts).
 */

/** The delimiters single-table designs use, in order of preference when two fit equally well. */
export const DELIMITERS = ["#", "|", ":", "_"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** What a variable segment looks like. number/uuid/date/timestamp are recognised from the text; id/value from counts. */
export type VariableClass = "number" | "uuid" | "date" | "timestamp" | "id" | "value" | "binary";

/** Segments past this many are kept joined in the last one, so a key with many delimiters cannot blow up the counters. */
export const DEFAULT_MAX_SEGMENTS = 8;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;
/** ISO 8601 date-times, also cut short at the hour or minute (a `:` delimiter cuts them there). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;
/** Long hex strings: hashes, ObjectIds, digests. */
const HEX = /^(?=.*\d)[0-9a-f]{16,}$/i;
/** Longer than any literal a schema would spell out. */
const MAX_WORD_LENGTH = 64;

/**
 * The class of a segment that can only be a variable, or null for a word that could be a literal. Numbers, UUIDs,
 * ISO dates and timestamps, long hex strings and very long segments are unique values by their shape.
 */
export function segmentClass(segment: string): VariableClass | null {
  if (NUMBER.test(segment)) return "number";
  if (UUID.test(segment)) return "uuid";
  if (TIMESTAMP.test(segment)) return "timestamp";
  if (DATE.test(segment)) return "date";
  if (HEX.test(segment) || segment.length > MAX_WORD_LENGTH) return "id";
  return null;
}

/** Letters and digits mixed (c1, o42, cust-001): an identifier, not a literal, when it follows another segment. */
export function looksLikeId(word: string): boolean {
  return /\d/.test(word) && /[A-Za-z]/.test(word);
}

/** The class a word gets when counts say it is a variable. */
export function wordVariableClass(word: string): VariableClass {
  return /\d/.test(word) ? "id" : "value";
}

/** Splits on the delimiter; segments past `maxSegments` stay joined in the last one. No delimiter: one segment. */
export function splitKey(value: string, delimiter: Delimiter | null, maxSegments = DEFAULT_MAX_SEGMENTS): string[] {
  if (delimiter === null) return [value];
  const parts = value.split(delimiter);
  if (parts.length <= maxSegments) return parts;
  return [...parts.slice(0, maxSegments - 1), parts.slice(maxSegments - 1).join(delimiter)];
}

export type DelimiterScore = { delimiter: Delimiter; score: number; values: number };

/** Below this share of values explained by a delimiter, the key is taken to have none. */
export const MIN_DELIMITER_SHARE = 0.01;

/**
 * Scores each delimiter on a sample of key values: the share of values that contain it AND whose first segment is a
 * word seen on at least two sampled values (a shared prefix such as CUSTOMER). The first-segment test is what keeps
 * `:` inside ISO timestamps (2024-01-01T10:00) or `_` inside free text from winning: their first segments are dates
 * or one-off words. Highest score first; ties keep the DELIMITERS order.
 */
export function scoreDelimiters(values: readonly string[]): DelimiterScore[] {
  const scores = DELIMITERS.map((delimiter) => {
    const prefixes = new Map<string, number>();
    for (const value of values) {
      const cut = value.indexOf(delimiter);
      if (cut < 0) continue;
      const first = value.slice(0, cut);
      if (first === "" || segmentClass(first) !== null) continue;
      prefixes.set(first, (prefixes.get(first) ?? 0) + 1);
    }
    let shared = 0;
    for (const count of prefixes.values()) if (count >= 2) shared += count;
    return { delimiter, score: values.length === 0 ? 0 : shared / values.length, values: shared };
  });
  return scores.sort((a, b) => b.score - a.score || DELIMITERS.indexOf(a.delimiter) - DELIMITERS.indexOf(b.delimiter));
}

/** The delimiter the sample uses most consistently, or null when none explains at least MIN_DELIMITER_SHARE of it. */
export function chooseDelimiter(values: readonly string[]): Delimiter | null {
  const best = scoreDelimiters(values)[0];
  return best !== undefined && best.values >= 2 && best.score >= MIN_DELIMITER_SHARE ? best.delimiter : null;
}
