import { deleteAlarms } from "./delete-alarms";
import { describeAlarmHistory } from "./describe-alarm-history";
import { describeAlarms } from "./describe-alarms";
import { describeAlarmsForMetric } from "./describe-alarms-for-metric";
import { describeInsightRules } from "./describe-insight-rules";
import { getInsightRuleReport } from "./get-insight-rule-report";
import { getMetricData } from "./get-metric-data";
import { listMetrics } from "./list-metrics";
import type { Operation } from "./operation";
import { putCompositeAlarm } from "./put-composite-alarm";
import { putMetricAlarm } from "./put-metric-alarm";
import { putMetricData } from "./put-metric-data";

/** The operations the local CloudWatch serves; any other X-Amz-Target gets UnknownOperationException. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ["PutMetricData", putMetricData],
  ["GetMetricData", getMetricData],
  ["ListMetrics", listMetrics],
  ["DescribeInsightRules", describeInsightRules],
  ["GetInsightRuleReport", getInsightRuleReport],
  ["PutMetricAlarm", putMetricAlarm],
  ["PutCompositeAlarm", putCompositeAlarm],
  ["DescribeAlarms", describeAlarms],
  ["DescribeAlarmsForMetric", describeAlarmsForMetric],
  ["DescribeAlarmHistory", describeAlarmHistory],
  ["DeleteAlarms", deleteAlarms],
]);
