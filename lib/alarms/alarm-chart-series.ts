/** Which series of the table page's metrics response shows what an alarm watches. Client-safe, pure. */
import { DYNAMODB_OPERATIONS, tableSeriesDefinitions, type DynamoDbOperation } from "@/lib/metrics/metric-series";
import type { AlarmMetric, TableAlarm } from "./alarm-types";

const isOperation = (value: string): value is DynamoDbOperation => (DYNAMODB_OPERATIONS as readonly string[]).includes(value);

/**
 * The id of the series the table page fetches for this metric and statistic (tableSeriesDefinitions), or null when
 * the page has no such series: another table's metric, another statistic, or dimensions the page does not chart.
 * Where the page has the metric both per period and per second, the per-period series is the one the alarm compares.
 */
export function chartSeriesId(metric: AlarmMetric, table: string): string | null {
  const { TableName, GlobalSecondaryIndexName, Operation, ReceivingRegion, ...others } = metric.dimensions;
  if (TableName !== table || Object.keys(others).length > 0 || metric.statistic === null) return null;
  if (Operation !== undefined && (!isOperation(Operation) || GlobalSecondaryIndexName !== undefined)) return null;
  const index = GlobalSecondaryIndexName ?? null;
  const operation = Operation !== undefined && isOperation(Operation) ? Operation : null;
  const receivingRegion = ReceivingRegion ?? null;
  const definitions = tableSeriesDefinitions({ table, gsis: index === null ? [] : [index], onDemand: false, periodSeconds: 60, replicaRegions: receivingRegion === null ? [] : [receivingRegion] });
  const candidates = definitions.filter(
    (definition) =>
      definition.metric === metric.metricName &&
      definition.stat === metric.statistic &&
      definition.scope.index === index &&
      definition.scope.operation === operation &&
      (definition.scope.receivingRegion ?? null) === receivingRegion,
  );
  return (candidates.find((definition) => !definition.perSecond) ?? candidates[0])?.id ?? null;
}

/** The first charted series among the metrics the alarm reads (its own, or those of its metric math); null for none. */
export function alarmSeriesId(alarm: Pick<TableAlarm, "metric" | "metrics">, table: string): string | null {
  for (const metric of alarm.metric ? [alarm.metric] : alarm.metrics) {
    const id = chartSeriesId(metric, table);
    if (id !== null) return id;
  }
  return null;
}
