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
const MAX_CURSOR_LENGTH = 8_192;

const payloadSchema = z.strictObject({ v: z.literal(1), s: z.string(), k: wireItemSchema });

function secret(): Buffer | string {
  return env().cursorSecret ?? processSecret;
}

function sign(body: string): string {
  return createHmac("sha256", secret()).update(body).digest("base64url");
}

export function encodeCursor(scope: string, lastEvaluatedKey: WireItem): string {
  const body = Buffer.from(JSON.stringify({ v: 1, s: scope, k: lastEvaluatedKey }), "utf8").toString("base64url");
  return `${body}.${sign(body)}`;
}

const invalid = (why: string) => new AppError("BAD_REQUEST", `cursor: ${why} Start again from the first page.`);

/** The LastEvaluatedKey inside a cursor, after checking its signature, its scope and its exact key attributes. */
export function decodeCursor(cursor: string, scope: string, keyAttributes: readonly string[]): WireItem {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalid("is too long.");
  const [body, signature, extra] = cursor.split(".");
  if (!body || !signature || extra !== undefined) throw invalid("is not a cursor this server issued.");
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid("failed its integrity check (edited, or issued before the server restarted).");
  }
  let payload: z.infer<typeof payloadSchema>;
  try {
    payload = payloadSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    throw invalid("is malformed.");
  }
  if (payload.s !== scope) throw invalid("belongs to another table, index or query.");
  const names = Object.keys(payload.k).sort();
  const wanted = [...keyAttributes].sort();
  const keyTyped = Object.values(payload.k).every((value) => "S" in value || "N" in value || "B" in value);
  if (names.length !== wanted.length || names.some((name, index) => name !== wanted[index]) || !keyTyped) {
    throw invalid(`does not hold exactly the key attributes ${wanted.join(", ")}.`);
  }
  return payload.k;
}
