import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { unsignedAuthorization } from "../aws/shared/sigv4-scope";
import type { WireResponse } from "./throttle-response";

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** Headers that must not be forwarded verbatim: they describe the hop or a body we may have rewritten. */
const HOP_HEADERS = new Set(["host", "content-length", "connection", "accept-encoding", "transfer-encoding", "keep-alive"]);

export function forwardableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (HOP_HEADERS.has(name) || value === undefined) continue;
    result[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}

/** Sends one request to DynamoDB Local and returns its whole response. */
export function sendUpstream(upstream: URL, headers: Record<string, string>, body: Buffer): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: "/", method: "POST", agent, headers: { ...headers, "content-length": String(body.length) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const responseHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined && !HOP_HEADERS.has(name)) responseHeaders[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({ status: response.statusCode ?? 502, headers: responseHeaders, body: Buffer.concat(chunks).toString("utf8") });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/**
 * One DynamoDB call of the proxy's own, sent as raw DynamoDB JSON so items pass through byte for byte (38-digit
 * numbers, binary). It carries an unsigned credential scope: DynamoDB Local picks the database by key and region only.
 */
export async function callUpstream(upstream: URL, scope: { accessKeyId: string; region: string }, operation: string, input: object): Promise<Record<string, unknown>> {
  const headers = {
    "content-type": "application/x-amz-json-1.0",
    "x-amz-target": `DynamoDB_20120810.${operation}`,
    authorization: unsignedAuthorization(scope.accessKeyId, scope.region, "dynamodb"),
  };
  const answer = await sendUpstream(upstream, headers, Buffer.from(JSON.stringify(input), "utf8"));
  if (answer.status !== 200) throw new Error(`${operation} in ${scope.region} failed with HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
  const parsed: unknown = JSON.parse(answer.body);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`${operation} in ${scope.region} answered something other than a JSON object`);
  return parsed as Record<string, unknown>;
}
