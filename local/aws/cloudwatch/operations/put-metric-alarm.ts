import { z } from "zod";
import { invalidCombination, invalidValue, missingParameter, validationError } from "../cloudwatch-errors";
import { COMPARISON_OPERATORS, TREAT_MISSING_DATA, type MetricAlarmRecord } from "../alarm-schemas";
import { parseStatistic } from "../metric-statistic";
import { parseWire } from "../../shared/request-body";
import { STANDARD_UNITS, wireDouble, wireMetricDataQuery } from "../wire-input";
import { checkEnum, checkMetricIdentity, checkPeriod, checkRange, requireValue, singleMetricInput } from "./alarm-input";
import { alarmConfigurationInput, checkAlarmConfiguration, saveAlarm } from "./alarm-configuration";
import { parseAlarmMetrics } from "./alarm-metrics";
import type { Operation } from "./operation";

const inputSchema = singleMetricInput.extend({
  ...alarmConfigurationInput,
  EvaluationPeriods: z.number().optional(),
  DatapointsToAlarm: z.number().optional(),
  Threshold: wireDouble.optional(),
  ComparisonOperator: z.string().optional(),
  TreatMissingData: z.string().optional(),
  EvaluateLowSampleCountPercentile: z.string().optional(),
  Metrics: z.array(wireMetricDataQuery).optional(),
  ThresholdMetricId: z.string().optional(),
  EvaluationWindow: z.unknown().optional(),
  WarmUpConfiguration: z.unknown().optional(),
  EvaluationCriteria: z.unknown().optional(),
  EvaluationInterval: z.number().optional(),
});

const STATISTICS = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"] as const;
const ANOMALY_OPERATORS = ["LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"];
const DAY_SECONDS = 86_400;

/** "Period multiplied by EvaluationPeriods can't be more than 604,800 seconds", and 86,400 for periods under an hour. */
function checkEvaluationLength(period: number, evaluationPeriods: number): void {
  const limit = period < 3_600 ? DAY_SECONDS : 7 * DAY_SECONDS;
  if (period * evaluationPeriods > limit) {
    throw validationError(`The evaluation period length (Period × EvaluationPeriods = ${period * evaluationPeriods} seconds) must not exceed ${limit} seconds.`);
  }
}

/**
 * PutMetricAlarm: creates an alarm (state INSUFFICIENT_DATA, "Unchecked: Initial alarm creation") or replaces an
 * existing one's configuration, keeping its state. Static thresholds only: anomaly detection, Metrics Insights and
 * PromQL alarms are refused as unsupported rather than stored and never evaluated.
 */
export const putMetricAlarm: Operation = (body, { alarms, accountId, region, nowMs }) => {
  const input = parseWire(inputSchema, body);
  const configuration = checkAlarmConfiguration(input, nowMs);

  const evaluationPeriods = requireValue(input.EvaluationPeriods, "EvaluationPeriods");
  checkRange(evaluationPeriods, "EvaluationPeriods", 1, Number.MAX_SAFE_INTEGER);
  checkRange(input.DatapointsToAlarm, "DatapointsToAlarm", 1, Number.MAX_SAFE_INTEGER);
  if (input.DatapointsToAlarm !== undefined && input.DatapointsToAlarm > evaluationPeriods) {
    throw validationError(`DatapointsToAlarm (${input.DatapointsToAlarm}) must be less than or equal to EvaluationPeriods (${evaluationPeriods}).`);
  }
  const operator = requireValue(input.ComparisonOperator, "ComparisonOperator");
  if (ANOMALY_OPERATORS.includes(operator) || input.ThresholdMetricId !== undefined) {
    throw validationError(`The local CloudWatch does not support anomaly detection alarms (ComparisonOperator ${operator}, ThresholdMetricId); use a static threshold.`);
  }
  if (input.EvaluationCriteria !== undefined || input.EvaluationInterval !== undefined) {
    throw validationError("The local CloudWatch does not support PromQL alarms (EvaluationCriteria, EvaluationInterval).");
  }
  const comparisonOperator = requireValue(checkEnum(operator, "ComparisonOperator", COMPARISON_OPERATORS), "ComparisonOperator");
  const threshold = requireValue(input.Threshold, "Threshold");
  if (!Number.isFinite(threshold)) throw invalidValue(`The value ${String(threshold)} for parameter Threshold is invalid.`);
  const treatMissingData = checkEnum(input.TreatMissingData, "TreatMissingData", TREAT_MISSING_DATA);
  checkEnum(input.EvaluateLowSampleCountPercentile, "EvaluateLowSampleCountPercentile", ["evaluate", "ignore"]);

  const single = singleMetricInput.keyof().options.filter((member) => input[member] !== undefined);
  let source: Pick<MetricAlarmRecord, "metric" | "statistic" | "extendedStatistic" | "periodSeconds" | "unit" | "metrics">;
  let period: number;
  if (input.Metrics !== undefined) {
    if (single[0] !== undefined) throw invalidCombination(`The parameters Metrics and ${single[0]} are mutually exclusive and you have specified both.`);
    const parsed = parseAlarmMetrics(input.Metrics, accountId);
    source = { metrics: parsed.queries };
    period = parsed.periodSeconds;
  } else {
    const metric = checkMetricIdentity(input);
    if (input.Statistic !== undefined && input.ExtendedStatistic !== undefined) {
      throw invalidCombination("The parameters Statistic and ExtendedStatistic are mutually exclusive and you have specified both.");
    }
    if (input.Statistic === undefined && input.ExtendedStatistic === undefined) throw missingParameter("Statistic or ExtendedStatistic");
    checkEnum(input.Statistic, "Statistic", STATISTICS);
    if (input.ExtendedStatistic !== undefined && parseStatistic(input.ExtendedStatistic)?.kind !== "percentile") {
      throw invalidValue(`The value ${input.ExtendedStatistic} for parameter ExtendedStatistic is invalid; the local CloudWatch supports percentiles p0.0 to p100.`);
    }
    if (input.Unit !== undefined && !STANDARD_UNITS.has(input.Unit)) throw invalidValue(`The value ${input.Unit} for parameter Unit is invalid.`);
    period = requireValue(input.Period, "Period");
    checkPeriod(period, "Period");
    source = {
      metric,
      statistic: input.Statistic,
      extendedStatistic: input.ExtendedStatistic,
      periodSeconds: period,
      unit: input.Unit,
    };
  }
  checkEvaluationLength(period, evaluationPeriods);

  const record: MetricAlarmRecord = {
    type: "MetricAlarm",
    ...configuration,
    ...source,
    evaluationPeriods,
    datapointsToAlarm: input.DatapointsToAlarm,
    threshold,
    comparisonOperator,
    treatMissingData,
    evaluateLowSampleCountPercentile: input.EvaluateLowSampleCountPercentile,
  };
  saveAlarm(alarms, record, { accountId, region }, nowMs);
  return {};
};
