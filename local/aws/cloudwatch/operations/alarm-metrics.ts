import { invalidValue, missingParameter, validationError } from "../cloudwatch-errors";
import type { AlarmQuery } from "../alarm-schemas";
import { MathExpressionError, parseMathExpression, referencedIds } from "../metric-math";
import { parseStatistic } from "../metric-statistic";
import { dimensionProblems, METRIC_DATA_QUERY_ID, STANDARD_UNITS, toDimensions, type WireMetricDataQuery } from "../wire-input";
import { checkLength, checkPeriod } from "./alarm-input";

/** PutMetricAlarm's `Metrics`: MetricStat queries and math expressions, exactly one of them with ReturnData. */

/** "A math expression used for an alarm can include as many as 10 metrics." */
const MAX_METRICS = 10;

function toQuery(query: WireMetricDataQuery, index: number, accountId: string): AlarmQuery {
  const at = `Metrics.member.${index + 1}`;
  if (query.Id === undefined) throw missingParameter(`${at}.Id`);
  checkLength(query.Id, `${at}.Id`, 1, 255);
  if (!METRIC_DATA_QUERY_ID.test(query.Id)) throw validationError(`The value ${query.Id} for parameter ${at}.Id is invalid; it must start with a lowercase letter and contain only letters, numbers and underscores.`);
  if (query.AccountId !== undefined && query.AccountId !== accountId) {
    throw validationError(`The local CloudWatch does not support cross-account alarms (${at}.AccountId ${query.AccountId}).`);
  }
  if ((query.MetricStat === undefined) === (query.Expression === undefined)) {
    throw validationError(`Exactly one of ${at}.MetricStat and ${at}.Expression must be specified.`);
  }
  const base = { id: query.Id, label: query.Label, returnData: query.ReturnData ?? true, accountId: query.AccountId };
  if (query.Expression !== undefined) {
    checkLength(query.Expression, `${at}.Expression`, 1, 2048);
    if (query.Period !== undefined) checkPeriod(query.Period, `${at}.Period`);
    return { ...base, expression: query.Expression, periodSeconds: query.Period };
  }
  const stat = query.MetricStat;
  const metric = stat?.Metric;
  if (metric?.Namespace === undefined) throw missingParameter(`${at}.MetricStat.Metric.Namespace`);
  if (metric.MetricName === undefined) throw missingParameter(`${at}.MetricStat.Metric.MetricName`);
  const problems = dimensionProblems(metric.Dimensions ?? [], `${at}.MetricStat.Metric.Dimensions`);
  if (problems[0] !== undefined) throw invalidValue(problems[0]);
  if (stat?.Period === undefined) throw missingParameter(`${at}.MetricStat.Period`);
  checkPeriod(stat.Period, `${at}.MetricStat.Period`);
  if (stat.Stat === undefined) throw missingParameter(`${at}.MetricStat.Stat`);
  if (!parseStatistic(stat.Stat)) {
    throw invalidValue(`The value ${stat.Stat} for parameter ${at}.MetricStat.Stat is invalid; the local CloudWatch supports SampleCount, Average, Sum, Minimum, Maximum and pNN.`);
  }
  if (stat.Unit !== undefined && !STANDARD_UNITS.has(stat.Unit)) throw invalidValue(`The value ${stat.Unit} for parameter ${at}.MetricStat.Unit is invalid.`);
  return {
    ...base,
    metricStat: {
      metric: { namespace: metric.Namespace, metricName: metric.MetricName, dimensions: toDimensions(metric.Dimensions ?? []) },
      periodSeconds: stat.Period,
      stat: stat.Stat,
      unit: stat.Unit,
    },
  };
}

/** Checks ids, references and cycles, and that every metric has the same period; returns the queries and that period. */
export function parseAlarmMetrics(wire: readonly WireMetricDataQuery[], accountId: string): { queries: AlarmQuery[]; periodSeconds: number } {
  if (wire.length === 0) throw validationError("The parameter Metrics must contain at least one query.");
  const queries = wire.map((query, index) => toQuery(query, index, accountId));
  const ids = new Set<string>();
  for (const query of queries) {
    if (ids.has(query.id)) throw validationError(`The values for parameter Id in Metrics must be unique; ${query.id} is repeated.`);
    ids.add(query.id);
  }
  const stats = queries.filter((query) => query.metricStat);
  if (stats.length > MAX_METRICS) throw validationError(`An alarm's math expression can use at most ${MAX_METRICS} metrics.`);
  const returned = queries.filter((query) => query.returnData);
  if (returned.length !== 1) {
    throw validationError("Exactly one element of the Metrics list must have ReturnData set to true; set ReturnData to false on the others.");
  }

  const references = new Map<string, string[]>();
  for (const query of queries) {
    if (query.expression === undefined) continue;
    try {
      references.set(query.id, referencedIds(parseMathExpression(query.expression)));
    } catch (error) {
      if (error instanceof MathExpressionError) throw validationError(`Metrics ${query.id}: ${error.message}`);
      throw error;
    }
    const unknown = references.get(query.id)?.find((id) => !ids.has(id));
    if (unknown !== undefined) throw validationError(`Metrics ${query.id}: the expression refers to ${unknown}, which is not the Id of another query.`);
  }
  const visiting = new Set<string>();
  const visit = (id: string): void => {
    if (visiting.has(id)) throw validationError(`Metrics ${id}: the expressions refer to each other in a cycle.`);
    visiting.add(id);
    for (const next of references.get(id) ?? []) visit(next);
    visiting.delete(id);
  };
  for (const id of references.keys()) visit(id);

  const periods = new Set(stats.map((query) => query.metricStat?.periodSeconds));
  if (periods.size > 1) throw validationError("All metrics in an alarm's Metrics must use the same period.");
  const periodSeconds = stats[0]?.metricStat?.periodSeconds ?? returned[0]?.periodSeconds;
  if (periodSeconds === undefined) throw validationError("The alarm's Metrics must include at least one MetricStat or give the expression a Period.");
  return { queries, periodSeconds };
}
