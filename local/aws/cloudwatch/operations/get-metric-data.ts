import { z } from "zod";
import { invalidNextToken, validationError } from "../cloudwatch-errors";
import type { MetricIdentity } from "../metric-store";
import { parseStatistic, statisticValue, type Statistic } from "../metric-statistic";
import { decodeToken, encodeToken, fingerprint } from "../../shared/paging-token";
import { parseWire } from "../../shared/request-body";
import { dimensionProblems, METRIC_DATA_QUERY_ID, STANDARD_UNITS, toDimensions, toEpochSeconds, wireMetricDataQuery, wireTimestamp, type WireMetricDataQuery } from "../wire-input";
import { cursorsSchema, pageSeries, type Cursor, type QuerySeries } from "./metric-data-paging";
import type { Operation } from "./operation";

const inputSchema = z.object({
  MetricDataQueries: z.array(wireMetricDataQuery).optional(),
  StartTime: wireTimestamp.optional(),
  EndTime: wireTimestamp.optional(),
  NextToken: z.string().optional(),
  ScanBy: z.string().optional(),
  MaxDatapoints: z.number().optional(),
  // Only affects dynamic labels, which the local CloudWatch does not expand.
  LabelOptions: z.object({ Timezone: z.string().optional() }).optional(),
});

type Query = { id: string; label: string; returnData: boolean; identity: MetricIdentity; periodSeconds: number; statistic: Statistic; unit: string | undefined };

const MAX_QUERIES = 500;
const MAX_DATAPOINTS = 100_800;
const DAY_MS = 86_400_000;

/** Periods CloudWatch accepts: 1, 5, 10, 20 and 30 seconds for high-resolution data, otherwise multiples of 60. */
const isValidPeriod = (period: number) => Number.isInteger(period) && period > 0 && ([1, 5, 10, 20, 30].includes(period) || period % 60 === 0);

/** CloudWatch rounds StartTime down: to the period under a minute, else by the start's age to 1 minute, 5 minutes or 1 hour. */
function roundedStart(startMs: number, periodSeconds: number, nowMs: number): number {
  const age = nowMs - startMs;
  const step = periodSeconds < 60 ? periodSeconds * 1000 : age > 63 * DAY_MS ? 3_600_000 : age > 15 * DAY_MS ? 300_000 : 60_000;
  return Math.floor(startMs / step) * step;
}

function validateQuery(query: WireMetricDataQuery, index: number, problems: string[]): Query | undefined {
  const at = `MetricDataQueries.member.${index + 1}`;
  const before = problems.length;
  if (query.Id === undefined) problems.push(`The parameter ${at}.Id is required.`);
  else if (!METRIC_DATA_QUERY_ID.test(query.Id) || query.Id.length > 255) {
    problems.push(`The value ${query.Id} for parameter ${at}.Id is invalid: it must start with a lowercase letter and hold only letters, digits and underscores.`);
  }
  if (query.Expression !== undefined) {
    problems.push(`${at}.Expression: the local CloudWatch does not support metric math expressions or Metrics Insights queries; use MetricStat.`);
    return undefined;
  }
  const stat = query.MetricStat;
  if (!stat) {
    problems.push(`Exactly one of MetricStat and Expression must be specified for ${at}.`);
    return undefined;
  }
  const metric = stat.Metric;
  if (!metric) problems.push(`The parameter ${at}.MetricStat.Metric is required.`);
  if (metric && metric.Namespace === undefined) problems.push(`The parameter ${at}.MetricStat.Metric.Namespace is required.`);
  if (metric && metric.MetricName === undefined) problems.push(`The parameter ${at}.MetricStat.Metric.MetricName is required.`);
  problems.push(...dimensionProblems(metric?.Dimensions ?? [], `${at}.MetricStat.Metric.Dimensions`));
  if (stat.Period === undefined) problems.push(`The parameter ${at}.MetricStat.Period is required.`);
  else if (!isValidPeriod(stat.Period)) problems.push(`The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30, 60 or a multiple of 60.`);
  const statistic = stat.Stat === undefined ? undefined : parseStatistic(stat.Stat);
  if (stat.Stat === undefined) problems.push(`The parameter ${at}.MetricStat.Stat is required.`);
  else if (!statistic) problems.push(`The value for parameter ${at}.MetricStat.Stat is not a valid statistic.`);
  if (stat.Unit !== undefined && !STANDARD_UNITS.has(stat.Unit)) problems.push(`The value ${stat.Unit} for parameter ${at}.MetricStat.Unit is invalid.`);
  if (problems.length > before || !statistic || query.Id === undefined || !metric?.Namespace || !metric.MetricName || stat.Period === undefined) {
    return undefined;
  }
  return {
    id: query.Id,
    // Without a Label, CloudWatch labels a MetricStat result with the metric's name.
    label: query.Label ?? metric.MetricName,
    returnData: query.ReturnData ?? true,
    identity: { namespace: metric.Namespace, metricName: metric.MetricName, dimensions: toDimensions(metric.Dimensions ?? []) },
    periodSeconds: stat.Period,
    statistic,
    unit: stat.Unit,
  };
}

