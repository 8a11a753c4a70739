import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { entitiesRequestSchema, jobKindSchema, keySampleRequestSchema, sizeAuditParamsSchema, streamSampleRequestSchema } from "@/lib/jobs/job-params";
import type { EntitiesRequest } from "@/lib/entities/entities-job-types";
import type { KeySampleRequest, SizeAuditParams } from "@/lib/jobs/job-types";
import type { StreamSampleRequest } from "@/lib/streams/stream-types";
import { parseInput } from "@/lib/server/http/route-helpers";

/** A job request is a few numbers; anything bigger is not one. */
const MAX_BODY_CHARS = 4_096;

/** The request body as JSON; an oversized or malformed body is a 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) throw new AppError("BAD_REQUEST", `The request body must be at most ${MAX_BODY_CHARS} characters.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/** The validated parameters of a job request, by kind: the kind is checked first so errors name the right fields. */
export function parseStartJobBody(body: unknown): SizeAuditParams | KeySampleRequest | StreamSampleRequest | EntitiesRequest {
  const { kind } = parseInput(z.object({ kind: jobKindSchema }), body);
  if (kind === "entities") return parseInput(entitiesRequestSchema, body);
  if (kind === "stream-sample") return parseInput(streamSampleRequestSchema, body);
  return kind === "key-sample" ? parseInput(keySampleRequestSchema, body) : parseInput(sizeAuditParamsSchema, body);
}
