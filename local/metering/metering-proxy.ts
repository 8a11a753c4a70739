import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { crc32 } from "node:zlib";
import { authErrorResponse } from "../aws/shared/aws-json-errors";
import { parseCredentialScope, type RequestScope } from "../aws/shared/sigv4-scope";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../local-clients";
import type { EnforcerConfig } from "./capacity-enforcer";
import { consumptionOf, requestedLevel, stripToRequested } from "./consumed-capacity";
import type { ContributorInsightsConfig } from "./contributor-insights";
import { DecreaseLimitGuard } from "./decrease-limit-guard";
import { describeAsGlobalTable, type GlobalTableDefinition } from "./global-tables";
import { proxyTrail, type ProxyTrailOptions } from "./proxy-trail";
import { createStreamsEndpoint, type StreamsOptions } from "./stream-endpoint";
import type { StreamReads } from "./stream-read-limit";
import type { ShardRoll } from "./stream-shards";
import { STREAMS_TARGET_PREFIX } from "./stream-upstream";
import type { ScopedMetricsSink } from "./metrics-sink";
import { accessKind, describeOperation, tablesNamed } from "./operations";
import { Replicator } from "./replicator";
import type { TableCapacityModel } from "./table-catalog";
import { TenantMeters, type TenantMeter } from "./tenant-meters";
import { throttleResponse, type WireResponse } from "./throttle-response";
import { forwardableHeaders, sendUpstream } from "./upstream";
import type { TableDescription } from "@aws-sdk/client-dynamodb";

export type MeteringProxyOptions = {
  /** DynamoDB Local's endpoint. */
  upstream: string;
  /** Where each account and region's metrics go (its own CloudWatch, told apart by the signing key and region). */
  sink: ScopedMetricsSink;
  port?: number;
  enforcer?: Partial<EnforcerConfig>;
  /**
   * Which tables and GSIs have Contributor Insights on from the start. A plain config is the default tenant's
   * (access key `local` in us-east-1, where the single-account tests and demo live); a function decides per tenant.
   */
  contributorInsights?: ContributorInsightsConfig | ((scope: RequestScope) => ContributorInsightsConfig);
  insightsEnabledAtMs?: number;
  /** Tables to play as global tables: writes replicate between their regions after a lag. */
  globalTables?: readonly GlobalTableDefinition[];
  /** How often measurements are published; DynamoDB publishes every minute, tests go faster. */
  flushIntervalMs?: number;
  /** Records each management call forwarded (and its failure) in a CloudTrail; none when unset. */
  cloudtrail?: ProxyTrailOptions;
  /** DynamoDB Streams (`DynamoDBStreams_20120810.*`): the per-shard read limit, shard rolls and iterator expiry (stream-endpoint.ts). */
  streams?: StreamsOptions;
  now?: () => number;
  log?: (line: string) => void;
};

