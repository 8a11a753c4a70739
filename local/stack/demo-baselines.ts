import type { MetricsSink } from "../metering/metrics-sink";
import type { TableCapacityModel } from "../metering/table-catalog";
import { publishBaselineWindow } from "../workload/baseline-history";
import { DEMO_DEPLOY } from "./demo-deploy";
import { DEMO_SCALING } from "./demo-scaling";

const DAY_MS = 86_400_000;

/**
 * The windows the dashboard overlays (`compare=1d|1w`): the demo's history, one day and one week earlier, with the
 * capacity the tables had then. GSI1 was already held at its auto scaling maximum. A day ago Sessions had the 20 WCU
 * the deploy has since taken away (no throttling); a week ago it had 5, and its bursts throttled at this hour then too.
 */
export const DEMO_BASELINES = [
  { label: "1d", offsetMs: DAY_MS, sessionsWcu: DEMO_DEPLOY.fromWcu },
  { label: "1w", offsetMs: 7 * DAY_MS, sessionsWcu: DEMO_DEPLOY.toWcu },
] as const;

function asThen(tables: readonly TableCapacityModel[], sessionsWcu: number): TableCapacityModel[] {
  return tables.map((table) => {
    const provisioned = table.provisioned;
    if (table.name === DEMO_DEPLOY.table && provisioned) return { ...table, provisioned: { ...provisioned, write: sessionsWcu } };
    if (table.name !== DEMO_SCALING.table) return table;
    return { ...table, gsis: table.gsis.map((gsi) => (gsi.name === DEMO_SCALING.index && gsi.provisioned ? { ...gsi, provisioned: { ...gsi.provisioned, write: DEMO_SCALING.max } } : gsi)) };
  });
}

/** Publishes both baseline windows of the demo account's home region, as long as its history. */
export async function publishDemoBaselines(options: { tables: readonly TableCapacityModel[]; historyStartMs: number; historyMs: number; sink: MetricsSink; log: (line: string) => void }): Promise<void> {
  for (const [index, window] of DEMO_BASELINES.entries()) {
    const result = await publishBaselineWindow({
      startMs: options.historyStartMs - window.offsetMs,
      durationMs: options.historyMs,
      tables: asThen(options.tables, window.sessionsWcu),
      sink: options.sink,
      seed: 21 + index,
    });
    options.log(`baseline ${window.label} earlier: ${result.minutes} minutes, ${result.requests} requests (${result.throttled} throttled) in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  }
}
