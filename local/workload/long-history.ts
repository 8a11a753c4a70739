import { simulateAutoScaling } from "../../lib/cost/capacity-simulation";
import { createRandom, type Random } from "../seed/random";
import { poisson } from "./traffic-model";

/**
 * The demo's long tail: weeks of per-minute DynamoDB metrics, generated from per-minute aggregates of a traffic model's
 * rates, never request by request nor second by second, so 14 days of every demo table take well under a second.
 * Pure: it computes per-minute numbers into typed arrays, and builds CloudWatch samples a stretch at a time.
 * Each minute, per kind of request: a Poisson draw (normal above 50 requests a minute) around the minute's mean rate;
 * admission per table or GSI against its capacity with DynamoDB's burst (up to 300 s of unused capacity, saved and
 * spent per minute) or its on-demand maximum (no burst); a write needs every GSI it writes to (back-pressure).
 * Published as DynamoDB publishes: Consumed* as statistic sets, Provisioned* and on-demand maxima once a minute, and
 * throttle events and ThrottledRequests where demand exceeded capacity. Left out: latency, returned items, per-key
 * limits and Contributor Insights, and anything shorter than a minute (a 30-second burst is a busy minute).
 */

export type LongAccess = { table: string; index: string | null; kind: "read" | "write"; units: number };

/** One kind of request: its mean rate (requests a second) in the minute starting at `minuteMs`. */
export type LongStream = { operation: string; accesses: readonly LongAccess[]; perSecond: (minuteMs: number) => number };

/** Provisioned units per second over the tail: fixed, stepped at given times, or target-tracking auto scaling simulated on the demand. */
export type CapacitySpec =
  | { kind: "fixed"; units: number }
  | { kind: "steps"; initial: number; steps: ReadonlyArray<{ atMs: number; units: number }> }
  /** `minimumFromMs`: from then on the capacity is the minimum (scaled in before what follows the tail). */
  | { kind: "autoscaled"; min: number; max: number; minimumFromMs?: number };

export type LongResource = {
  table: string;
  index: string | null;
  provisioned: { read: CapacitySpec; write: CapacitySpec } | null;
  onDemandMax: { read: number | null; write: number | null } | null;
};

/**
 * Time whose metrics something else publishes (the simulated history, a baseline window): its demand is left out of
 * the tail to the millisecond, and capacity settings for minutes starting in [capacityFromMs, capacityToMs).
 */
export type CoveredWindow = { startMs: number; endMs: number; capacityFromMs: number; capacityToMs: number };

export type LongHistoryPlan = {
  /** A whole minute. */
  startMs: number;
  endMs: number;
  resources: readonly LongResource[];
  streams: readonly LongStream[];
  covered: readonly CoveredWindow[];
  seed: number;
};

const MINUTE_MS = 60_000;
const add = (target: Float64Array, minute: number, value: number) => {
  target[minute] = (target[minute] ?? 0) + value;
};
const BURST_SECONDS = 300;
const KINDS = ["read", "write"] as const;

/** Per minute of one resource and kind: units wanted, units served (what Consumed* sums), the capacity, and requests throttled. */
export type LongSeries = { demand: Float64Array; consumed: Float64Array; capacity: Float64Array | null; throttled: Float64Array; requests: Float64Array; minUnits: Float64Array; maxUnits: Float64Array };

export type LongHistory = {
  plan: LongHistoryPlan;
  minutes: number;
  /** The share of each minute the tail publishes (0 inside covered windows, partial at their edges). */
  share: Float64Array;
  /** Whether the tail publishes each minute's capacity settings. */
  publishesCapacity: Uint8Array;
  /** Keyed by resourceKey. Consumed and throttled are the whole minute's; the published figures are × share. */
  series: Map<string, { read: LongSeries; write: LongSeries; resource: LongResource }>;
  /** ThrottledRequests per minute, keyed `${table}|${operation}`. */
  throttledRequests: Map<string, Float64Array>;
};

export const resourceKey = (table: string, index: string | null) => (index === null ? table : `${table}/${index}`);

function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Requests in a minute with mean `mean`: Poisson, by its normal approximation once the mean is large. */
export function drawCount(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 50) return poisson(random, mean);
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
}

function shares(plan: LongHistoryPlan, minutes: number): { share: Float64Array; publishesCapacity: Uint8Array } {
  const share = new Float64Array(minutes);
  const publishesCapacity = new Uint8Array(minutes);
  for (let minute = 0; minute < minutes; minute++) {
    const from = plan.startMs + minute * MINUTE_MS;
    const to = Math.min(from + MINUTE_MS, plan.endMs);
    // Windows may overlap a minute from both sides; they never overlap each other.
    let covered = 0;
    for (const window of plan.covered) covered += Math.max(0, Math.min(to, window.endMs) - Math.max(from, window.startMs));
    const uncovered = Math.max(0, to - from - covered) / MINUTE_MS;
    share[minute] = uncovered;
    const capacityElsewhere = plan.covered.some((window) => from >= window.capacityFromMs && from < window.capacityToMs);
    publishesCapacity[minute] = uncovered > 0 && !capacityElsewhere ? 1 : 0;
  }
  return { share, publishesCapacity };
}

function emptySeries(minutes: number, provisioned: boolean): LongSeries {
  return {
    demand: new Float64Array(minutes),
    consumed: new Float64Array(minutes),
    capacity: provisioned ? new Float64Array(minutes) : null,
    throttled: new Float64Array(minutes),
    requests: new Float64Array(minutes),
    minUnits: new Float64Array(minutes).fill(Number.POSITIVE_INFINITY),
    maxUnits: new Float64Array(minutes),
  };
}

