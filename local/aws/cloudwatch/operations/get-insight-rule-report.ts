import { z } from "zod";
import { CloudWatchApiError, invalidValue, missingParameter } from "../cloudwatch-errors";
import { INSIGHT_METRIC_NAMES, type InsightMetricName } from "../insight-report";
import { parseWire } from "../../shared/request-body";
import { toEpochSeconds, wireTimestamp } from "../wire-input";
import type { Operation } from "./operation";

const inputSchema = z.object({
  RuleName: z.string().optional(),
  StartTime: wireTimestamp.optional(),
  EndTime: wireTimestamp.optional(),
  Period: z.number().optional(),
  MaxContributorCount: z.number().optional(),
  Metrics: z.array(z.string()).optional(),
  OrderBy: z.string().optional(),
});

const isMetricName = (name: string): name is InsightMetricName => (INSIGHT_METRIC_NAMES as readonly string[]).includes(name);

/** GetInsightRuleReport, with the errors its model declares: MissingParameter, InvalidParameterValue, ResourceNotFoundException. */
export const getInsightRuleReport: Operation = (body, { insights }) => {
  const input = parseWire(inputSchema, body);
  const { RuleName: ruleName, StartTime: startMs, EndTime: endMs, Period: period } = input;
  if (ruleName === undefined) throw missingParameter("RuleName");
  if (startMs === undefined) throw missingParameter("StartTime");
  if (endMs === undefined) throw missingParameter("EndTime");
  if (period === undefined) throw missingParameter("Period");
  if (!Number.isInteger(period) || period < 1) {
    throw invalidValue(`The value ${period} for parameter Period is invalid; it must be a positive whole number of seconds.`);
  }
  if (startMs >= endMs) throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
  const maxContributorCount = input.MaxContributorCount ?? 10;
  if (!Number.isInteger(maxContributorCount) || maxContributorCount < 1 || maxContributorCount > 100) {
    throw invalidValue(`The value ${maxContributorCount} for parameter MaxContributorCount is invalid; it must be between 1 and 100.`);
  }
  const metrics = (input.Metrics ?? []).map((name, index) => {
    if (!isMetricName(name)) {
      throw invalidValue(`The value ${name} for parameter Metrics.member.${index + 1} is invalid; valid metrics are ${INSIGHT_METRIC_NAMES.join(", ")}.`);
    }
    return name;
  });
  const orderBy = input.OrderBy ?? "Sum";
  if (orderBy !== "Sum" && orderBy !== "Maximum") throw invalidValue(`The value ${orderBy} for parameter OrderBy is invalid; it must be Sum or Maximum.`);

  const report = insights.report(ruleName, { startMs, endMs, periodSeconds: period, maxContributorCount, orderBy, metrics });
  if (!report) {
    throw new CloudWatchApiError("ResourceNotFoundException", `The rule ${ruleName} does not exist.`, { ResourceType: "InsightRule", ResourceId: ruleName });
  }
  return {
    KeyLabels: report.keyLabels,
    AggregationStatistic: report.aggregationStatistic,
    AggregateValue: report.aggregateValue,
    ApproximateUniqueCount: report.approximateUniqueCount,
    Contributors: report.contributors.map((contributor) => ({
      Keys: contributor.keys,
      ApproximateAggregateValue: contributor.approximateAggregateValue,
      Datapoints: contributor.datapoints.map((point) => ({ Timestamp: toEpochSeconds(point.timestampMs), ApproximateValue: point.approximateValue })),
    })),
    MetricDatapoints: report.metricDatapoints.map(({ timestampMs, ...values }) => ({ Timestamp: toEpochSeconds(timestampMs), ...values })),
  };
};
