import { DecreaseQuota } from "../scaling/decrease-quota";
import { decideScaling, desiredCapacity, DYNAMODB_DEFAULT_COOLDOWN_S, HIGH_PERIODS, LOW_PERIODS, TRACKING_PERIOD_S, trackingThresholds, type TrackingSettings } from "../scaling/target-tracking-model";

/**
 * What provisioned capacity one resource (a table or one GSI) would have had over a stretch of its history, and what
 * it would have throttled. Pure and client-safe. Auto scaling runs the same model as the local Application Auto
 * Scaling service (lib/scaling/target-tracking-model.ts, lib/scaling/decrease-quota.ts), minute by minute:
 * - at the end of each minute the consumed-capacity alarms are evaluated on complete one-minute Sums: AlarmHigh when
 *   the last 2 are all above target% of the capacity, AlarmLow when the last 15 are all below (target − 20)%;
 * - while an alarm is in ALARM it invokes the policy every minute (CloudWatch: for Auto Scaling actions "the alarm
 *   continues to invoke the action for every period that the alarm remains in the new state"), which decides with the
 *   latest minute's Sum; the new capacity applies from the next minute (the reaction delay);
 * - a scale-in the daily decrease quota refuses leaves the capacity as it was and is tried again the next minute. The
 *   table's or GSI's reads and writes share one quota (DynamoDB counts a decrease of RCU, WCU or both per resource),
 *   so both dimensions are simulated together, reads first within a minute.
 *
 * Simplifications, stated so the figures can be judged:
 * - Burst capacity is ignored: demand above the capacity in a minute counts as throttled, though DynamoDB may serve
 *   some of it from up to 300 s of unused capacity. Throttled figures are therefore upper bounds.
 * - The alarms see the units served (demand capped at the capacity), as Consumed* metrics count only what succeeded
 *   and as the local service's metering publishes them; so a step far above the capacity is climbed in steps of at
 *   most 1/target (×1.43 at 70%) every 2 minutes. Throttled requests are not retried later: demand is taken as observed.
 * - Capacity-hours are prorated by the minute (Σ units/s × 1/60 h); how AWS rounds a change within an hour is left
 *   to the cost formulas.
 * - Every minute has a datapoint (a minute without traffic is 0). On AWS, an idle table's alarms may see no data,
 *   and DynamoDB alarms ignore missing data, so AWS can scale in later than simulated here.
 * - Decreases made before the series starts are unknown and taken as none.
 */

/** Per-minute demand of one resource: CloudWatch Consumed{Read,Write}CapacityUnits, Sum over 60 s, minute i starting at startMs + i minutes. */
export type ResourceDemand = { startMs: number; readUnits: readonly number[]; writeUnits: readonly number[] };

export type CapacitySimulation = {
  /** Provisioned units per second in each minute of the series. */
  capacity: number[];
  /** Σ capacity × 1/60 h: unit-hours provisioned over the series. */
  capacityHours: number;
  /** Σ over minutes of max(0, demand − capacity × 60), in request units (burst capacity ignored). */
  throttledUnits: number;
  scaleOuts: number;
  scaleIns: number;
  /** Scale-in attempts the daily decrease quota refused (one a minute while AlarmLow stays in ALARM). */
  decreasesRefused: number;
};

export type ResourceSimulation = { read: CapacitySimulation; write: CapacitySimulation };

export type ScalingBounds = { min?: number; max?: number };

export type AutoScalingOptions = {
  /** Target utilization, percent; default 70. DynamoDB accepts 20–90. */
  targetValue?: number;
  /** Defaults: min 1, max 40,000 (DynamoDB's default table-level throughput quota, per table or GSI and dimension). */
  read?: ScalingBounds;
  write?: ScalingBounds;
  /** Default 0 s each: Application Auto Scaling's default for DynamoDB tables and GSIs. */
  scaleOutCooldownS?: number;
  scaleInCooldownS?: number;
  disableScaleIn?: boolean;
};

export const DEFAULT_TARGET_VALUE = 70;
export const DEFAULT_MIN_CAPACITY = 1;
/** Service Quotas "Table-level read/write throughput limit": 40,000 units per table or GSI by default. */
export const DEFAULT_MAX_CAPACITY = 40_000;

const MINUTE_MS = TRACKING_PERIOD_S * 1000;

function checkSeries(name: string, sums: readonly number[]): void {
  const bad = sums.findIndex((sum) => !Number.isFinite(sum) || sum < 0);
  if (bad >= 0) throw new RangeError(`${name}[${bad}] is ${sums[bad]}; consumed units per minute must be finite and ≥ 0.`);
}

function checkDemand(demand: ResourceDemand): void {
  checkSeries("readUnits", demand.readUnits);
  checkSeries("writeUnits", demand.writeUnits);
  if (demand.readUnits.length !== demand.writeUnits.length) {
    throw new RangeError(`readUnits has ${demand.readUnits.length} minutes and writeUnits ${demand.writeUnits.length}; they must cover the same minutes.`);
  }
}

const throttledIn = (sum: number, capacity: number) => Math.max(0, sum - capacity * TRACKING_PERIOD_S);
const capacityHoursOf = (capacity: readonly number[]) => capacity.reduce((total, units) => total + units, 0) / 60;

/** The smallest whole capacity (≥ 1 unit/s) that serves every minute: max Sum / 60, rounded up. */
export function peakCapacity(sums: readonly number[]): number {
  const peak = sums.reduce((max, sum) => Math.max(max, sum), 0);
  const units = Math.max(1, Math.ceil(peak / TRACKING_PERIOD_S));
  // Guard against a quotient rounded down below an integer: the capacity must cover the peak minute exactly.
  return units * TRACKING_PERIOD_S >= peak ? units : units + 1;
}