function fillCapacity(target: Float64Array, spec: CapacitySpec, plan: LongHistoryPlan, demand: Float64Array): void {
  if (spec.kind === "fixed") target.fill(spec.units);
  else if (spec.kind === "steps") {
    const steps = [...spec.steps].sort((a, b) => a.atMs - b.atMs);
    for (let minute = 0; minute < target.length; minute++) {
      const at = plan.startMs + minute * MINUTE_MS;
      target[minute] = steps.filter((step) => step.atMs <= at).at(-1)?.units ?? spec.initial;
    }
  } else {
    // The shared target-tracking model (lib/cost/capacity-simulation.ts): 70%, alarms on served units, the next-minute reaction, the decrease quota.
    const simulated = simulateAutoScaling({ startMs: plan.startMs, readUnits: new Array<number>(demand.length).fill(0), writeUnits: Array.from(demand) }, { write: { min: spec.min, max: spec.max } });
    target.set(simulated.write.capacity);
    if (spec.minimumFromMs !== undefined) target.fill(spec.min, Math.max(0, Math.floor((spec.minimumFromMs - plan.startMs) / MINUTE_MS)));
  }
}

/** Draws the whole tail: per minute, every stream's requests, then admission resource by resource. */
export function generateLongHistory(plan: LongHistoryPlan): LongHistory {
  if (plan.startMs % MINUTE_MS !== 0) throw new RangeError(`The long history must start on a whole minute, not at ${plan.startMs}.`);
  const minutes = Math.ceil((plan.endMs - plan.startMs) / MINUTE_MS);
  const random = createRandom(plan.seed);
  const series = new Map(plan.resources.map((resource) => [resourceKey(resource.table, resource.index), { resource, read: emptySeries(minutes, resource.provisioned !== null), write: emptySeries(minutes, resource.provisioned !== null) }]));
  const seriesOf = (access: LongAccess) => {
    const entry = series.get(resourceKey(access.table, access.index));
    if (!entry) throw new Error(`The long history has no resource ${resourceKey(access.table, access.index)} for a ${access.kind}.`);
    return entry[access.kind];
  };
  // Every stream's requests, minute by minute, and each resource's demand in units.
  const counts = plan.streams.map(() => new Float64Array(minutes));
  for (let minute = 0; minute < minutes; minute++) {
    const minuteMs = plan.startMs + minute * MINUTE_MS;
    plan.streams.forEach((stream, index) => {
      const count = drawCount(random, stream.perSecond(minuteMs) * 60);
      (counts[index] as Float64Array)[minute] = count;
      for (const access of stream.accesses) add(seriesOf(access).demand, minute, count * access.units);
    });
  }
  for (const entry of series.values()) {
    const { provisioned } = entry.resource;
    if (!provisioned) continue;
    for (const kind of KINDS) {
      const own = entry[kind];
      if (own.capacity) fillCapacity(own.capacity, provisioned[kind], plan, own.demand);
    }
  }
  const throttledRequests = new Map<string, Float64Array>();
  const saved = new Map<LongSeries, number>();
  const limitOf = (entry: { resource: LongResource; read: LongSeries; write: LongSeries }, kind: "read" | "write", minute: number): { available: number; capacity: number | null } => {
    const own = entry[kind];
    if (own.capacity) {
      const capacity = own.capacity[minute] ?? 0;
      // Unused capacity saved before the tail: a table that has been running has its burst.
      const burst = saved.get(own) ?? BURST_SECONDS * capacity;
      return { available: capacity * 60 + burst, capacity };
    }
    const max = entry.resource.onDemandMax?.[kind] ?? null;
    return { available: max === null ? Number.POSITIVE_INFINITY : max * 60, capacity: null };
  };
  for (let minute = 0; minute < minutes; minute++) {
    const fraction = new Map<LongSeries, number>();
    for (const entry of series.values()) {
      for (const kind of KINDS) {
        const wanted = entry[kind].demand[minute] ?? 0;
        const { available } = limitOf(entry, kind, minute);
        fraction.set(entry[kind], wanted <= available ? 1 : available / wanted);
      }
    }
    plan.streams.forEach((stream, index) => {
      const count = (counts[index] as Float64Array)[minute] ?? 0;
      if (count === 0) return;
      const targets = stream.accesses.map((access) => ({ access, target: seriesOf(access) }));
      const limiting = targets.reduce((worst, candidate) => ((fraction.get(candidate.target) ?? 1) < (fraction.get(worst.target) ?? 1) ? candidate : worst));
      // The tolerance keeps 120/1213 × 1213 from flooring to 119.
      const admitted = Math.min(count, Math.floor(count * (fraction.get(limiting.target) ?? 1) + 1e-9));
      for (const { access, target } of targets) {
        add(target.consumed, minute, admitted * access.units);
        add(target.requests, minute, admitted);
        if (admitted > 0) {
          target.minUnits[minute] = Math.min(target.minUnits[minute] ?? Number.POSITIVE_INFINITY, access.units);
          target.maxUnits[minute] = Math.max(target.maxUnits[minute] ?? 0, access.units);
        }
      }
      if (admitted === count) return;
      add(limiting.target.throttled, minute, count - admitted);
      const first = stream.accesses[0];
      const key = `${first?.table ?? ""}|${stream.operation}`;
      const perMinute = throttledRequests.get(key) ?? new Float64Array(minutes);
      add(perMinute, minute, count - admitted);
      throttledRequests.set(key, perMinute);
    });
    for (const entry of series.values()) {
      for (const kind of KINDS) {
        const own = entry[kind];
        const { available, capacity } = limitOf(entry, kind, minute);
        if (capacity !== null) saved.set(own, Math.min(BURST_SECONDS * capacity, Math.max(0, available - (own.consumed[minute] ?? 0))));
      }
    }
  }
  return { plan, minutes, ...shares(plan, minutes), series, throttledRequests };
}
