import type { MetricsSink } from "../metering/metrics-sink";
import type { TableCapacityModel } from "../metering/table-catalog";
import { generateLongHistory, type CapacitySpec, type CoveredWindow, type LongHistory, type LongResource } from "../workload/long-history";
import { publishLongHistory } from "../workload/long-history-samples";
import { longTailStreams } from "../workload/long-history-traffic";
import { DEMO_BASELINES } from "./demo-baselines";
import { DEMO_DEPLOY } from "./demo-deploy";
import { DEMO_SCALING } from "./demo-scaling";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The demo's long tail: the 14 days before its simulated history, per minute, so the cost advisor (issue 16) has days
 * to advise on. CloudWatch keeps one-minute data for 15 days, so all of it is published at one minute. What the
 * tables had then, consistent with the baselines (demo-baselines.ts):
 * - Sessions had DEMO_DEPLOY.toWcu (5) WCU until someone raised it to DEMO_DEPLOY.fromWcu (20) four days before the
 *   history, between the week-ago baseline (5) and the day-ago one (20); the history's deploy lowers it again;
 * - Shop's GSI1 writes move with target-tracking auto scaling between DEMO_SCALING's minimum and maximum, simulated on
 *   its demand with the shared model (lib/cost/capacity-simulation.ts), and sit at the minimum for the last hour, where
 *   the history starts them (lowered by hand: the model alone keeps them at the maximum);
 * - everything else had the capacity it has at the history's start.
 */
export const DEMO_LONG_HISTORY_MS = 14 * DAY_MS;
/** When Sessions' writes were raised from 5 to 20 WCU, before the history's start (on the hour). */
export const SESSIONS_RAISED_BEFORE_HISTORY_MS = 4 * DAY_MS;

/** How long before the history GSI1 had been scaled in to its minimum. */
const GSI1_SCALED_IN_BEFORE_HISTORY_MS = HOUR_MS;

const floorMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

export function sessionsRaisedAt(historyStartMs: number): number {
  return Math.floor((historyStartMs - SESSIONS_RAISED_BEFORE_HISTORY_MS) / HOUR_MS) * HOUR_MS;
}

/** The capacity a table or GSI had over the tail, by the demo's story. */
function capacitySpec(table: string, index: string | null, kind: "read" | "write", units: number, historyStartMs: number): CapacitySpec {
  if (table === DEMO_DEPLOY.table && index === null && kind === "write") {
    return { kind: "steps", initial: DEMO_DEPLOY.toWcu, steps: [{ atMs: sessionsRaisedAt(historyStartMs), units: DEMO_DEPLOY.fromWcu }] };
  }
  if (table === DEMO_SCALING.table && index === DEMO_SCALING.index && kind === "write") {
    // The history starts GSI1 at its minimum (lowerGsi1ToMinimum, an UpdateTable at start-up), so the tail's last hour
    // has it there already, as if lowered then (the model alone would keep it at its maximum). Otherwise the tail's last minutes would show GSI1 at its maximum just before it throttles at 5,
    // and the diagnosis could not tell when that throttling began or that auto scaling was slow to follow.
    return { kind: "autoscaled", min: DEMO_SCALING.min, max: DEMO_SCALING.max, minimumFromMs: historyStartMs - GSI1_SCALED_IN_BEFORE_HISTORY_MS };
  }
  return { kind: "fixed", units };
}

export function longTailResources(tables: readonly TableCapacityModel[], historyStartMs: number): LongResource[] {
  return tables.flatMap((table) =>
    [{ index: null, settings: table }, ...table.gsis.map((gsi) => ({ index: gsi.name, settings: gsi }))].map(({ index, settings }) => ({
      table: table.name,
      index,
      provisioned: settings.provisioned
        ? { read: capacitySpec(table.name, index, "read", settings.provisioned.read, historyStartMs), write: capacitySpec(table.name, index, "write", settings.provisioned.write, historyStartMs) }
        : null,
      onDemandMax: settings.onDemandMax,
    })),
  );
}

/**
 * What the history and the baselines publish themselves. The history publishes its first capacity settings at the end
 * of its first simulated minute (Meter.publish); a baseline, once a minute from its start (baseline-history.ts).
 */
export function coveredWindows(historyStartMs: number, historyEndMs: number, withBaselines: boolean): CoveredWindow[] {
  const historyMs = historyEndMs - historyStartMs;
  const baselines = withBaselines
    ? DEMO_BASELINES.map((baseline) => {
        const startMs = historyStartMs - baseline.offsetMs;
        return { startMs, endMs: startMs + historyMs, capacityFromMs: floorMinute(startMs), capacityToMs: floorMinute(startMs) + Math.ceil(historyMs / MINUTE_MS) * MINUTE_MS };
      })
    : [];
  return [...baselines, { startMs: historyStartMs, endMs: historyEndMs, capacityFromMs: floorMinute(historyStartMs + MINUTE_MS - 1_000), capacityToMs: Number.POSITIVE_INFINITY }];
}

export type DemoLongHistoryOptions = {
  tables: readonly TableCapacityModel[];
  historyStartMs: number;
  historyEndMs: number;
  /** The demo account's home region has baseline windows; the global table's home writes, the replica receives. */
  role: "home" | "replica" | "other";
  withBaselines: boolean;
  seed?: number;
};

export function demoLongHistory(options: DemoLongHistoryOptions): LongHistory {
  const startMs = floorMinute(options.historyStartMs - DEMO_LONG_HISTORY_MS);
  return generateLongHistory({
    startMs,
    endMs: options.historyStartMs,
    resources: longTailResources(options.tables, options.historyStartMs),
    streams: longTailStreams(
      options.tables.map((table) => table.name),
      startMs,
      options.role === "replica" ? "replica" : "home",
    ),
    covered: coveredWindows(options.historyStartMs, options.historyEndMs, options.withBaselines),
    seed: options.seed ?? 31,
  });
}

/** Generates and publishes one account and region's long tail; logs what it took. */
export async function publishDemoLongHistory(options: DemoLongHistoryOptions & { sink: MetricsSink; label: string; log: (line: string) => void }): Promise<void> {
  const started = performance.now();
  const history = demoLongHistory(options);
  const generatedMs = performance.now() - started;
  const samples = await publishLongHistory(history, options.sink);
  const days = Math.round((history.minutes * MINUTE_MS) / DAY_MS);
  options.log(`${options.label}long history: ${days} days of per-minute metrics for ${options.tables.length} tables, ${samples} samples, generated in ${(generatedMs / 1000).toFixed(1)} s, published in ${((performance.now() - started - generatedMs) / 1000).toFixed(1)} s`);
}
