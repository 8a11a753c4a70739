import {
  alarmStoreStateSchema,
  type AlarmRecord,
  type AlarmState,
  type AlarmStoreState,
  type AlarmType,
  type HistoryItem,
} from "./alarm-schemas";

const DAY_MS = 86_400_000;
/** DescribeAlarmHistory: CloudWatch keeps alarm history for 30 days. */
export const HISTORY_RETENTION_MS = 30 * DAY_MS;
/** A bound on memory and on the snapshot when a long simulated history is backfilled minute by minute. */
export const MAX_HISTORY_ITEMS = 50_000;

export type StateChange = { value: AlarmState; reason: string; reasonData?: string };

/**
 * One tenant's alarms (metric and composite share one namespace of names, as in CloudWatch) and their history.
 * History outlives a deleted alarm, as CloudWatch's does, until it ages out.
 */
export class AlarmStore {
  private readonly alarms = new Map<string, AlarmRecord>();
  private history: HistoryItem[] = [];

  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name);
  }

  /** Every alarm, sorted by name (DescribeAlarms lists alarms in name order). */
  list(): AlarmRecord[] {
    return [...this.alarms.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Creates or replaces an alarm. PutMetricAlarm and PutCompositeAlarm: "When you update an existing alarm, its state
   * is left unchanged, but the update completely overwrites the previous configuration of the alarm."
   */
  put(record: AlarmRecord, nowMs: number, describe: (record: AlarmRecord) => unknown): "Create" | "Update" {
    const existing = this.alarms.get(record.name);
    const stored: AlarmRecord = existing ? { ...record, state: existing.state, lastActionPeriodEndMs: existing.lastActionPeriodEndMs } : record;
    this.alarms.set(record.name, stored);
    const type = existing ? "Update" : "Create";
    this.addHistory({
      alarmName: record.name,
      alarmType: record.type,
      timestampMs: nowMs,
      itemType: "ConfigurationUpdate",
      summary: `Alarm "${record.name}" ${existing ? "updated" : "created"}`,
      data: JSON.stringify({ version: "1.0", type, [existing ? "updatedAlarm" : "createdAlarm"]: describe(stored) }),
    });
    return type;
  }

  delete(name: string): boolean {
    return this.alarms.delete(name);
  }

  /** Moves an alarm to a new state and records the StateUpdate history item AWS writes. */
  setState(name: string, next: StateChange, nowMs: number): void {
    const alarm = this.alarms.get(name);
    if (!alarm) return;
    const old = alarm.state;
    alarm.state = { value: next.value, reason: next.reason, reasonData: next.reasonData, updatedMs: nowMs, transitionedMs: next.value === old.value ? old.transitionedMs : nowMs };
    const stateOf = (state: { value: AlarmState; reason: string; reasonData?: string }) => ({
      stateValue: state.value,
      stateReason: state.reason,
      ...(state.reasonData !== undefined ? { stateReasonData: parseJson(state.reasonData) } : {}),
    });
    this.addHistory({
      alarmName: name,
      alarmType: alarm.type,
      timestampMs: nowMs,
      itemType: "StateUpdate",
      summary: `Alarm updated from ${old.value} to ${next.value}`,
      data: JSON.stringify({ version: "1.0", oldState: stateOf(old), newState: stateOf(next) }),
    });
  }

  markActionsRun(name: string, periodEndMs: number): void {
    const alarm = this.alarms.get(name);
    if (alarm) alarm.lastActionPeriodEndMs = periodEndMs;
  }

  addHistory(item: HistoryItem): void {
    this.history.push(item);
    if (this.history.length > MAX_HISTORY_ITEMS * 1.1) this.history = this.history.slice(this.history.length - MAX_HISTORY_ITEMS);
  }

  /** History items, optionally of one alarm and its types; in the order they were recorded. */
  historyItems(filter: { alarmName?: string; alarmTypes?: ReadonlySet<AlarmType> } = {}): HistoryItem[] {
    return this.history.filter(
      (item) => (filter.alarmName === undefined || item.alarmName === filter.alarmName) && (filter.alarmTypes === undefined || filter.alarmTypes.has(item.alarmType)),
    );
  }

  prune(nowMs: number): void {
    const cutoff = nowMs - HISTORY_RETENTION_MS;
    this.history = this.history.filter((item) => item.timestampMs >= cutoff).slice(-MAX_HISTORY_ITEMS);
  }

  exportState(): AlarmStoreState {
    return { alarms: this.list().map((alarm) => structuredClone(alarm)), history: [...this.history] };
  }

  importState(state: AlarmStoreState): void {
    const parsed = alarmStoreStateSchema.parse(state);
    this.alarms.clear();
    for (const alarm of parsed.alarms) this.alarms.set(alarm.name, alarm);
    this.history = [...parsed.history];
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Reason data the local service wrote is always JSON; anything else is kept as the string it is.
    return text;
  }
}
