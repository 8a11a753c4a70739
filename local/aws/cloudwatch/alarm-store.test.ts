import { describe, expect, it } from "vitest";
import type { MetricAlarmRecord } from "./alarm-schemas";
import { AlarmStore, HISTORY_RETENTION_MS, MAX_HISTORY_ITEMS } from "./alarm-store";

const T0 = Date.UTC(2026, 11, 3, 14, 0);

function record(name: string, threshold = 10): MetricAlarmRecord {
  return {
    type: "MetricAlarm",
    name,
    actionsEnabled: true,
    okActions: [],
    alarmActions: [],
    insufficientDataActions: [],
    configurationUpdatedMs: T0,
    state: { value: "INSUFFICIENT_DATA", reason: "Unchecked: Initial alarm creation", updatedMs: T0, transitionedMs: T0 },
    metric: { namespace: "N", metricName: "M", dimensions: [] },
    statistic: "Sum",
    periodSeconds: 60,
    evaluationPeriods: 1,
    threshold,
    comparisonOperator: "GreaterThanThreshold",
  };
}

describe("AlarmStore", () => {
  it("keeps an alarm's state when it is replaced, and records create and update", () => {
    const store = new AlarmStore();
    expect(store.put(record("a"), T0, () => ({}))).toBe("Create");
    store.setState("a", { value: "ALARM", reason: "r" }, T0 + 60_000);
    expect(store.put(record("a", 99), T0 + 120_000, () => ({ threshold: 99 }))).toBe("Update");
    expect(store.get("a")).toMatchObject({ threshold: 99, state: { value: "ALARM", transitionedMs: T0 + 60_000 } });
    expect(store.historyItems().map((item) => [item.itemType, item.summary])).toEqual([
      ["ConfigurationUpdate", 'Alarm "a" created'],
      ["StateUpdate", "Alarm updated from INSUFFICIENT_DATA to ALARM"],
      ["ConfigurationUpdate", 'Alarm "a" updated'],
    ]);
    expect(JSON.parse(store.historyItems()[2]?.data ?? "{}")).toEqual({ version: "1.0", type: "Update", updatedAlarm: { threshold: 99 } });
  });

  it("drops history older than 30 days and bounds its size", () => {
    const store = new AlarmStore();
    store.put(record("a"), T0, () => ({}));
    const now = T0 + HISTORY_RETENTION_MS + 1;
    for (let i = 0; i < MAX_HISTORY_ITEMS + 10; i += 1) {
      store.addHistory({ alarmName: "a", alarmType: "MetricAlarm", timestampMs: now, itemType: "Action", summary: String(i), data: "{}" });
    }
    store.prune(now);
    const items = store.historyItems();
    expect(items).toHaveLength(MAX_HISTORY_ITEMS);
    expect(items.every((item) => item.itemType === "Action")).toBe(true); // the 30-day-old creation item is gone
    expect(items.at(-1)?.summary).toBe(String(MAX_HISTORY_ITEMS + 9));
  });

  it("exports and imports its alarms and history unchanged", () => {
    const store = new AlarmStore();
    store.put(record("b"), T0, () => ({}));
    store.put(record("a"), T0, () => ({}));
    store.setState("b", { value: "OK", reason: "fine", reasonData: '{"version":"1.0"}' }, T0 + 60_000);
    const copy = new AlarmStore();
    copy.importState(JSON.parse(JSON.stringify(store.exportState())));
    expect(copy.list().map((alarm) => alarm.name)).toEqual(["a", "b"]);
    expect(copy.exportState()).toEqual(store.exportState());
  });
});
