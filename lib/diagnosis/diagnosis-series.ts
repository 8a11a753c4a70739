/**
 * The CloudWatch series the diagnosis engine reads, and nothing else: capacity and throttling of the table and of
 * each GSI, and the requests (SuccessfulRequestLatency's SampleCount) and returned items of the read operations.
 * `diagnose` keeps only these from its input, so every path that supplies them with the same values reaches the same
 * verdicts: the table page fetches every series of the table, the overview batches just these for every table.
 * Client-safe, pure.
 */
import { tableSeriesDefinitions, type DynamoDbOperation, type SeriesDefinition, type TableSeriesInput } from "@/lib/metrics/metric-series";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";

/** The operations that read items by key or by scanning; writes and PartiQL (read or write) are left out. */
export const READ_OPERATIONS = ["Scan", "Query", "GetItem", "BatchGetItem", "TransactGetItems"] as const satisfies readonly DynamoDbOperation[];
const READS: ReadonlySet<string> = new Set(READ_OPERATIONS);

export function isDiagnosisSeries(series: Pick<SeriesDefinition, "metric" | "stat" | "scope">): boolean {
  const operation = series.scope.operation;
  // Capacity, consumption and throttling of the table and each GSI: every rule of capacity, heat and back-pressure.
  if (operation === null) return true;
  if (!READS.has(operation)) return false;
  return (series.metric === "SuccessfulRequestLatency" && series.stat === "SampleCount") || (series.metric === "ReturnedItemCount" && series.stat === "Sum");
}

/** The table's and its GSIs' series the diagnosis reads, with the same ids, labels and units as the metrics API's. */
export function diagnosisSeriesDefinitions(input: TableSeriesInput): SeriesDefinition[] {
  return tableSeriesDefinitions(input).filter(isDiagnosisSeries);
}

/** A metrics response cut down to what the diagnosis reads. */
export function onlyDiagnosisSeries(metrics: MetricsResponse): MetricsResponse {
  return { ...metrics, series: metrics.series.filter(isDiagnosisSeries) };
}
