import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { authErrorResponse } from "./aws-json-errors";
import { OperationStats } from "./operation-stats";
import { DEFAULT_BODY_LIMITS, parseJsonBody, readBody, type BodyLimits } from "./request-body";
import { AwsServiceError, plainJsonErrorShape, unknownOperationError, type ErrorShape } from "./service-error";
import { parseCredentialScope, requestScopeOf, type RequestScope } from "./sigv4-scope";

/**
 * One HTTP server for every local AWS service that speaks AWS JSON 1.0 or 1.1 (CloudWatch, Application Auto Scaling,
 * CloudTrail): POST / routed by `X-Amz-Target: <prefix>.<Operation>`, the tenant read from the SigV4 credential scope,
 * bodies size-limited and gzip-inflated, errors in the service's own shape; plus `/_local/` extras for tests and the
 * demo (health, per-operation request counts, and whatever the service adds).
 */

export type AwsJsonProtocol = "awsJson1_0" | "awsJson1_1";

export type AwsJsonOperationContext = { scope: RequestScope; nowMs: number };

/** Takes the parsed body (nulls removed) and returns the JSON output, or throws an AwsServiceError. */
export type AwsJsonOperation = (input: unknown, context: AwsJsonOperationContext) => unknown;

/** Handles every `/_local/…` route except the shared ones (health and stats); answer 404 with localRouteNotFound. */
export type LocalRoutes = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void> | void;

export type AwsJsonServerOptions = {
  /** For log lines and messages, e.g. "local CloudWatch". */
  serviceName: string;
  /** The Smithy service name the SDK puts before the operation, e.g. `AnyScaleFrontendService` (a trailing "." is optional). */
  targetPrefix: string;
  protocol: AwsJsonProtocol;
  /** awsQueryCompatible services (CloudWatch) refuse unauthenticated requests with the query error header too. */
  queryCompatible?: boolean;
  operations: ReadonlyMap<string, AwsJsonOperation>;
  localRoutes?: LocalRoutes;
  /** Defaults to plain AWS JSON (`__type` + `message`). */
  errorShape?: ErrorShape;
  /** The answer to an unexpected failure, without internal detail; defaults to AWS's common InternalFailure (500). */
  internalError?: () => AwsServiceError;
  log: (line: string) => void;
  now?: () => number;
  bodyLimits?: BodyLimits;
};

export const headerText = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);

const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Writes a JSON response (an empty body when `body` is undefined) with a request id, as AWS front ends do. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = "application/json",
  headers: Record<string, string> = {},
): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": String(Buffer.byteLength(payload)),
    "x-amzn-requestid": randomUUID(),
    ...headers,
  });
  response.end(payload);
}

export function localRouteNotFound(response: ServerResponse, route: string): void {
  sendJson(response, 404, { error: `No local route ${route}` });
}

/**
 * The tenant a `/_local/` request names in an (unsigned) Authorization header, or undefined when it sends none;
 * a header that is there but not a SigV4 one is a problem to answer with 400.
 */
export function localRequestScope(request: IncomingMessage): { ok: true; scope: RequestScope | undefined } | { ok: false; message: string } {
  const authorization = headerText(request.headers.authorization);
  if (authorization === undefined) return { ok: true, scope: undefined };
  const auth = parseCredentialScope(authorization);
  return auth.ok ? { ok: true, scope: requestScopeOf(auth.scope) } : { ok: false, message: auth.problem.message };
}

export function createAwsJsonServer(options: AwsJsonServerOptions): { server: Server; stats: OperationStats } {
  const stats = new OperationStats();
  const now = options.now ?? Date.now;
  const prefix = options.targetPrefix.endsWith(".") ? options.targetPrefix : `${options.targetPrefix}.`;
  const contentType = options.protocol === "awsJson1_0" ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
  const errorShape = options.errorShape ?? plainJsonErrorShape;
  const internalError =
    options.internalError ?? (() => new AwsServiceError("InternalFailure", `The ${options.serviceName} failed unexpectedly; see its log.`, 500));
  const limits = options.bodyLimits ?? DEFAULT_BODY_LIMITS;

  async function handleAws(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.headers["x-amz-target"];
    const operation = typeof target === "string" && target.startsWith(prefix) ? target.slice(prefix.length) : undefined;
    stats.count(operation ?? (typeof target === "string" ? target : "(no X-Amz-Target)"));
    try {
      const raw = await readBody(request, limits);
      // AWS authenticates before it looks at the operation; the credential scope picks the account and region.
      const auth = parseCredentialScope(headerText(request.headers.authorization));
      if (!auth.ok) {
        const refusal = authErrorResponse(auth.problem, options.queryCompatible === true ? "awsQueryCompatible" : "awsJson");
        return sendJson(response, refusal.status, refusal.body, contentType, refusal.headers);
      }
      const handler = request.method === "POST" && operation !== undefined ? options.operations.get(operation) : undefined;
      if (!handler) throw unknownOperationError(`The ${options.serviceName} does not implement ${operation ?? "this request"}.`);
      const output = await handler(parseJsonBody(raw), { scope: requestScopeOf(auth.scope), nowMs: now() });
      sendJson(response, 200, output ?? {}, contentType);
    } catch (error) {
      if (!(error instanceof AwsServiceError)) options.log(`${options.serviceName}: ${operation ?? "request"} failed: ${describeError(error)}`);
      const wire = errorShape(error instanceof AwsServiceError ? error : internalError());
      sendJson(response, wire.status, wire.body, contentType, wire.headers);
    }
  }

  async function handleLocal(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const route = `${request.method ?? "GET"} ${path}`;
    if (route === "GET /_local/health") return sendJson(response, 200, { status: "ok" });
    if (route === "GET /_local/stats") return sendJson(response, 200, { operations: stats.snapshot() });
    if (route === "POST /_local/stats/reset") {
      stats.reset();
      return sendJson(response, 204, undefined);
    }
    if (options.localRoutes) return options.localRoutes(request, response, path);
    localRouteNotFound(response, route);
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const handled = path.startsWith("/_local/") ? handleLocal(request, response, path) : handleAws(request, response);
    handled.catch((error: unknown) => {
      // Only reached if writing the response itself (or a local route) failed; the server stays up either way.
      options.log(`${options.serviceName}: ${request.method ?? ""} ${path} failed: ${describeError(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return { server, stats };
}