export type RunningMeteringProxy = {
  endpoint: string;
  port: number;
  /** Publishes everything measured so far, for every account and region. */
  flush: () => Promise<void>;
  /** Requests received per DynamoDB operation since start (DynamoDB Streams' as `DynamoDBStreams.<Op>`), for tests and the benchmark. */
  requestCounts: () => Record<string, number>;
  /** Writes to global tables not yet applied in some other region. */
  replicationPending: () => number;
  /**
   * Closes the open shard of the table's stream (in the tenant of this access key and region) at the last record written
   * so far and opens its child, as AWS does every few hours; null when the open shard holds no records yet.
   */
  rollStreamShards: (scope: { accessKeyId: string; region: string }, tableName: string) => Promise<ShardRoll | null>;
  /** GetRecords calls per shard (admitted and throttled) with their times, for tests and the benchmark. */
  streamReads: () => StreamReads;
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

function rememberDescription(catalog: TenantMeter["catalog"], body: string): void {
  const parsed = JSON.parse(body) as { Table?: TableDescription };
  if (parsed.Table) catalog.remember(parsed.Table);
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
  const log = options.log ?? (() => undefined);
  const globalTables = options.globalTables ?? [];
  const insightsConfig = options.contributorInsights ?? {};
  const tenants = new TenantMeters({
    upstream: options.upstream,
    sink: options.sink,
    enforcer: options.enforcer,
    contributorInsightsFor:
      typeof insightsConfig === "function"
        ? insightsConfig
        : (scope) => (scope.accessKeyId === LOCAL_CREDENTIALS.accessKeyId && scope.region === LOCAL_REGION ? insightsConfig : {}),
    insightsEnabledAtMs: options.insightsEnabledAtMs,
    now,
  });
  const replicator = new Replicator({ upstream, definitions: globalTables, tenants, now, log });
  // DynamoDB's daily limit on capacity decreases, which DynamoDB Local does not enforce (decrease-limit.ts).
  const decreaseGuard = new DecreaseLimitGuard();

  async function models(tenant: TenantMeter, names: string[]): Promise<Map<string, TableCapacityModel>> {
    const loaded = await Promise.all(names.map((name) => tenant.catalog.get(name)));
    return new Map(loaded.flatMap((model) => (model ? [[model.name, model] as const] : [])));
  }

  const counts: Record<string, number> = {};
  // Management calls go to CloudTrail when the proxy has one (proxy-trail.ts).
  const recordCall = proxyTrail(options.cloudtrail, now);
  const streams = createStreamsEndpoint(upstream, options.streams ?? {}, now, log);

  async function handle(operation: string, headers: Record<string, string>, raw: Buffer): Promise<WireResponse> {
    counts[operation] = (counts[operation] ?? 0) + 1;
    const requestId = randomUUID();
    // Like DynamoDB, refuse a request without a usable SigV4 credential scope before anything else: the scope says
    // whose tables (access key) in which region, and DynamoDB Local keeps a database per key and region.
    const auth = parseCredentialScope(headers.authorization);
    if (!auth.ok) {
      const refusal = authErrorResponse(auth.problem, "awsJson");
      return { status: refusal.status, headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": requestId, ...refusal.headers }, body: JSON.stringify(refusal.body) };
    }
    const tenant = tenants.get(auth.scope.accessKeyId, auth.scope.region);
    const { meter, catalog } = tenant;
    const local = await meter.insights.answer(operation, raw, requestId);
    const request = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    if (local) {
      recordCall(operation, request, tenant.scope, headers, local);
      return local;
    }

    const tableModels = await models(tenant, tablesNamed(operation, request));
    const metered = describeOperation(operation, request, tableModels);
    if (!metered) {
      const tenantKey = `${tenant.scope.accountId}/${tenant.scope.region}`;
      const updated = operation === "UpdateTable" ? tableModels.get(tablesNamed(operation, request)[0] ?? "") : undefined;
      const refusal = operation === "UpdateTable" ? decreaseGuard.refusal(tenantKey, request, updated, now(), requestId) : null;
      if (refusal) {
        recordCall(operation, request, tenant.scope, headers, refusal, updated);
        return refusal;
      }
      const answer = await sendUpstream(upstream, headers, raw);
      recordCall(operation, request, tenant.scope, headers, answer, updated);
      if (operation === "UpdateTable" && answer.status === 200) decreaseGuard.accepted(tenantKey, request, updated, now());
      if (CONTROL_PLANE_CHANGES.has(operation)) catalog.invalidate();
      // DynamoDB Local may apply an UpdateTable's throughput a moment after answering it; whoever describes the table
      // afterwards sees the new figures, and so does the enforcer from then on.
      if (operation === "DescribeTable" && answer.status === 200) rememberDescription(catalog, answer.body);
      if (operation === "DescribeTable" && answer.status === 200 && globalTables.length > 0) {
        return { ...answer, body: describeAsGlobalTable(answer.body, globalTables, tenant.scope.accessKeyId, tenant.scope.region) };
      }
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
    if (accessKind(operation) === "write" && globalTables.length > 0) replicator.captured(tenant.scope, operation, request, tableModels);
    return { ...answer, body: JSON.stringify(stripToRequested(parsed, level)) };
  }

  const server = createServer((request, response) => {
    void (async () => {
      try {
        const raw = await readBody(request);
        const target = request.headers["x-amz-target"];
        if (typeof target === "string" && target.startsWith(STREAMS_TARGET_PREFIX)) {
          const streamsOperation = target.slice(STREAMS_TARGET_PREFIX.length);
          counts[`DynamoDBStreams.${streamsOperation}`] = (counts[`DynamoDBStreams.${streamsOperation}`] ?? 0) + 1;
          send(response, await streams.handle(streamsOperation, forwardableHeaders(request.headers), raw));
          return;
        }
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

  // Each tenant publishes to its own account and region; one that fails does not keep the others from publishing.
  const flush = async () => {
    replicator.samplePending();
    const results = await Promise.allSettled(tenants.all().map((tenant) => tenant.meter.publish(tenant.sink, tenant.catalog.known())));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason instanceof Error ? failure.reason : new Error(String(failure.reason));
  };

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
    requestCounts: () => ({ ...counts }),
    replicationPending: () => replicator.pending(),
    rollStreamShards: (scope, tableName) => streams.rollStreamShards(scope, tableName),
    streamReads: () => streams.streamReads(),
    stop: async () => {
      clearInterval(timer);
      streams.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would hold close() open until they idle out.
      server.closeAllConnections();
      await closed;
      await replicator.stop();
      try {
        await queueFlush();
      } finally {
        tenants.destroy();
      }
    },
  };
}
