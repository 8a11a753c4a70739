import type { MetricSample } from "../aws/cloudwatch/metric-store";
import { DYNAMODB_NAMESPACE } from "../metering/metric-recorder";
import type { MetricsSink } from "../metering/metrics-sink";
import type { TableCapacityModel } from "../metering/table-catalog";
import { TokenBucket } from "../metering/token-bucket";
import { createRandom } from "../seed/random";
import { demoRates, type DemoRates } from "./demo-rates";
import { readUnits } from "./intent";
import { poisson } from "./traffic-model";

/**
 * A baseline window (the demo's usual traffic a day or a week before its history) published cheaply: per second, the
 * number of requests of each kind is drawn from the same rates the traffic model uses (demo-rates.ts), admitted against
 * token buckets with DynamoDB's provisioned-capacity rules (the proxy's TokenBucket: 300 s of burst, back-pressure from
 * a GSI) and summed into the per-minute metrics DynamoDB publishes. No request is built or metered one by one, so three
 * hours cost well under a second. Not modelled here: per-key limits (the usual traffic has no hot key), Contributor
 * Insights, ReturnedItemCount and latency spread (each kind of request has one latency).
 */
type Access = { table: string; index: string | null; kind: "read" | "write"; units: number };
type Stream = { operation: string; count: (rates: DemoRates) => number; accesses: Access[]; latencyMs: number };

const shop = (kind: Access["kind"], units: number, index: string | null = null): Access => ({ table: "Shop", index, kind, units });
const on = (table: string, kind: Access["kind"], units: number): Access => ({ table, index: null, kind, units });

// The requests of traffic-model.ts, with its estimates: 1 WCU items, an order writing the LSI too (2 units) and GSI1.
const STREAMS: readonly Stream[] = [
  { operation: "GetItem", count: (rates) => rates.shopProfileReads, accesses: [shop("read", 0.5)], latencyMs: 3 },
  { operation: "Query", count: (rates) => rates.shopOrderQueries, accesses: [shop("read", readUnits(25 * 200))], latencyMs: 5 },
  { operation: "Query", count: (rates) => rates.shopStatusQueries, accesses: [shop("read", readUnits(50 * 200), "GSI1")], latencyMs: 6 },
  { operation: "PutItem", count: (rates) => rates.shopOrders, accesses: [shop("write", 2), shop("write", 1, "GSI1")], latencyMs: 4 },
  { operation: "PutItem", count: (rates) => rates.shopCartWrites, accesses: [shop("write", 1)], latencyMs: 4 },
  { operation: "PutItem", count: (rates) => rates.sessionWrites, accesses: [on("Sessions", "write", 1)], latencyMs: 4 },
  { operation: "GetItem", count: (rates) => rates.sessionReads, accesses: [on("Sessions", "read", 0.5)], latencyMs: 3 },
  { operation: "PutItem", count: (rates) => rates.eventWrites, accesses: [on("Events", "write", 1)], latencyMs: 4 },
  { operation: "Query", count: (rates) => rates.eventQueries, accesses: [on("Events", "read", 0.5)], latencyMs: 4 },
  { operation: "Scan", count: (rates) => (rates.eventScan ? 4 : 0), accesses: [on("Events", "read", readUnits(500 * 90))], latencyMs: 25 },
];

/** Seconds of unused capacity each table and GSI has saved when the window opens (DynamoDB keeps up to 300). */
const WARM_SECONDS = 10;

type Series = { metricName: string; dimensions: Record<string, string>; minuteMs: number; unit: string; count: number; sum: number; min: number; max: number; distribution: boolean };

/** Per-minute statistic sets (and one-value distributions for latency), as MetricRecorder publishes them. */
class MinuteSums {
  private readonly series = new Map<string, Series>();

  add(metricName: string, dimensions: Record<string, string>, value: number, count: number, atMs: number, unit = "Count", distribution = false): void {
    if (count <= 0) return;
    const minuteMs = Math.floor(atMs / 60_000) * 60_000;
    const key = `${metricName}|${JSON.stringify(dimensions)}|${minuteMs}`;
    const series = this.series.get(key) ?? { metricName, dimensions, minuteMs, unit, count: 0, sum: 0, min: value, max: value, distribution };
    series.count += count;
    series.sum += value * count;
    series.min = Math.min(series.min, value);
    series.max = Math.max(series.max, value);
    this.series.set(key, series);
  }

  samples(): MetricSample[] {
    return [...this.series.values()].map((series) => {
      const base = {
        namespace: DYNAMODB_NAMESPACE,
        metricName: series.metricName,
        dimensions: Object.entries(series.dimensions).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => ({ name, value })),
        timestampMs: series.minuteMs,
        unit: series.unit,
      };
      return series.distribution
        ? { ...base, values: [{ value: series.sum / series.count, count: series.count }] }
        : { ...base, statistics: { sampleCount: series.count, sum: series.sum, minimum: series.min, maximum: series.max } };
    });
  }
}

