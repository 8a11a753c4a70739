import type { Dimension } from "../metric-store";
import { parseWire } from "../../shared/request-body";
import { checkMetricIdentity, singleMetricInput } from "./alarm-input";
import { wireMetricAlarm } from "./alarm-output";
import type { Operation } from "./operation";

/** The same dimensions, order aside: CloudWatch identifies a metric by its namespace, name and dimension set. */
function sameDimensions(a: readonly Dimension[], b: readonly Dimension[]): boolean {
  if (a.length !== b.length) return false;
  const key = (dimensions: readonly Dimension[]) => JSON.stringify([...dimensions].map((d) => [d.name, d.value]).sort());
  return key(a) === key(b);
}

/**
 * DescribeAlarmsForMetric: the single-metric alarms on exactly this metric ("It does not return alarms based on math
 * expressions that use the specified metric, or composite alarms"), filtered by Statistic, ExtendedStatistic, Period
 * and Unit when given. Not paged, as in CloudWatch.
 */
export const describeAlarmsForMetric: Operation = (body, { alarms, accountId, region }) => {
  const input = parseWire(singleMetricInput, body);
  const { namespace, metricName, dimensions } = checkMetricIdentity(input);
  const matches = alarms.list().flatMap((alarm) =>
    alarm.type === "MetricAlarm" &&
    alarm.metric !== undefined &&
    alarm.metric.namespace === namespace &&
    alarm.metric.metricName === metricName &&
    sameDimensions(alarm.metric.dimensions, dimensions) &&
    (input.Statistic === undefined || alarm.statistic === input.Statistic) &&
    (input.ExtendedStatistic === undefined || alarm.extendedStatistic === input.ExtendedStatistic) &&
    (input.Period === undefined || alarm.periodSeconds === input.Period) &&
    (input.Unit === undefined || alarm.unit === input.Unit)
      ? [alarm]
      : [],
  );
  return { MetricAlarms: matches.map((alarm) => wireMetricAlarm(alarm, { accountId, region })) };
};
