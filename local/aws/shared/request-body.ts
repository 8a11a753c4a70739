import type { IncomingMessage } from "node:http";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { requestTooLargeError, serializationError } from "./service-error";

export type BodyLimits = {
  /** Bytes on the wire (CloudWatch's PutMetricData allows 1 MB per request). */
  maxBodyBytes: number;
  /** Bytes after gzip inflation. */
  maxInflatedBytes: number;
};

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBodyBytes: 1_048_576, maxInflatedBytes: 8 * 1_048_576 };

/** Reads a request body, inflating gzip (the SDK gzips some bodies, e.g. PutMetricData above 10 KB). */
export async function readBody(request: IncomingMessage, limits: BodyLimits = DEFAULT_BODY_LIMITS): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the keep-alive connection stays usable for the error response.
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size <= limits.maxBodyBytes) chunks.push(bytes);
  }
  if (size > limits.maxBodyBytes) throw requestTooLargeError(`Request bodies are limited to ${limits.maxBodyBytes} bytes.`);
  const raw = Buffer.concat(chunks);
  const encoding = request.headers["content-encoding"]?.toLowerCase();
  if (encoding === undefined || encoding === "identity") return raw;
  if (encoding !== "gzip") throw serializationError(`Unsupported Content-Encoding ${encoding}.`);
  try {
    return gunzipSync(raw, { maxOutputLength: limits.maxInflatedBytes });
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error instanceof Error && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE");
    if (tooLarge) throw requestTooLargeError(`Request bodies inflate to at most ${limits.maxInflatedBytes} bytes.`);
    throw serializationError(`The gzip body could not be inflated: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** In AWS JSON an explicit null means the member is absent. */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, member]) => member !== null)
        .map(([key, member]) => [key, stripNulls(member)]),
    );
  }
  return value;
}

/** An AWS JSON request body: an object (an empty body counts as `{}`), nulls removed. Anything else: SerializationException. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw serializationError(`The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw serializationError("The request body must be a JSON object.");
  }
  return stripNulls(json);
}

/** A body whose members have the wrong JSON types fails deserialization, before any validation: SerializationException. */
export function parseWire<T>(schema: z.ZodType<T, unknown>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw serializationError(`Could not deserialize the request${where}: ${issue?.message ?? "invalid body"}`);
}
