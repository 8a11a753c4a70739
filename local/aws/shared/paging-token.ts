import { createHash } from "node:crypto";
import { z } from "zod";

/**
 * Opaque paging tokens. A token carries a fingerprint of the request it belongs to, so a token
 * replayed with a different request (other queries, times or filters) is refused, as AWS refuses it,
 * rather than silently skipping data.
 */

const envelopeSchema = z.object({ op: z.string(), fp: z.string(), at: z.unknown() });

export function fingerprint(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("base64url").slice(0, 22);
}

export function encodeToken(operation: string, requestFingerprint: string, position: unknown): string {
  return Buffer.from(JSON.stringify({ op: operation, fp: requestFingerprint, at: position })).toString("base64url");
}

/** The position a token holds, or undefined when it is not a token this operation issued for this request. */
export function decodeToken<T>(token: string, operation: string, requestFingerprint: string, positionSchema: z.ZodType<T>): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    // Any undecodable token is simply not one of ours; the caller answers with the operation's token error.
    return undefined;
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || envelope.data.op !== operation || envelope.data.fp !== requestFingerprint) return undefined;
  const position = positionSchema.safeParse(envelope.data.at);
  return position.success ? position.data : undefined;
}
