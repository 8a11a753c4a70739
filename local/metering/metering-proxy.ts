import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { crc32 } from "node:zlib";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { EnforcerConfig } from "./capacity-enforcer";
import { consumptionOf, requestedLevel, stripToRequested } from "./consumed-capacity";
import type { ContributorInsights, ContributorInsightsConfig } from "./contributor-insights";
import { Meter } from "./meter";
import type { MetricsSink } from "./metrics-sink";
import { describeOperation, tablesNamed } from "./operations";
import { TableCatalog, type TableCapacityModel } from "./table-catalog";
import { throttleResponse, type WireResponse } from "./throttle-response";
import { forwardableHeaders, sendUpstream } from "./upstream";

export type MeteringProxyOptions = {
  /** DynamoDB Local's endpoint. */
  upstream: string;
  /** An unguarded client on the same DynamoDB Local, for DescribeTable. */
  upstreamClient: DynamoDBClient;
  sink: MetricsSink;
  port?: number;
  enforcer?: Partial<EnforcerConfig>;
  contributorInsights?: ContributorInsightsConfig;
  insightsEnabledAtMs?: number;
  /** How often measurements are published; DynamoDB publishes every minute, tests go faster. */
  flushIntervalMs?: number;
  now?: () => number;
  log?: (line: string) => void;
};

export type RunningMeteringProxy = {
  endpoint: string;
  port: number;
  /** Publishes everything measured so far. */
  flush: () => Promise<void>;
  insights: ContributorInsights;
  /** Requests received per DynamoDB operation since start, for tests and the benchmark. */
  requestCounts: () => Record<string, number>;
  stop: () => Promise<void>;
};

const TARGET_PREFIX = "DynamoDB_20120810.";
const CONTROL_PLANE_CHANGES = new Set(["CreateTable", "UpdateTable", "DeleteTable"]);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, wire: WireResponse): void {
  const body = Buffer.from(wire.body, "utf8");
  // The SDK may validate DynamoDB's CRC32 header, so a rewritten body gets a fresh one.
  response.writeHead(wire.status, { ...wire.headers, "content-length": String(body.length), "x-amz-crc32": String(crc32(body)) });
  response.end(body);
}

/** A DynamoDB endpoint that forwards to DynamoDB Local, meters capacity, throttles like the service and publishes metrics. */
export async function startMeteringProxy(options: MeteringProxyOptions): Promise<RunningMeteringProxy> {
  const now = options.now ?? Date.now;
  const upstream = new URL(options.upstream);
  const catalog = new TableCatalog(options.upstreamClient, 10_000, now);
  const meter = new Meter({
    enforcer: options.enforcer,
    contributorInsights: options.contributorInsights,
    insightsEnabledAtMs: options.insightsEnabledAtMs,
    now,
    modelOf: (table) => catalog.get(table),
  });
  const log = options.log ?? (() => undefined);

  async function models(names: string[]): Promise<Map<string, TableCapacityModel>> {
    const loaded = await Promise.all(names.map((name) => catalog.get(name)));
    return new Map(loaded.flatMap((model) => (model ? [[model.name, model] as const] : [])));
  }

  const counts: Record<string, number> = {};

  async function handle(operation: string, headers: Record<string, string>, raw: Buffer): Promise<WireResponse> {
    counts[operation] = (counts[operation] ?? 0) + 1;
    const requestId = randomUUID();
    const local = await meter.insights.answer(operation, raw, requestId);
    if (local) return local;

    const request = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    const tableModels = await models(tablesNamed(operation, request));
    const metered = describeOperation(operation, request, tableModels);
    if (!metered) {
      const answer = await sendUpstream(upstream, headers, raw);
      if (CONTROL_PLANE_CHANGES.has(operation)) catalog.invalidate();
      return answer;
    }

    const decision = meter.admit(metered, tableModels);
    if (decision) return throttleResponse(decision, requestId);

    const level = requestedLevel(request);
    const body = Buffer.from(JSON.stringify({ ...request, ReturnConsumedCapacity: "INDEXES" }), "utf8");
    const started = performance.now();
    const answer = await sendUpstream(upstream, headers, body);
    const latencyMs = performance.now() - started;
    if (answer.status !== 200) {
      meter.failed(metered, answer.status);
      return answer;
    }
    const parsed = JSON.parse(answer.body) as Record<string, unknown>;
    meter.succeeded(metered, consumptionOf(parsed), latencyMs, parsed, tableModels);
    return { ...answer, body: JSON.stringify(stripToRequested(parsed, level)) };
  }

  const server = createServer((request, response) => {
    void (async () => {
      try {
        const raw = await readBody(request);
        const target = request.headers["x-amz-target"];
        const operation = typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
        send(response, await handle(operation, forwardableHeaders(request.headers), raw));
      } catch (error) {
        log(`proxy error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        send(response, {
          status: 500,
          headers: { "content-type": "application/x-amz-json-1.0" },
          body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#InternalServerError", message: "The metering proxy failed; see its log." }),
        });
      }
    })();
  });

  const flush = () => meter.publish(options.sink, catalog.known());

  // Flushes run one at a time. A caller of flush() sees its failure; the periodic flush logs it and tries again next time.
  let flushing: Promise<void> = Promise.resolve();
  const queueFlush = (): Promise<void> => {
    const run = flushing.then(flush);
    flushing = run.catch(() => undefined);
    return run;
  };
  const timer = setInterval(() => {
    queueFlush().catch((error: unknown) => log(`publishing metrics failed: ${error instanceof Error ? error.message : String(error)}`));
  }, options.flushIntervalMs ?? 60_000);
  timer.unref();

  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    flush: queueFlush,
    insights: meter.insights,
    requestCounts: () => ({ ...counts }),
    stop: async () => {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would hold close() open until they idle out.
      server.closeAllConnections();
      await closed;
      await queueFlush();
    },
  };
}
