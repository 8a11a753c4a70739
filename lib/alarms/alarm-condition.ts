import { formatDuration } from "@/lib/format/format-duration";
import type { TableAlarm } from "./alarm-types";

const COMPARISON_WORDS: Record<string, string> = {
  GreaterThanOrEqualToThreshold: "at or above",
  GreaterThanThreshold: "above",
  LessThanThreshold: "below",
  LessThanOrEqualToThreshold: "at or below",
};

const MISSING_WORDS: Record<string, string> = {
  missing: "missing data is not counted",
  notBreaching: "missing data counts as fine",
  breaching: "missing data counts as crossing",
  ignore: "missing data keeps the current state",
};

function number(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/**
 * What an alarm checks, in one sentence for someone who has never set one up: "Sum of WriteThrottleEvents (GSI1)
 * above 0 in 1 of 1 periods of 5 min; missing data is not counted". Client-safe.
 */
export function alarmCondition(alarm: TableAlarm): string {
  if (alarm.kind === "composite") return alarm.rule ? `Combines other alarms: ${alarm.rule}` : "Combines other alarms.";
  const what = alarm.metric
    ? `${alarm.metric.statistic ? `${alarm.metric.statistic} of ` : ""}${alarm.metric.metricName}${alarm.metric.index ? ` (${alarm.metric.index})` : ""}`
    : alarm.expression
      ? `${alarm.expression} (metric math over ${alarm.metrics.map((metric) => metric.metricName).join(", ") || "its metrics"})`
      : "its metric";
  const comparison = alarm.comparison ? (COMPARISON_WORDS[alarm.comparison] ?? alarm.comparison) : "compared with";
  const threshold = alarm.threshold === null ? "its band" : number(alarm.threshold);
  const periods =
    alarm.evaluationPeriods === null
      ? ""
      : ` in ${alarm.datapointsToAlarm ?? alarm.evaluationPeriods} of ${alarm.evaluationPeriods} ${alarm.evaluationPeriods === 1 ? "period" : "periods"}${alarm.periodSeconds ? ` of ${formatDuration(alarm.periodSeconds * 1000)}` : ""}`;
  const missing = alarm.treatMissingData ? `; ${MISSING_WORDS[alarm.treatMissingData] ?? alarm.treatMissingData}` : "";
  return `${what} ${comparison} ${threshold}${periods}${missing}`;
}
