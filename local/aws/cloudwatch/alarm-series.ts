import type { Slot } from "./alarm-evaluation";
import type { AlarmQuery, MetricAlarmRecord } from "./alarm-schemas";
import type { MetricIdentity, MetricStore } from "./metric-store";
import { evaluateMathExpression, parseMathExpression } from "./metric-math";
import { parseStatistic, statisticValue } from "./metric-statistic";

/**
 * The datapoints a metric alarm evaluates: its statistic (or its ReturnData query of metric math) over each period of
 * the evaluation range, aligned to period boundaries as CloudWatch aligns them, ending with the last complete period.
 */

export type AlarmSeries = {
  slots: Slot[];
  periodSeconds: number;
  /** The namespaces the alarm reads (AWS/DynamoDB ones always ignore missing data). */
  namespaces: string[];
  /** The end of the last complete period. */
  endMs: number;
};

function statSeries(metrics: MetricStore, metric: MetricIdentity, stat: string, periodSeconds: number, unit: string | undefined, startMs: number, endMs: number): Map<number, number> {
  const statistic = parseStatistic(stat);
  const values = new Map<number, number>();
  if (!statistic) return values;
  for (const { timestampMs, aggregate } of metrics.periodAggregates(metric, { startMs, endMs, periodSeconds, unit })) {
    const value = statisticValue(aggregate, statistic);
    if (value !== undefined) values.set(timestampMs, value);
  }
  return values;
}

/** The period of a math alarm: every MetricStat of an alarm has the same period (PutMetricAlarm checks it). */
export function mathAlarmPeriod(queries: readonly AlarmQuery[]): number | undefined {
  const returned = queries.find((query) => query.returnData);
  return returned?.metricStat?.periodSeconds ?? returned?.periodSeconds ?? queries.find((query) => query.metricStat)?.metricStat?.periodSeconds;
}

export function alarmPeriodSeconds(alarm: MetricAlarmRecord): number {
  return alarm.periodSeconds ?? mathAlarmPeriod(alarm.metrics ?? []) ?? 60;
}

export function readAlarmSeries(alarm: MetricAlarmRecord, metrics: MetricStore, nowMs: number, rangeLength: number): AlarmSeries {
  const periodSeconds = alarmPeriodSeconds(alarm);
  const periodMs = periodSeconds * 1000;
  const endMs = Math.floor(nowMs / periodMs) * periodMs;
  const startMs = endMs - rangeLength * periodMs;
  const timestamps = Array.from({ length: rangeLength }, (_, index) => startMs + index * periodMs);

  if (alarm.metric) {
    const values = statSeries(metrics, alarm.metric, alarm.statistic ?? alarm.extendedStatistic ?? "Average", periodSeconds, alarm.unit, startMs, endMs);
    return { slots: timestamps.map((timestampMs) => ({ timestampMs, value: values.get(timestampMs) })), periodSeconds, namespaces: [alarm.metric.namespace], endMs };
  }

  const queries = alarm.metrics ?? [];
  const byId = new Map(queries.map((query) => [query.id, query]));
  const statValues = new Map<string, Map<number, number>>();
  for (const query of queries) {
    if (query.metricStat) {
      const { metric, stat, unit } = query.metricStat;
      statValues.set(query.id, statSeries(metrics, metric, stat, periodSeconds, unit, startMs, endMs));
    }
  }
  // Expressions may use other expressions; PutMetricAlarm refused cycles, and `seen` guards anyway.
  const valueAt = (id: string, timestampMs: number, seen: ReadonlySet<string>): number | undefined => {
    const query = byId.get(id);
    if (!query || seen.has(id)) return undefined;
    if (query.metricStat) return statValues.get(id)?.get(timestampMs);
    if (query.expression === undefined) return undefined;
    const inner = new Set(seen).add(id);
    return evaluateMathExpression(parseMathExpression(query.expression), (ref) => valueAt(ref, timestampMs, inner));
  };
  const returned = queries.find((query) => query.returnData);
  const namespaces = [...new Set(queries.flatMap((query) => (query.metricStat ? [query.metricStat.metric.namespace] : [])))];
  return {
    slots: timestamps.map((timestampMs) => ({ timestampMs, value: returned ? valueAt(returned.id, timestampMs, new Set()) : undefined })),
    periodSeconds,
    namespaces,
    endMs,
  };
}
