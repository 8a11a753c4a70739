import "server-only";
import { alarmPeriods, stateChanges } from "@/lib/alarms/alarm-periods";
import type { AlarmsResponse, TableAlarm } from "@/lib/alarms/alarm-types";
import { byStateThenName, matchTableAlarms, pagingInAlarm, type DescribedAlarms } from "@/lib/alarms/table-alarm-match";
import type { MetricWindow } from "@/lib/metrics/metric-window";
import type { Scope } from "@/lib/scope/scope";
import { sourceFailure } from "@/lib/server/diagnosis/diagnosis-sources";
import { describeTable } from "@/lib/server/tables/describe-table";
import { scopeAlarmHistory, scopeAlarms } from "./scope-alarms";

/**
 * The table's alarms as they are now, without their history: what the diagnosis needs (state and since when), from
 * the scope's one DescribeAlarms read. Their periods are inferred from the current state alone.
 */
export function currentAlarms(described: DescribedAlarms, tableName: string, window: { startMs: number; endMs: number }, nowMs: number): TableAlarm[] {
  return matchTableAlarms(described, tableName)
    .map((alarm) => ({ ...alarm, alarmPeriods: alarmPeriods({ state: alarm.state, stateSince: alarm.stateSince, changes: [], window: { start: window.startMs, end: window.endMs }, now: nowMs }), history: [] }))
    .sort(byStateThenName);
}

/** The table's alarms for the diagnosis: an exposed table only (a hidden or missing one is a 404, as everywhere). */
export async function tableAlarmStates(scope: Scope, tableName: string, window: { startMs: number; endMs: number }, nowMs: number = Date.now()): Promise<TableAlarm[]> {
  await describeTable(scope, tableName);
  return currentAlarms(await scopeAlarms(scope, nowMs), tableName, window, nowMs);
}

/**
 * GET /api/tables/:table/alarms: every alarm on the table's and its GSIs' AWS/DynamoDB metrics, and the composites
 * that read them, with their state, settings, state changes and spans in ALARM within the window. The alarm list and
 * the history are each one read per scope (and window), shared by every table and viewer. If the history cannot be
 * read, the alarms still list: their spans come from the current state, and `historyComplete` is false.
 */
export async function tableAlarms(scope: Scope, tableName: string, window: MetricWindow, nowMs: number = Date.now()): Promise<AlarmsResponse> {
  await describeTable(scope, tableName);
  const [described, history] = await Promise.all([
    scopeAlarms(scope, nowMs),
    scopeAlarmHistory(scope, window, nowMs).catch((error: unknown) => ({ items: [], complete: false, error: sourceFailure(error, "CloudWatch alarm history") })),
  ]);
  const { byAlarm, unreadable } = stateChanges(history.items);
  const span = { start: window.startMs, end: window.endMs };
  const alarms = matchTableAlarms(described, tableName)
    .map((alarm): TableAlarm => {
      const changes = byAlarm.get(alarm.name) ?? [];
      return {
        ...alarm,
        alarmPeriods: alarmPeriods({ state: alarm.state, stateSince: alarm.stateSince, changes, window: span, now: nowMs }),
        history: changes.filter((change) => change.at >= span.start && change.at < span.end),
      };
    })
    .sort(byStateThenName);
  return {
    table: tableName,
    window: span,
    alarms,
    inAlarm: pagingInAlarm(alarms).length,
    historyComplete: history.complete && unreadable === 0,
    historyError: history.error ?? (unreadable > 0 ? `${unreadable} state change${unreadable === 1 ? "" : "s"} in DescribeAlarmHistory could not be read.` : null),
    generatedAt: nowMs,
  };
}
