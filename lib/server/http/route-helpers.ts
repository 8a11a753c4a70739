import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./error-response";

/** Runs a route body and turns any thrown error into the JSON error envelope. */
export async function handleRoute(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
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

/** Handlers that answer 405 in the error envelope for every method a route does not serve. */
export function methodNotAllowed(allowed: readonly Method[]): Record<"POST" | "PUT" | "PATCH" | "DELETE", () => Response> {
  const respond = () =>
    Response.json(new AppError("METHOD_NOT_ALLOWED", `Method not allowed. This route accepts ${allowed.join(", ")}.`).toEnvelope(), {
      status: 405,
      headers: { Allow: allowed.join(", "), "Cache-Control": "no-store" },
    });
  return { POST: respond, PUT: respond, PATCH: respond, DELETE: respond };
}
