import { describe, expect, it } from "vitest";
import { alarmPeriods, stateChanges, type HistoryItemLike } from "./alarm-periods";
import type { AlarmState, AlarmStateChange } from "./alarm-types";

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 3, 14, 0);
const window = { start: T0, end: T0 + 60 * MIN };
const NOW = T0 + 60 * MIN;

/** Shaped as DescribeAlarmHistory returns a StateUpdate (the HistoryData JSON as the AWS CLI's example shows it). */
function item(alarm: string, minute: number, from: AlarmState, to: AlarmState): HistoryItemLike {
  return {
    AlarmName: alarm,
    Timestamp: new Date(T0 + minute * MIN),
    HistoryItemType: "StateUpdate",
    HistorySummary: `Alarm updated from ${from} to ${to}`,
    HistoryData: JSON.stringify({ version: "1.0", oldState: { stateValue: from, stateReason: "before" }, newState: { stateValue: to, stateReason: "after", stateReasonData: { period: 60 } } }),
  };
}

const change = (minute: number, from: AlarmState | null, to: AlarmState): AlarmStateChange => ({ at: T0 + minute * MIN, from, to, summary: "" });

describe("stateChanges", () => {
  it("groups StateUpdates by alarm, oldest first, and counts what it cannot read", () => {
    const { byAlarm, unreadable } = stateChanges([
      item("a", 30, "ALARM", "OK"),
      item("b", 5, "OK", "ALARM"),
      item("a", 10, "OK", "ALARM"),
      { AlarmName: "a", Timestamp: new Date(T0), HistoryItemType: "StateUpdate", HistoryData: "not json" },
      { AlarmName: "a", Timestamp: new Date(T0), HistoryItemType: "StateUpdate", HistoryData: JSON.stringify({ version: "1.0" }) },
      { AlarmName: "a", Timestamp: new Date(T0), HistoryItemType: "ConfigurationUpdate", HistoryData: "{}" },
    ]);
    expect(byAlarm.get("a")).toEqual([
      { at: T0 + 10 * MIN, from: "OK", to: "ALARM", summary: "Alarm updated from OK to ALARM" },
      { at: T0 + 30 * MIN, from: "ALARM", to: "OK", summary: "Alarm updated from ALARM to OK" },
    ]);
    expect(byAlarm.get("b")?.map((entry) => entry.to)).toEqual(["ALARM"]);
    expect(unreadable).toBe(2);
  });
});

describe("alarmPeriods", () => {
  it("turns complete history into closed and open spans in ALARM", () => {
    const changes = [change(10, "OK", "ALARM"), change(20, "ALARM", "OK"), change(40, "OK", "ALARM")];
    expect(alarmPeriods({ state: "ALARM", stateSince: T0 + 40 * MIN, changes, window, now: NOW })).toEqual([
      { start: T0 + 10 * MIN, end: T0 + 20 * MIN },
      { start: T0 + 40 * MIN, end: null },
    ]);
  });

  it("clips a span that began before the window to its start, known from the first change's old state", () => {
    expect(alarmPeriods({ state: "OK", stateSince: T0 + 15 * MIN, changes: [change(15, "ALARM", "OK")], window, now: NOW })).toEqual([{ start: T0, end: T0 + 15 * MIN }]);
  });

  it("uses changes older than the window to know the state at its start", () => {
    expect(alarmPeriods({ state: "ALARM", stateSince: T0 - 30 * MIN, changes: [change(-30, "OK", "ALARM")], window, now: NOW })).toEqual([{ start: T0, end: null }]);
  });

  it("infers the current span from stateSince when the history is empty", () => {
    expect(alarmPeriods({ state: "ALARM", stateSince: T0 + 25 * MIN, changes: [], window, now: NOW })).toEqual([{ start: T0 + 25 * MIN, end: null }]);
    expect(alarmPeriods({ state: "ALARM", stateSince: T0 - 3 * 60 * MIN, changes: [], window, now: NOW })).toEqual([{ start: T0, end: null }]);
    expect(alarmPeriods({ state: "OK", stateSince: T0 + 25 * MIN, changes: [], window, now: NOW })).toEqual([]);
  });

  it("puts back the transition a partial history lacks, from stateSince", () => {
    // The history stops at minute 20 (back to OK); the alarm has been in ALARM since minute 50 without a record of it.
    const changes = [change(10, "OK", "ALARM"), change(20, "ALARM", "OK")];
    expect(alarmPeriods({ state: "ALARM", stateSince: T0 + 50 * MIN, changes, window, now: NOW })).toEqual([
      { start: T0 + 10 * MIN, end: T0 + 20 * MIN },
      { start: T0 + 50 * MIN, end: null },
    ]);
  });

  it("closes a span at the end of a past window, and ignores changes after it", () => {
    const past = { start: T0 - 120 * MIN, end: T0 - 60 * MIN };
    const changes = [change(-90, "OK", "ALARM"), change(-10, "ALARM", "OK"), change(-5, "OK", "ALARM")];
    expect(alarmPeriods({ state: "ALARM", stateSince: T0 - 5 * MIN, changes, window: past, now: NOW })).toEqual([{ start: T0 - 90 * MIN, end: T0 - 60 * MIN }]);
  });

  it("does not count an unknown state before the first change as ALARM", () => {
    expect(alarmPeriods({ state: "OK", stateSince: T0 + 30 * MIN, changes: [change(30, null, "OK")], window, now: NOW })).toEqual([]);
  });
});
