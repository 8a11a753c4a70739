import { actionsFor, alarmArn, isAutoScalingAction, type AlarmActionInvocation } from "./alarm-actions";
import { decideMetricAlarm, effectiveTreatMissingData, evaluationRangeLength } from "./alarm-evaluation";
import { evaluateAlarmRule, parseAlarmRule, referencedAlarms } from "./alarm-rule";
import type { AlarmRecord, AlarmState, CompositeAlarmRecord, MetricAlarmRecord } from "./alarm-schemas";
import { readAlarmSeries } from "./alarm-series";
import type { AlarmStore } from "./alarm-store";
import { formatDataTime } from "./alarm-text";
import type { MetricStore } from "./metric-store";

export type AlarmTenant = { accountId: string; region: string; metrics: MetricStore; alarms: AlarmStore };

/**
 * One evaluation pass over a tenant's alarms at `nowMs`: metric alarms against the metric store, then composite alarms
 * over their children's states. Changes state (recording history) and returns the actions CloudWatch would invoke:
 * every action of the new state's list on a change, and Auto Scaling actions again for every further period the
 * alarm stays in that state.
 */
export function evaluateTenantAlarms(tenant: AlarmTenant, nowMs: number): AlarmActionInvocation[] {
  const invocations: AlarmActionInvocation[] = [];
  const invoke = (alarm: AlarmRecord, state: AlarmState, arns: readonly string[]) => {
    for (const actionArn of arns) invocations.push({ accountId: tenant.accountId, region: tenant.region, alarmName: alarm.name, state, actionArn, atMs: nowMs });
  };
  const afterEvaluation = (alarm: AlarmRecord, changed: boolean, periodEndMs: number) => {
    if (!alarm.actionsEnabled) return;
    const state = alarm.state.value;
    if (changed) {
      invoke(alarm, state, actionsFor(alarm, state));
      tenant.alarms.markActionsRun(alarm.name, periodEndMs);
      return;
    }
    const repeating = actionsFor(alarm, state).filter(isAutoScalingAction);
    if (repeating.length > 0 && periodEndMs > (alarm.lastActionPeriodEndMs ?? Number.NEGATIVE_INFINITY)) {
      invoke(alarm, state, repeating);
      tenant.alarms.markActionsRun(alarm.name, periodEndMs);
    }
  };

  const all = tenant.alarms.list();
  for (const alarm of all) {
    if (alarm.type !== "MetricAlarm") continue;
    const changed = evaluateMetricAlarm(alarm, tenant, nowMs);
    afterEvaluation(alarm, changed.changed, changed.periodEndMs);
  }

  // Composites of composites: repeat until nothing changes; a cycle stops after as many rounds as there are composites.
  const composites = all.filter((alarm): alarm is CompositeAlarmRecord => alarm.type === "CompositeAlarm");
  const changedComposites = new Set<string>();
  for (let round = 0; round <= composites.length; round += 1) {
    let any = false;
    for (const composite of composites) {
      if (evaluateCompositeAlarm(composite, tenant, nowMs)) {
        changedComposites.add(composite.name);
        any = true;
      }
    }
    if (!any) break;
  }
  const minuteEnd = Math.floor(nowMs / 60_000) * 60_000;
  for (const composite of composites) afterEvaluation(composite, changedComposites.has(composite.name), minuteEnd);
  return invocations;
}

function evaluateMetricAlarm(alarm: MetricAlarmRecord, tenant: AlarmTenant, nowMs: number): { changed: boolean; periodEndMs: number } {
  const series = readAlarmSeries(alarm, tenant.metrics, nowMs, evaluationRangeLength(alarm.evaluationPeriods));
  const decision = decideMetricAlarm({
    slots: series.slots,
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.datapointsToAlarm ?? alarm.evaluationPeriods,
    threshold: alarm.threshold,
    comparisonOperator: alarm.comparisonOperator,
    treatMissingData: effectiveTreatMissingData(alarm.treatMissingData, series.namespaces),
    currentState: alarm.state.value,
    nowMs,
    periodSeconds: series.periodSeconds,
    statistic: alarm.statistic ?? alarm.extendedStatistic,
    unit: alarm.unit,
  });
  const changed = decision.decided && decision.state !== alarm.state.value;
  if (changed) tenant.alarms.setState(alarm.name, { value: decision.state, reason: decision.reason, reasonData: decision.reasonData }, nowMs);
  return { changed, periodEndMs: series.endMs };
}

/** Returns true when the composite changed state. */
function evaluateCompositeAlarm(composite: CompositeAlarmRecord, tenant: AlarmTenant, nowMs: number): boolean {
  const rule = parseAlarmRule(composite.rule);
  const stateOf = (name: string) => tenant.alarms.get(name)?.state.value;
  const next: AlarmState = evaluateAlarmRule(rule, stateOf) ? "ALARM" : "OK";
  if (next === composite.state.value) return false;
  // CloudWatch names the child whose transition triggered the composite; the most recent transition is that child.
  const children = referencedAlarms(rule).flatMap((name) => {
    const child = tenant.alarms.get(name);
    return child ? [child] : [];
  });
  const trigger = [...children].sort((a, b) => b.state.transitionedMs - a.state.transitionedMs)[0];
  const arnOf = (name: string) => alarmArn(tenant.region, tenant.accountId, name);
  const reason = trigger
    ? `${arnOf(trigger.name)} transitioned to ${trigger.state.value} at ${new Date(trigger.state.transitionedMs).toUTCString()}`
    : `The alarm rule ${composite.rule} evaluated to ${next === "ALARM" ? "TRUE" : "FALSE"}`;
  const reasonData = JSON.stringify({
    triggeringAlarms: children.map((child) => ({
      arn: arnOf(child.name),
      state: { value: child.state.value, timestamp: formatDataTime(child.state.transitionedMs) },
    })),
  });
  tenant.alarms.setState(composite.name, { value: next, reason, reasonData }, nowMs);
  return true;
}
