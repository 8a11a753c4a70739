import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { SpaceSaving } from "@/lib/jobs/space-saving";
import { DEFAULT_MAX_SEGMENTS, type Delimiter, looksLikeId, segmentClass, splitKey, type VariableClass, wordVariableClass } from "./key-segments";

/**
 * Literal-or-variable decisions for key segments, learnt online in bounded memory. Client-safe, pure.
 *
 * Each key attribute value is split by its attribute's delimiter. A segment whose text says it is unique (number, UUID,
 * date, timestamp, long hex) is a variable at once. Any other segment is a word, counted in its context (attribute,
 * segment count, position). A context counts at most `maxWords` distinct words exactly; one more and it "overflows"
 * into a Space-Saving summary (lib/jobs/space-saving.ts) of maxWords counters: the position is high-cardinality, so
 * its words are variables from then on except its heavy hitters (a literal many items share survives among ids), and
 * the owner is told (`takeDirty`) to fold the shapes that still spell the others out. Whether a word is a literal is
 * settled from the final counts at result time (`resolve`). Memory: contexts ≤ attributes × maxSegments², each
 * holding ≤ maxWords words.
 */

/** A key value's shape, encoded as JSON: ["S", "wCUSTOMER", "cid"], ["N"] or ["B"]. Words keep their text. */
export type KeySignature = string;
export type KeyRole = "partition" | "sort";

export type ResolvedKey = {
  /** e.g. CUSTOMER#{id} or ORDER#{date}#{id}. */
  text: string;
  /** Literals with each run of variables as *, e.g. ORDER#*: what tells entity types apart. "*" when all variable. */
  skeleton: string;
  /** The last literal, lowercased, as a name: "order", "profile"; null when the key has no literal. */
  label: string | null;
  literals: string[];
};

export const DEFAULT_MAX_WORDS = 64;
/** A literal is a word that repeats: on average each distinct word of its position is on at least this many items. */
export const MIN_LITERAL_REPEAT = 2;

/**
 * A position's words: exact counts while it has at most maxWords distinct ones; then a Space-Saving summary of
 * maxWords counters whose heavy hitters (guaranteed count ≥ max(MIN_LITERAL_REPEAT, wordItems / maxWords)) stay
 * literal candidates, so PROFILE survives next to a flood of ids in the same position.
 */
type Context = { wordItems: number; words: Map<string, number> | null; summary: SpaceSaving | null; heavy: Set<string>; sinceRefresh: number };

/** Offers between recomputing a summarised position's heavy words. */
const HEAVY_REFRESH = 256;

export class KeyPatternBook {
  private readonly contexts = new Map<string, Context>();
  private readonly delimiters = new Map<string, Delimiter | null>();
  private dirty = false;

  constructor(
    readonly maxWords = DEFAULT_MAX_WORDS,
    readonly maxSegments = DEFAULT_MAX_SEGMENTS,
  ) {}

  setDelimiter(attribute: string, delimiter: Delimiter | null): void {
    this.delimiters.set(attribute, delimiter);
  }

  /** undefined while not yet decided. */
  delimiterOf(attribute: string): Delimiter | null | undefined {
    return this.delimiters.get(attribute);
  }

  /** Whether a context overflowed since the last call: shapes holding words may now fold together. */
  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  footprint(): { contexts: number; words: number } {
    let words = 0;
    for (const context of this.contexts.values()) words += context.words?.size ?? context.summary?.size ?? 0;
    return { contexts: this.contexts.size, words };
  }

  /** Counts a key value and returns its signature; null for a value that cannot be a key (not S, N or B). */
  observe(attribute: string, value: AttributeValue | undefined): KeySignature | null {
    return this.signature(attribute, value, true);
  }

  /** The signature a value would get now, counting nothing (for keys looked at after the scan, e.g. top collections). */
  peek(attribute: string, value: AttributeValue | undefined): KeySignature | null {
    return this.signature(attribute, value, false);
  }

  /** The signature with every word of an overflowed position replaced by a variable. */
  canonical(attribute: string, signature: KeySignature): KeySignature {
    const tokens = parse(signature);
    if (tokens[0] !== "S") return signature;
    const segments = tokens.length - 1;
    const out = tokens.map((token, index) => {
      if (index === 0 || !token.startsWith("w")) return token;
      const context = this.contexts.get(contextKey(attribute, segments, index - 1));
      return context && isWord(context, token.slice(1)) ? token : "cid";
    });
    return JSON.stringify(out);
  }

  /**
   * Names the signature's pattern from the counts so far. A word is a literal when its position kept few distinct
   * words that repeat (MIN_LITERAL_REPEAT), and:
   * - after the first segment, it does not mix letters and digits (c1, o42 are ids);
   * - right after a literal, its position holds a single word (STATUS#pending, STATUS#shipped: the status is data);
   * - as the whole of a partition key, it has no lowercase letters (CONFIG is a literal, alice a user).
   */
  resolve(attribute: string, role: KeyRole, signature: KeySignature): ResolvedKey {
    const tokens = parse(signature);
    const kind = tokens[0];
    if (kind === "N") return variableOnly("number");
    if (kind === "B") return variableOnly("binary");
    const delimiter = this.delimiters.get(attribute) ?? "";
    const segments = tokens.length - 1;
    const parts: Array<{ literal: string } | { variable: VariableClass }> = [];
    let previousLiteral = false;
    for (let position = 0; position < segments; position++) {
      const token = tokens[position + 1] ?? "cid";
      const word = token.startsWith("w") ? token.slice(1) : null;
      const literal: boolean = word !== null && this.isLiteral(attribute, role, segments, position, word, previousLiteral);
      if (literal && word !== null) parts.push({ literal: word });
      else parts.push({ variable: word !== null ? wordVariableClass(word) : (token.slice(1) as VariableClass) });
      previousLiteral = literal;
    }
    const literals = parts.flatMap((part) => ("literal" in part ? [part.literal] : []));
    const text = parts.map((part) => ("literal" in part ? part.literal : `{${part.variable}}`)).join(delimiter);
    const skeletonParts: string[] = [];
    for (const part of parts) {
      const piece = "literal" in part ? part.literal : "*";
      if (piece === "*" && skeletonParts[skeletonParts.length - 1] === "*") continue;
      skeletonParts.push(piece);
    }
    const last = literals[literals.length - 1];
    return { text, skeleton: skeletonParts.join(delimiter), label: last === undefined ? null : labelOf(last), literals };
  }