const resourceDimensions = (access: Pick<Access, "table" | "index">): Record<string, string> =>
  access.index ? { TableName: access.table, GlobalSecondaryIndexName: access.index } : { TableName: access.table };

export type BaselineResult = { requests: number; throttled: number; minutes: number; elapsedMs: number };

/** Publishes one baseline window of the demo's usual traffic against `tables` (the capacity they had then). */
export async function publishBaselineWindow(options: { startMs: number; durationMs: number; tables: readonly TableCapacityModel[]; sink: MetricsSink; seed?: number }): Promise<BaselineResult> {
  const started = performance.now();
  const random = createRandom(options.seed ?? 11);
  const models = new Map(options.tables.map((table) => [table.name, table]));
  let clock = options.startMs;
  const buckets = new Map<string, TokenBucket | null>();
  // The provisioned bucket of a table or GSI (null when on-demand or unknown: those never throttle at these rates).
  const bucketOf = (table: string, index: string | null, kind: Access["kind"]): TokenBucket | null => {
    const key = `${table}/${index ?? ""}/${kind}`;
    if (!buckets.has(key)) {
      const model = models.get(table);
      const target = index === null ? model : model?.gsis.find((gsi) => gsi.name === index);
      const rate = target?.provisioned?.[kind];
      if (rate === undefined) buckets.set(key, null);
      else {
        // The table ran before the window: start with some saved capacity, not a cold bucket's single second.
        const at = clock;
        clock = at - WARM_SECONDS * 1000;
        buckets.set(key, new TokenBucket(rate, 300, () => clock));
        clock = at;
      }
    }
    return buckets.get(key) ?? null;
  };
  const sums = new MinuteSums();
  let requests = 0;
  let throttled = 0;
  const seconds = Math.floor(options.durationMs / 1000);
  for (let second = 0; second < seconds; second++) {
    clock = options.startMs + second * 1000;
    const rates = demoRates(second, clock, "usual");
    for (const stream of STREAMS) {
      const count = poisson(random, stream.count(rates));
      const [first] = stream.accesses;
      if (count === 0 || !first) continue;
      // A write also needs every GSI it writes to (back-pressure); the table's own bucket comes first.
      const needed = stream.accesses.map((access) => ({ access, bucket: bucketOf(access.table, access.index, access.kind) }));
      let admitted = 0;
      while (admitted < count && needed.every(({ bucket }) => bucket === null || bucket.hasCapacity())) {
        for (const { access, bucket } of needed) bucket?.consume(access.units);
        admitted++;
      }
      for (const { access } of needed) {
        const metric = access.kind === "read" ? "ConsumedReadCapacityUnits" : "ConsumedWriteCapacityUnits";
        sums.add(metric, resourceDimensions(access), access.units, admitted, clock);
      }
      sums.add("SuccessfulRequestLatency", { TableName: first.table, Operation: stream.operation }, stream.latencyMs, admitted, clock, "Milliseconds", true);
      const refused = count - admitted;
      if (refused > 0) {
        const exhausted = needed.find(({ bucket }) => bucket !== null && !bucket.hasCapacity())?.access ?? first;
        const kind = exhausted.kind === "read" ? "Read" : "Write";
        sums.add("ThrottledRequests", { TableName: first.table, Operation: stream.operation }, 1, refused, clock);
        sums.add(`${kind}ThrottleEvents`, resourceDimensions(exhausted), 1, refused, clock);
        sums.add(`${kind}ProvisionedThroughputThrottleEvents`, resourceDimensions(exhausted), 1, refused, clock);
      }
      requests += count;
      throttled += refused;
    }
  }
  // The capacity settings (provisioned units, on-demand maxima), once a minute, as DynamoDB publishes them.
  for (let minuteMs = options.startMs; minuteMs < options.startMs + options.durationMs; minuteMs += 60_000) {
    for (const model of models.values()) {
      const targets = [{ dimensions: { TableName: model.name }, target: model }, ...model.gsis.map((gsi) => ({ dimensions: { TableName: model.name, GlobalSecondaryIndexName: gsi.name }, target: gsi }))];
      for (const { dimensions, target: settings } of targets) {
        const target = { dimensions, provisioned: settings.provisioned, onDemandMax: settings.onDemandMax };
        if (target.provisioned) {
          sums.add("ProvisionedReadCapacityUnits", target.dimensions, target.provisioned.read, 1, minuteMs);
          sums.add("ProvisionedWriteCapacityUnits", target.dimensions, target.provisioned.write, 1, minuteMs);
        }
        if (target.onDemandMax?.read) sums.add("OnDemandMaxReadRequestUnits", target.dimensions, target.onDemandMax.read, 1, minuteMs);
        if (target.onDemandMax?.write) sums.add("OnDemandMaxWriteRequestUnits", target.dimensions, target.onDemandMax.write, 1, minuteMs);
      }
    }
  }
  const samples = sums.samples();
  await options.sink.putMetrics(samples);
  return { requests, throttled, minutes: Math.ceil(seconds / 60), elapsedMs: performance.now() - started };
}