export const getMetricData: Operation = (body, { metrics, nowMs }) => {
  const input = parseWire(inputSchema, body);
  const rawQueries = input.MetricDataQueries;
  if (rawQueries === undefined) throw validationError("The parameter MetricDataQueries is required.");
  if (rawQueries.length > MAX_QUERIES) throw validationError(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`);
  const { StartTime: startMs, EndTime: endMs } = input;
  if (startMs === undefined) throw validationError("The parameter StartTime is required.");
  if (endMs === undefined) throw validationError("The parameter EndTime is required.");
  if (startMs === endMs) throw validationError("The parameter StartTime must not equal parameter EndTime.");
  if (startMs > endMs) throw validationError("The parameter StartTime must be less than the parameter EndTime.");
  const scanBy = input.ScanBy ?? "TimestampDescending";
  if (scanBy !== "TimestampDescending" && scanBy !== "TimestampAscending") {
    throw validationError(`The value ${scanBy} for parameter ScanBy is invalid; it must be TimestampDescending or TimestampAscending.`);
  }
  if (input.MaxDatapoints !== undefined && (!Number.isInteger(input.MaxDatapoints) || input.MaxDatapoints < 1)) {
    throw validationError(`The value ${input.MaxDatapoints} for parameter MaxDatapoints is invalid; it must be a positive whole number.`);
  }

  const problems: string[] = [];
  const queries = rawQueries.map((query, index) => validateQuery(query, index, problems));
  const ids = rawQueries.map((query) => query.Id).filter((id): id is string => id !== undefined);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated !== undefined) problems.push(`The values for parameter Id in MetricDataQueries must be unique; ${repeated} is repeated.`);
  // Like CloudWatch, report every problem at once, one per line.
  if (problems.length > 0) throw validationError(problems.join("\n"));
  const returned = queries.filter((query): query is Query => query !== undefined && query.returnData);

  const requestFingerprint = fingerprint({ queries: rawQueries, startMs, endMs, scanBy });
  let cursors: Cursor[] = returned.map(() => null);
  if (input.NextToken !== undefined) {
    const decoded = decodeToken(input.NextToken, "GetMetricData", requestFingerprint, cursorsSchema);
    if (!decoded || decoded.length !== returned.length) throw invalidNextToken();
    cursors = decoded;
  }

  const series: QuerySeries[] = returned.map((query) => {
    const periods = metrics.periodAggregates(query.identity, {
      startMs: roundedStart(startMs, query.periodSeconds, nowMs),
      endMs,
      periodSeconds: query.periodSeconds,
      unit: query.unit,
    });
    const points = periods.flatMap(({ timestampMs, aggregate }) => {
      const value = statisticValue(aggregate, query.statistic);
      return value === undefined ? [] : [{ timestampMs, value }];
    });
    if (scanBy === "TimestampDescending") points.reverse();
    return { id: query.id, label: query.label, points };
  });

  // MaxDatapoints cannot raise the per-call limit of 100,800 datapoints.
  const maxDatapoints = Math.min(input.MaxDatapoints ?? MAX_DATAPOINTS, MAX_DATAPOINTS);
  const { page, next } = pageSeries(series, cursors, scanBy, maxDatapoints);
  return {
    MetricDataResults: page.map((result) => ({
      Id: result.id,
      Label: result.label,
      Timestamps: result.points.map((point) => toEpochSeconds(point.timestampMs)),
      Values: result.points.map((point) => point.value),
      StatusCode: result.complete ? "Complete" : "PartialData",
      Messages: [],
    })),
    ...(next ? { NextToken: encodeToken("GetMetricData", requestFingerprint, next) } : {}),
    Messages: [],
  };
};
