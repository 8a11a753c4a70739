/**
 * The past series the diagnosis reads for its baselines (the same window a day and a week earlier): consumed reads and
 * writes and all-cause throttle events, of the table and each GSI, nothing else, so a scope's baselines stay a few
 * queries per table. The table page and the overview both read exactly these (baseline-source.ts), so they reach the
 * same verdicts. Client-safe, pure.
 */
import { tableSeriesDefinitions, type SeriesDefinition, type TableSeriesInput } from "@/lib/metrics/metric-series";

const METRICS: ReadonlySet<string> = new Set(["ConsumedReadCapacityUnits", "ConsumedWriteCapacityUnits", "ReadThrottleEvents", "WriteThrottleEvents"]);

export function baselineSeriesDefinitions(input: TableSeriesInput): SeriesDefinition[] {
  // The per-second consumption series (as the rules read the live ones) and the per-period throttle counts.
  return tableSeriesDefinitions(input).filter((definition) => definition.scope.operation === null && !definition.scope.receivingRegion && METRICS.has(definition.metric));
}
