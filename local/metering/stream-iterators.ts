import { z } from "zod";

/**
 * The proxy's shard iterators. AWS's are opaque strings of at most 2048 characters that expire 15 minutes after they
 * are returned; a reader only passes them back. The proxy's own say which virtual shard they read and from where, so
 * it can keep a reader inside its shard's range, and when they were issued, so it can expire them as AWS does
 * (DynamoDB Local's own iterators are minted afresh for every page and never reach the reader).
 */

export type StreamIterator = {
  streamArn: string;
  shardId: string;
  /** The last sequence number already read: the next page starts above it. */
  after: bigint;
  issuedAtMs: number;
};

/** AWS: "A shard iterator expires 15 minutes after it is returned to the requester." */
export const ITERATOR_MAX_AGE_MS = 15 * 60_000;
export const MAX_ITERATOR_LENGTH = 2048;

const PREFIX = "dlp1.";
const payload = z.object({ a: z.string(), s: z.string(), p: z.string().regex(/^\d+$/), t: z.number().int().nonnegative() });

export function encodeIterator(iterator: StreamIterator): string {
  const json = JSON.stringify({ a: iterator.streamArn, s: iterator.shardId, p: iterator.after.toString(), t: iterator.issuedAtMs });
  const token = `${PREFIX}${Buffer.from(json, "utf8").toString("base64url")}`;
  if (token.length > MAX_ITERATOR_LENGTH) throw new Error(`A shard iterator of ${token.length} characters would exceed AWS's ${MAX_ITERATOR_LENGTH}`);
  return token;
}

/** The iterator a token holds, or undefined for anything the proxy did not issue (the caller answers ValidationException). */
export function decodeIterator(token: string): StreamIterator | undefined {
  // Node's base64url decoder skips characters outside the alphabet, so the alphabet is checked first.
  if (!token.startsWith(PREFIX) || token.length > MAX_ITERATOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token.slice(PREFIX.length))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token.slice(PREFIX.length), "base64url").toString("utf8"));
  } catch {
    // Not JSON inside: a garbled or foreign token, which is the caller's ValidationException, not a proxy failure.
    return undefined;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return undefined;
  return { streamArn: parsed.data.a, shardId: parsed.data.s, after: BigInt(parsed.data.p), issuedAtMs: parsed.data.t };
}
