import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { accessFor, type Access } from "@/lib/server/auth/access";
import { requestIdentity } from "@/lib/server/auth/identity";
import type { Scope } from "@/lib/scope/scope";
import { scopeFromUrl } from "@/lib/server/scope/resolve-scope";
import { errorResponse } from "./error-response";

/**
 * Every API route runs through here: it resolves the caller (a 401 in proxy mode without the identity header), then
 * the account and region the request reads (`?account=&region=`, defaulting to the first configured; an unknown one
 * is a 400 that lists the known ones), hands the body both, and turns any thrown error into the JSON error envelope.
 * A test checks that every handler under app/api uses it, so no route can skip the identity or scope check.
 */
export async function handleRoute(request: Request, body: (access: Access, scope: Scope) => Promise<Response>): Promise<Response> {
  try {
    const access = accessFor(requestIdentity(request));
    return await body(access, scopeFromUrl(new URL(request.url)));
  } catch (error) {
    return errorResponse(error);
  }
}

/** Parses untrusted input; a failure becomes a 400 that says which field was wrong. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new AppError("BAD_REQUEST", `${where}${issue?.message ?? "Invalid input."}`);
  }
  return result.data;
}

type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

type Handler = (request: Request) => Promise<Response>;

/** Handlers that answer 405 in the error envelope for every method a route does not serve (after the identity check). */
export function methodNotAllowed(allowed: readonly Method[]): Record<"POST" | "PUT" | "PATCH" | "DELETE", Handler> {
  const respond: Handler = (request) =>
    handleRoute(request, async () =>
      Response.json(new AppError("METHOD_NOT_ALLOWED", `Method not allowed. This route accepts ${allowed.join(", ")}.`).toEnvelope(), {
        status: 405,
        headers: { Allow: allowed.join(", "), "Cache-Control": "no-store" },
      }),
    );
  return { POST: respond, PUT: respond, PATCH: respond, DELETE: respond };
}
