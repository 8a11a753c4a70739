import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { authErrorResponse } from "../shared/aws-json-errors";
import { parseCredentialScope, requestScopeOf } from "../shared/sigv4-scope";
import { CloudWatchApiError, internalError, wireError } from "./cloudwatch-errors";
import { localInsightsBodySchema } from "./local-data-schemas";
import { OPERATIONS } from "./operations/operations";
import { DEFAULT_TENANT, type TenantRegistry } from "./tenant-stores";
import { stripNulls } from "./wire-input";

/** The awsJson1_0 service target the SDK puts before the operation name in X-Amz-Target. */
export const TARGET_PREFIX = "GraniteServiceVersion20100801.";
// PutMetricData allows 1 MB per request; a gzipped body may inflate to more, within reason.
const MAX_BODY_BYTES = 1_048_576;
const MAX_INFLATED_BYTES = 8 * MAX_BODY_BYTES;

export type CloudWatchServerDeps = {
  tenants: TenantRegistry;
  log: (line: string) => void;
  now?: () => number;
};

/** Requests per operation, errors included: lets tests and the bench see what the dashboard really asked CloudWatch. */
export class OperationStats {
  private readonly counts = new Map<string, number>();

  count(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the keep-alive connection stays usable for the error response.
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size <= MAX_BODY_BYTES) chunks.push(bytes);
  }
  if (size > MAX_BODY_BYTES) throw new CloudWatchApiError("RequestEntityTooLargeException", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
  const raw = Buffer.concat(chunks);
  const encoding = request.headers["content-encoding"]?.toLowerCase();
  if (encoding === undefined || encoding === "identity") return raw;
  // The SDK gzips PutMetricData bodies above 10 KB (its requestCompression trait).
  if (encoding !== "gzip") throw new CloudWatchApiError("SerializationException", `Unsupported Content-Encoding ${encoding}.`);
  try {
    return gunzipSync(raw, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error instanceof Error && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE");
    if (tooLarge) throw new CloudWatchApiError("RequestEntityTooLargeException", `Request bodies inflate to at most ${MAX_INFLATED_BYTES} bytes.`);
    throw new CloudWatchApiError("SerializationException", `The gzip body could not be inflated: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch (error) {
    throw new CloudWatchApiError("SerializationException", `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new CloudWatchApiError("SerializationException", "The request body must be a JSON object.");
  }
  return stripNulls(json);
}

const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, contentType = "application/x-amz-json-1.0"): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": String(Buffer.byteLength(payload)),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  response.end(payload);
}

/** The HTTP server: CloudWatch's awsJson1_0 protocol on POST /, plus the `/_local/` extras. */
export function createCloudWatchServer(deps: CloudWatchServerDeps): { server: Server; stats: OperationStats } {
  const stats = new OperationStats();
  const now = deps.now ?? Date.now;

  async function handleAws(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.headers["x-amz-target"];
    const operation = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    stats.count(operation ?? (typeof target === "string" ? target : "(no X-Amz-Target)"));
    try {
      const raw = await readBody(request);
      // AWS authenticates before it looks at the operation; the credential scope picks the account and region.
      const auth = parseCredentialScope(headerText(request.headers.authorization));
      if (!auth.ok) {
        const refusal = authErrorResponse(auth.problem, "awsQueryCompatible");
        return send(response, refusal.status, refusal.body, refusal.headers);
      }
      const handler = request.method === "POST" && operation !== undefined ? OPERATIONS.get(operation) : undefined;
      if (!handler) {
        throw new CloudWatchApiError("UnknownOperationException", `The local CloudWatch does not implement ${operation ?? "this request"}.`);
      }
      const stores = deps.tenants.forTenant(requestScopeOf(auth.scope));
      send(response, 200, handler(parseJsonBody(raw), { ...stores, nowMs: now() }));
    } catch (error) {
      if (!(error instanceof CloudWatchApiError)) {
        deps.log(`local CloudWatch: ${operation ?? "request"} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      const wire = wireError(error instanceof CloudWatchApiError ? error : internalError());
      send(response, wire.status, wire.body, wire.headers);
    }
  }

  async function handleLocal(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const route = `${request.method ?? "GET"} ${path}`;
    if (route === "GET /_local/health") return send(response, 200, { status: "ok" }, {}, "application/json");
    if (route === "GET /_local/stats") return send(response, 200, { operations: stats.snapshot() }, {}, "application/json");
    if (route === "POST /_local/stats/reset") {
      stats.reset();
      return send(response, 204, undefined);
    }
    if (route !== "POST /_local/insights") return send(response, 404, { error: `No local route ${route}` }, {}, "application/json");

    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      return send(response, 400, { error: `The body could not be read: ${error instanceof Error ? error.message : String(error)}` }, {}, "application/json");
    }
    // Insight samples belong to the tenant the Authorization header's credential scope names, as PutMetricData's do;
    // without one they go to the default tenant (the demo account's us-east-1), which older callers relied on.
    const authorization = headerText(request.headers.authorization);
    const auth = authorization === undefined ? null : parseCredentialScope(authorization);
    if (auth && !auth.ok) return send(response, 400, { error: auth.problem.message }, {}, "application/json");
    const { insights } = deps.tenants.forTenant(auth ? requestScopeOf(auth.scope) : DEFAULT_TENANT);

    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch (error) {
      return send(response, 400, { error: `The body is not JSON: ${error instanceof Error ? error.message : String(error)}` }, {}, "application/json");
    }
    const parsed = localInsightsBodySchema.safeParse(json);
    if (!parsed.success) return send(response, 400, { error: z.prettifyError(parsed.error) }, {}, "application/json");
    const { rules = [], samples = [] } = parsed.data;
    // Check every sample's rule before changing anything, so a bad request changes nothing.
    const defined = new Set(rules.map((rule) => rule.name));
    const unknown = samples.find((sample) => !defined.has(sample.ruleName) && !insights.hasRule(sample.ruleName));
    if (unknown) return send(response, 400, { error: `Insight rule ${unknown.ruleName} does not exist` }, {}, "application/json");
    for (const rule of rules) insights.defineRule(rule);
    for (const sample of samples) insights.addSample(sample);
    send(response, 204, undefined);
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const handled = path.startsWith("/_local/") ? handleLocal(request, response, path) : handleAws(request, response);
    handled.catch((error: unknown) => {
      // Only reached if writing the response itself failed; the server stays up either way.
      deps.log(`local CloudWatch: ${request.method ?? ""} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return { server, stats };
}
