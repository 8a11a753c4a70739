/**
 * When an alarm was in ALARM within a window, from DescribeAlarmHistory's StateUpdate items and the alarm's current
 * state. Client-safe and pure.
 */
import { z } from "zod";
import type { AlarmPeriod, AlarmState, AlarmStateChange } from "./alarm-types";
import { alarmState } from "./table-alarm-match";

/** The fields of an AlarmHistoryItem this reads (the SDK's type has them all, optional). */
export type HistoryItemLike = { AlarmName?: string; Timestamp?: Date; HistoryItemType?: string; HistoryData?: string; HistorySummary?: string };

/**
 * A StateUpdate's HistoryData is a JSON string: {"version":"1.0","oldState":{"stateValue":"OK",…},"newState":{"stateValue":"ALARM",…}}.
 * Only the two state values are read; anything else in it may change without notice.
 */
const historyDataSchema = z.object({
  oldState: z.object({ stateValue: z.string() }).partial().optional(),
  newState: z.object({ stateValue: z.string() }),
});

function parseHistoryData(text: string | undefined): z.infer<typeof historyDataSchema> | null {
  if (text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the caller counts the item as unreadable and reports the history as incomplete.
    return null;
  }
  const parsed = historyDataSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export type StateChanges = {
  /** Per alarm name, oldest first. */
  byAlarm: Map<string, AlarmStateChange[]>;
  /** StateUpdate items whose time or HistoryData could not be read. */
  unreadable: number;
};

/** StateUpdate items (of any alarms, in any order, as DescribeAlarmHistory pages them) as state changes per alarm. */
export function stateChanges(items: readonly HistoryItemLike[]): StateChanges {
  const byAlarm = new Map<string, AlarmStateChange[]>();
  let unreadable = 0;
  for (const item of items) {
    if (item.HistoryItemType !== undefined && item.HistoryItemType !== "StateUpdate") continue;
    const data = parseHistoryData(item.HistoryData);
    if (!data || !item.Timestamp || item.AlarmName === undefined) {
      unreadable++;
      continue;
    }
    const oldValue = data.oldState?.stateValue;
    const change: AlarmStateChange = {
      at: item.Timestamp.getTime(),
      from: oldValue === undefined ? null : alarmState(oldValue),
      to: alarmState(data.newState.stateValue),
      summary: item.HistorySummary ?? "",
    };
    const list = byAlarm.get(item.AlarmName) ?? [];
    list.push(change);
    byAlarm.set(item.AlarmName, list);
  }
  for (const list of byAlarm.values()) list.sort((a, b) => a.at - b.at);
  return { byAlarm, unreadable };
}

export type PeriodsInput = {
  state: AlarmState;
  /** When the alarm entered its current state; null when CloudWatch did not say. */
  stateSince: number | null;
  /** This alarm's state changes, oldest first (those before the window help tell the state at its start). */
  changes: readonly AlarmStateChange[];
  window: { start: number; end: number };
  now: number;
};

type Segment = { start: number; state: AlarmState | null };

/**
 * The spans in ALARM, clipped to the window, oldest first; the last one's end is null while the alarm is still in
 * ALARM and the window reaches now. Where the history is missing (empty, or a change older than the window was not
 * read), the state before the first known change is unknown and never counted as ALARM; the current state counts
 * from `stateSince` on, since DescribeAlarms reports when it began even when the history does not.
 */
export function alarmPeriods(input: PeriodsInput): AlarmPeriod[] {
  const { window, now } = input;
  const changes = input.changes.filter((change) => change.at < window.end);
  const before = changes.filter((change) => change.at < window.start);
  const inside = changes.filter((change) => change.at >= window.start);
  const since = input.stateSince;
  let startState: AlarmState | null;
  const lastBefore = before[before.length - 1];
  const firstInside = inside[0];
  if (lastBefore) startState = lastBefore.to;
  else if (firstInside) startState = firstInside.from;
  else startState = since === null || since <= window.start ? input.state : null;

  const segments: Segment[] = [{ start: window.start, state: startState }];
  for (const change of inside) segments.push({ start: change.at, state: change.to });
  // The current state began at `since`: a change the history lacks (or all of it, when it is empty) is put back here.
  const lastKnown = changes[changes.length - 1]?.at ?? -Infinity;
  if (since !== null && since > lastKnown && since < window.end) segments.push({ start: Math.max(since, window.start), state: input.state });

  const periods: AlarmPeriod[] = [];
  segments.forEach((segment, position) => {
    if (segment.state !== "ALARM") return;
    const next = segments[position + 1];
    const end = next ? next.start : window.end >= now && input.state === "ALARM" ? null : Math.min(window.end, now);
    const previous = periods[periods.length - 1];
    if (previous && previous.end === segment.start) previous.end = end;
    else if (end === null || end > segment.start) periods.push({ start: segment.start, end });
  });
  return periods;
}