  private isLiteral(attribute: string, role: KeyRole, segments: number, position: number, word: string, afterLiteral: boolean): boolean {
    const context = this.contexts.get(contextKey(attribute, segments, position));
    if (!context || !isWord(context, word)) return false;
    const distinct = context.words?.size ?? context.heavy.size;
    if (context.words !== null && context.wordItems / distinct < MIN_LITERAL_REPEAT) return false;
    if (position > 0 && looksLikeId(word)) return false;
    if (position > 0 && afterLiteral && distinct > 1) return false;
    if (segments === 1 && role === "partition" && /[a-z]/.test(word)) return false;
    return true;
  }

  private signature(attribute: string, value: AttributeValue | undefined, count: boolean): KeySignature | null {
    if (value === undefined) return null;
    if (value.N !== undefined) return '["N"]';
    if (value.B !== undefined) return '["B"]';
    if (value.S === undefined) return null;
    const segments = splitKey(value.S, this.delimiters.get(attribute) ?? null, this.maxSegments);
    const tokens = ["S"];
    segments.forEach((segment, position) => {
      const variable = segmentClass(segment);
      tokens.push(variable !== null ? `c${variable}` : this.word(contextKey(attribute, segments.length, position), segment, count));
    });
    return JSON.stringify(tokens);
  }

  /**
   * Summarises the position with the most distinct words before it reaches maxWords: the owner's shape table is
   * full, and a position that wide is the likeliest to be ids. Its heavy words stay. False when none is left.
   */
  summariseWidest(): boolean {
    let widest: Context | null = null;
    for (const context of this.contexts.values()) {
      if (context.words !== null && context.words.size >= 2 && (widest === null || context.words.size > (widest.words?.size ?? 0))) widest = context;
    }
    if (widest === null) return false;
    this.summarise(widest);
    refreshHeavy(widest, this.maxWords);
    return true;
  }

  /** Settles the summarised positions' heavy words from their final counts (result time). */
  refresh(): void {
    for (const context of this.contexts.values()) if (context.summary) refreshHeavy(context, this.maxWords);
  }

  private word(key: string, word: string, count: boolean): string {
    let context = this.contexts.get(key);
    if (!count) return context && isWord(context, word) ? `w${word}` : "cid";
    if (!context) {
      context = { wordItems: 0, words: new Map(), summary: null, heavy: new Set(), sinceRefresh: 0 };
      this.contexts.set(key, context);
    }
    context.wordItems++;
    const words = context.words;
    if (words === null) {
      context.summary?.offer(word, 1);
      if (++context.sinceRefresh >= HEAVY_REFRESH) refreshHeavy(context, this.maxWords);
      return context.heavy.has(word) ? `w${word}` : "cid";
    }
    const seen = words.get(word);
    if (seen !== undefined) words.set(word, seen + 1);
    else if (words.size < this.maxWords) words.set(word, 1);
    else {
      this.summarise(context);
      context.summary?.offer(word, 1);
      refreshHeavy(context, this.maxWords);
      return context.heavy.has(word) ? `w${word}` : "cid";
    }
    return `w${word}`;
  }

  private summarise(context: Context): void {
    // The largest first, so the words that were already frequent enter the summary with no error.
    const summary = new SpaceSaving(this.maxWords);
    for (const [known, knownCount] of [...(context.words ?? [])].sort((a, b) => b[1] - a[1])) summary.offer(known, knownCount);
    context.summary = summary;
    context.words = null;
    this.dirty = true;
  }
}

function isWord(context: Context, word: string): boolean {
  return context.words !== null ? context.words.has(word) : context.heavy.has(word);
}

function refreshHeavy(context: Context, maxWords: number): void {
  context.sinceRefresh = 0;
  const floor = Math.max(MIN_LITERAL_REPEAT, context.wordItems / maxWords);
  context.heavy = new Set((context.summary?.counters() ?? []).filter((counter) => counter.count - counter.error >= floor).map((counter) => counter.id));
}

function contextKey(attribute: string, segments: number, position: number): string {
  return `${attribute}\u0000${segments}\u0000${position}`;
}

function parse(signature: KeySignature): string[] {
  const parsed: unknown = JSON.parse(signature);
  if (!Array.isArray(parsed) || !parsed.every((token): token is string => typeof token === "string")) throw new TypeError("not a key signature");
  return parsed;
}

function variableOnly(variable: VariableClass): ResolvedKey {
  return { text: `{${variable}}`, skeleton: "*", label: null, literals: [] };
}

/** CUSTOMER → customer, ORDER_LINE → order line. */
export function labelOf(literal: string): string {
  return literal.replace(/[_-]+/g, " ").trim().toLowerCase();
}