function fixedAt(sums: readonly number[], units: number): CapacitySimulation {
  const capacity = sums.map(() => units);
  return { capacity, capacityHours: capacityHoursOf(capacity), throttledUnits: sums.reduce((total, sum) => total + throttledIn(sum, units), 0), scaleOuts: 0, scaleIns: 0, decreasesRefused: 0 };
}

/** Provisioned capacity fixed at the observed peak of each dimension: never throttles the series it was sized on. */
export function simulateFixedPeak(demand: ResourceDemand): ResourceSimulation {
  checkDemand(demand);
  return { read: fixedAt(demand.readUnits, peakCapacity(demand.readUnits)), write: fixedAt(demand.writeUnits, peakCapacity(demand.writeUnits)) };
}

/** One dimension's scalable target and policy state as the simulation walks the minutes. */
class SimulatedTarget {
  readonly capacity: number[] = [];
  private readonly served: number[] = [];
  private current: number;
  private lastScaleOutMs: number | null = null;
  private lastScaleInMs: number | null = null;
  throttledUnits = 0;
  scaleOuts = 0;
  scaleIns = 0;
  decreasesRefused = 0;

  constructor(
    private readonly sums: readonly number[],
    private readonly settings: TrackingSettings,
    private readonly min: number,
    private readonly max: number,
  ) {
    // The target starts where the first minute needs it, within its bounds.
    this.current = Math.min(max, Math.max(min, desiredCapacity((sums[0] ?? 0) / TRACKING_PERIOD_S, settings.targetValue)));
  }

  /** Serves minute `i` at the current capacity. */
  serve(i: number): void {
    const sum = this.sums[i] ?? 0;
    this.capacity.push(this.current);
    this.served.push(Math.min(sum, this.current * TRACKING_PERIOD_S));
    this.throttledUnits += throttledIn(sum, this.current);
  }

  /** Whether each of the last `periods` served Sums breaches; false until that many minutes exist. */
  private allBreach(periods: number, breaches: (sum: number) => boolean): boolean {
    if (this.served.length < periods) return false;
    return this.served.slice(-periods).every(breaches);
  }

  /** The alarms' evaluation at `endMs`, the end of the minute just served, and the policy's response. */
  evaluate(endMs: number, quota: DecreaseQuota): void {
    const { highSum, lowSum } = trackingThresholds(this.settings.targetValue, this.current);
    const alarm = this.allBreach(HIGH_PERIODS, (sum) => sum > highSum) ? "AlarmHigh" : this.allBreach(LOW_PERIODS, (sum) => sum < lowSum) ? "AlarmLow" : null;
    if (alarm === null) return;
    const latest = this.served[this.served.length - 1] ?? 0;
    const decision = decideScaling({
      alarm,
      settings: this.settings,
      min: this.min,
      max: this.max,
      currentCapacity: this.current,
      consumedPerSecond: latest / TRACKING_PERIOD_S,
      lastScaleOutMs: this.lastScaleOutMs,
      lastScaleInMs: this.lastScaleInMs,
      nowMs: endMs,
    });
    if (decision.action !== "scale") return;
    if (decision.direction === "out") {
      this.current = decision.capacity;
      this.lastScaleOutMs = endMs;
      this.scaleOuts++;
      return;
    }
    if (!quota.check("resource", endMs).allowed) {
      this.decreasesRefused++;
      return;
    }
    quota.record("resource", endMs);
    this.current = decision.capacity;
    this.lastScaleInMs = endMs;
    this.scaleIns++;
  }

  result(): CapacitySimulation {
    const { capacity, throttledUnits, scaleOuts, scaleIns, decreasesRefused } = this;
    return { capacity, capacityHours: capacityHoursOf(capacity), throttledUnits, scaleOuts, scaleIns, decreasesRefused };
  }
}

function bounds(name: string, given: ScalingBounds | undefined): { min: number; max: number } {
  const min = given?.min ?? DEFAULT_MIN_CAPACITY;
  const max = given?.max ?? DEFAULT_MAX_CAPACITY;
  if (!(min >= 1 && max >= min)) throw new RangeError(`${name} bounds must have 1 ≤ min ≤ max, not min ${min}, max ${max}.`);
  return { min, max };
}

/** Target-tracking auto scaling of the resource's reads and writes over the series (see the file's comment). */
export function simulateAutoScaling(demand: ResourceDemand, options: AutoScalingOptions = {}): ResourceSimulation {
  checkDemand(demand);
  const targetValue = options.targetValue ?? DEFAULT_TARGET_VALUE;
  if (!(targetValue >= 20 && targetValue <= 90)) throw new RangeError(`targetValue must be between 20 and 90 percent, not ${targetValue}.`);
  const settings: TrackingSettings = {
    targetValue,
    scaleOutCooldownS: options.scaleOutCooldownS ?? DYNAMODB_DEFAULT_COOLDOWN_S,
    scaleInCooldownS: options.scaleInCooldownS ?? DYNAMODB_DEFAULT_COOLDOWN_S,
    disableScaleIn: options.disableScaleIn ?? false,
  };
  const read = bounds("read", options.read);
  const write = bounds("write", options.write);
  const targets = [new SimulatedTarget(demand.readUnits, settings, read.min, read.max), new SimulatedTarget(demand.writeUnits, settings, write.min, write.max)] as const;
  const quota = new DecreaseQuota();
  for (let i = 0; i < demand.readUnits.length; i++) {
    const endMs = demand.startMs + (i + 1) * MINUTE_MS;
    for (const target of targets) {
      target.serve(i);
      target.evaluate(endMs, quota);
    }
  }
  return { read: targets[0].result(), write: targets[1].result() };
}
