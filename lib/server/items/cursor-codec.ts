import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { wireItemSchema, type WireItem } from "@/lib/dynamo/wire-value";

/**
 * Pagination cursors are an encoded LastEvaluatedKey, signed with HMAC-SHA256 and bound to a scope (what was being
 * read: kind, table, index, and the query's conditions). A cursor edited by hand, or taken from another table, index
 * or query, fails the check and gets a 400; it is never sent to DynamoDB.
 */
const processSecret = randomBytes(32);
export const MAX_CURSOR_LENGTH = 8_192;

const payloadSchema = z.strictObject({ v: z.literal(1), s: z.string(), k: wireItemSchema });

function secret(): Buffer | string {
  return env().cursorSecret ?? processSecret;
}

function sign(body: string): string {
  return createHmac("sha256", secret()).update(body).digest("base64url");
}

export function encodeCursor(scope: string, lastEvaluatedKey: WireItem): string {
  return sealCursorBody(Buffer.from(JSON.stringify({ v: 1, s: scope, k: lastEvaluatedKey }), "utf8").toString("base64url"));
}

/** A 400 for a cursor that fails a check; the message says to start again. */
export const invalidCursor = (why: string) => new AppError("BAD_REQUEST", `cursor: ${why} Start again from the first page.`);

/** `<body>.<signature>`: the form every cursor of this server takes, whatever its body encodes. */
export function sealCursorBody(body: string): string {
  return `${body}.${sign(body)}`;
}

/** The body of a cursor this server signed, after checking its length and signature; throws a 400 otherwise. */
export function openCursorBody(cursor: string): string {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalidCursor("is too long.");
  const [body, signature, extra] = cursor.split(".");
  if (!body || !signature || extra !== undefined) throw invalidCursor("is not a cursor this server issued.");
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalidCursor("failed its integrity check (edited, or issued before the server restarted).");
  }
  return body;
}

/** True when a key holds exactly these attributes, each a key type (S, N or B). */
export function holdsExactKey(key: WireItem, keyAttributes: readonly string[]): boolean {
  const names = Object.keys(key).sort();
  const wanted = [...keyAttributes].sort();
  const keyTyped = Object.values(key).every((value) => "S" in value || "N" in value || "B" in value);
  return names.length === wanted.length && names.every((name, index) => name === wanted[index]) && keyTyped;
}

/** The LastEvaluatedKey inside a cursor, after checking its signature, its scope and its exact key attributes. */
export function decodeCursor(cursor: string, scope: string, keyAttributes: readonly string[]): WireItem {
  const body = openCursorBody(cursor);
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    throw invalidCursor("is malformed.");
  }
  if (payload.s !== scope) throw invalidCursor("belongs to another account, region, table, index or query.");
  if (!holdsExactKey(payload.k, keyAttributes)) {
    throw invalidCursor(`does not hold exactly the key attributes ${[...keyAttributes].sort().join(", ")}.`);
  }
  return payload.k;
}
