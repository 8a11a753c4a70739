import {
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import type { Intent } from "./intent";
import type { TrafficModel } from "./traffic-model";

export type WorkloadStats = { sent: number; succeeded: number; throttled: Record<string, number>; errors: number; skipped: number };

const THROTTLE_NAMES = new Set(["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"]);
/** More in flight than this means the endpoint is slower than the model; skip rather than queue without bound. */
const MAX_IN_FLIGHT = 64;

async function send(client: DynamoDBClient, intent: Intent, startKey: Record<string, AttributeValue> | undefined): Promise<Record<string, AttributeValue> | undefined> {
  switch (intent.operation) {
    case "GetItem":
      await client.send(new GetItemCommand(intent.input));
      return undefined;
    case "PutItem":
      await client.send(new PutItemCommand(intent.input));
      return undefined;
    case "Query":
      return (await client.send(new QueryCommand(intent.input))).LastEvaluatedKey;
    case "Scan":
      return (await client.send(new ScanCommand({ ...intent.input, ExclusiveStartKey: startKey }))).LastEvaluatedKey;
  }
}

export type LiveWorkload = { stats: () => WorkloadStats; stop: () => Promise<void> };

/**
 * Sends the model's traffic through a real SDK client, second by second, spreading each second's requests across it.
 * Throttled requests are counted, not retried: the point is to let the dashboard see them.
 */
export function startLiveWorkload(options: { client: DynamoDBClient; model: TrafficModel; log?: (line: string) => void; reportEveryMs?: number }): LiveWorkload {
  const stats: WorkloadStats = { sent: 0, succeeded: 0, throttled: {}, errors: 0, skipped: 0 };
  const scanCursors = new Map<string, Record<string, AttributeValue> | "done">();
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  const log = options.log ?? (() => undefined);
  let loggedErrors = 0;
  let second = 0;
  let stopped = false;

  async function execute(intent: Intent): Promise<void> {
    const cursor = intent.scanId ? scanCursors.get(intent.scanId) : undefined;
    if (cursor === "done") return;
    stats.sent++;
    try {
      const lastKey = await send(options.client, intent, cursor);
      stats.succeeded++;
      if (intent.scanId) scanCursors.set(intent.scanId, lastKey ?? "done");
    } catch (error) {
      const name = error instanceof Error ? error.name : "unknown";
      if (THROTTLE_NAMES.has(name)) {
        stats.throttled[intent.input.TableName] = (stats.throttled[intent.input.TableName] ?? 0) + 1;
      } else {
        stats.errors++;
        if (loggedErrors++ < 5) log(`workload request failed: ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  function dispatch(intent: Intent): void {
    if (stopped) return;
    if (inFlight.size >= MAX_IN_FLIGHT) {
      stats.skipped++;
      return;
    }
    const running = execute(intent).finally(() => inFlight.delete(running));
    inFlight.add(running);
  }

  const tick = () => {
    for (const intent of options.model.intentsAt(second, Date.now())) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        dispatch(intent);
      }, Math.random() * 1000);
      timers.add(timer);
    }
    second++;
    if (scanCursors.size > 100) scanCursors.clear();
  };
  tick();
  const ticker = setInterval(tick, 1000);
  const reporter = setInterval(() => {
    const throttled = Object.entries(stats.throttled).map(([table, count]) => `${table} ${count}`).join(", ") || "none";
    log(`workload: ${stats.sent} sent, ${stats.succeeded} ok, throttled: ${throttled}, errors ${stats.errors}, skipped ${stats.skipped}`);
  }, options.reportEveryMs ?? 30_000);

  return {
    stats: () => structuredClone(stats),
    stop: async () => {
      stopped = true;
      clearInterval(ticker);
      clearInterval(reporter);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Several workloads (one per account and region) as one: stats add up, stop stops them all. */
export function combinedWorkload(workloads: readonly LiveWorkload[]): LiveWorkload {
  return {
    stats: () => {
      const total: WorkloadStats = { sent: 0, succeeded: 0, throttled: {}, errors: 0, skipped: 0 };
      for (const stats of workloads.map((workload) => workload.stats())) {
        total.sent += stats.sent;
        total.succeeded += stats.succeeded;
        total.errors += stats.errors;
        total.skipped += stats.skipped;
        for (const [table, count] of Object.entries(stats.throttled)) total.throttled[table] = (total.throttled[table] ?? 0) + count;
      }
      return total;
    },
    stop: async () => {
      await Promise.all(workloads.map((workload) => workload.stop()));
    },
  };
}
