import { alarmArn } from "../alarm-actions";
import type { AlarmQuery, AlarmRecord, CompositeAlarmRecord, MetricAlarmRecord } from "../alarm-schemas";
import type { MetricIdentity } from "../metric-store";
import { toEpochSeconds } from "../wire-input";

/** Alarms as DescribeAlarms returns them: every MetricAlarm / CompositeAlarm member the local service can fill. */

type Scope = { accountId: string; region: string };

const wireDimensions = (metric: MetricIdentity) => metric.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value }));

function wireQuery(query: AlarmQuery): Record<string, unknown> {
  return {
    Id: query.id,
    ...(query.label !== undefined ? { Label: query.label } : {}),
    ReturnData: query.returnData,
    ...(query.expression !== undefined ? { Expression: query.expression } : {}),
    ...(query.periodSeconds !== undefined ? { Period: query.periodSeconds } : {}),
    ...(query.accountId !== undefined ? { AccountId: query.accountId } : {}),
    ...(query.metricStat
      ? {
          MetricStat: {
            Metric: { Namespace: query.metricStat.metric.namespace, MetricName: query.metricStat.metric.metricName, Dimensions: wireDimensions(query.metricStat.metric) },
            Period: query.metricStat.periodSeconds,
            Stat: query.metricStat.stat,
            ...(query.metricStat.unit !== undefined ? { Unit: query.metricStat.unit } : {}),
          },
        }
      : {}),
  };
}

function common(alarm: AlarmRecord, scope: Scope): Record<string, unknown> {
  return {
    AlarmName: alarm.name,
    AlarmArn: alarmArn(scope.region, scope.accountId, alarm.name),
    ...(alarm.description !== undefined ? { AlarmDescription: alarm.description } : {}),
    AlarmConfigurationUpdatedTimestamp: toEpochSeconds(alarm.configurationUpdatedMs),
    ActionsEnabled: alarm.actionsEnabled,
    OKActions: alarm.okActions,
    AlarmActions: alarm.alarmActions,
    InsufficientDataActions: alarm.insufficientDataActions,
    StateValue: alarm.state.value,
    StateReason: alarm.state.reason,
    ...(alarm.state.reasonData !== undefined ? { StateReasonData: alarm.state.reasonData } : {}),
    StateUpdatedTimestamp: toEpochSeconds(alarm.state.updatedMs),
    StateTransitionedTimestamp: toEpochSeconds(alarm.state.transitionedMs),
  };
}

export function wireMetricAlarm(alarm: MetricAlarmRecord, scope: Scope): Record<string, unknown> {
  return {
    ...common(alarm, scope),
    ...(alarm.metric ? { Namespace: alarm.metric.namespace, MetricName: alarm.metric.metricName } : {}),
    ...(alarm.statistic !== undefined ? { Statistic: alarm.statistic } : {}),
    ...(alarm.extendedStatistic !== undefined ? { ExtendedStatistic: alarm.extendedStatistic } : {}),
    Dimensions: alarm.metric ? wireDimensions(alarm.metric) : [],
    ...(alarm.periodSeconds !== undefined ? { Period: alarm.periodSeconds } : {}),
    ...(alarm.unit !== undefined ? { Unit: alarm.unit } : {}),
    EvaluationPeriods: alarm.evaluationPeriods,
    ...(alarm.datapointsToAlarm !== undefined ? { DatapointsToAlarm: alarm.datapointsToAlarm } : {}),
    Threshold: alarm.threshold,
    ComparisonOperator: alarm.comparisonOperator,
    ...(alarm.treatMissingData !== undefined ? { TreatMissingData: alarm.treatMissingData } : {}),
    ...(alarm.evaluateLowSampleCountPercentile !== undefined ? { EvaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile } : {}),
    ...(alarm.metrics ? { Metrics: alarm.metrics.map(wireQuery) } : {}),
    // The local service always evaluates on complete data (no Metrics Insights partial data).
  };
}

export function wireCompositeAlarm(alarm: CompositeAlarmRecord, scope: Scope): Record<string, unknown> {
  return { ...common(alarm, scope), AlarmRule: alarm.rule };
}

export function wireAlarm(alarm: AlarmRecord, scope: Scope): Record<string, unknown> {
  return alarm.type === "MetricAlarm" ? wireMetricAlarm(alarm, scope) : wireCompositeAlarm(alarm, scope);
}
