import { describe, expect, it } from "vitest";
import { summarizeOverview, troubleOrder, type OverviewQueryKey, type TableOverviewMetrics } from "./overview-summary";

type Values = Array<number | null>;
const empty: Values = [null, null, null, null, null];
const series = (given: Partial<Record<OverviewQueryKey, Values>>) => (key: OverviewQueryKey) => given[key] ?? empty;

describe("summarizeOverview", () => {
  it("peaks utilization per period against provisioned capacity carried across its 5-minute gaps", () => {
    const summary = summarizeOverview(
      series({
        // 40 WCU/s at minute 3 against 50 provisioned (published only at minute 1): 80%.
        consumedWrite: [null, 600, null, 2_400, 0],
        provisionedWrite: [null, 50, null, null, null],
        consumedRead: [600, null, null, null, null],
        provisionedRead: [null, null, 20, null, null],
      }),
      60,
    );
    expect(summary.peakWriteUtilization).toBeCloseTo(0.8);
    // Minute 0 has no datapoint of its own; the first published value stands in for it: 10/s of 20.
    expect(summary.peakReadUtilization).toBeCloseTo(0.5);
    expect(summary.sparkline).toEqual([10, 10, null, 40, 0]);
    expect(summary.trouble).toMatchObject({ severity: "warning", reason: "Writes peaked at 80% of capacity; no throttling." });
  });

  it("uses the on-demand maximum when there is no provisioned capacity, and null when there is neither", () => {
    const withMax = summarizeOverview(series({ consumedRead: [6_000, null, null, null, null], onDemandMaxRead: [400, 400, null, null, null] }), 60);
    expect(withMax.peakReadUtilization).toBeCloseTo(0.25);
    expect(withMax.peakWriteUtilization).toBeNull();
    const unlimited = summarizeOverview(series({ consumedRead: [6_000, null, null, null, null] }), 60);
    expect(unlimited.peakReadUtilization).toBeNull();
    expect(unlimited.trouble.severity).toBe("ok");
  });

  it("sums throttles by cause over reads and writes, null where nothing was published", () => {
    const summary = summarizeOverview(
      series({
        writeKeyRange: [null, 7, null, 5, null],
        readKeyRange: [1, null, null, null, null],
        writeProvisioned: [null, null, 3, null, null],
        writeThrottleEvents: [null, 7, 3, 5, null],
        readThrottleEvents: [1, null, null, null, null],
      }),
      60,
    );
    expect(summary.throttles).toEqual({ keyRange: 13, provisioned: 3, accountLimit: null, maxOnDemand: null, total: 16 });
    expect(summary.trouble).toMatchObject({ severity: "critical", reason: "16 throttle events in the last hour, mostly key range (hot partition)." });
  });

  it("keeps a published zero apart from no data", () => {
    const zero = summarizeOverview(series({ writeThrottleEvents: [0, null, null, null, null] }), 60);
    expect(zero.throttles.total).toBe(0);
    expect(zero.throttles.keyRange).toBeNull();
    const none = summarizeOverview(series({}), 60);
    expect(none.throttles.total).toBeNull();
    expect(none.sparkline).toEqual(empty);
    expect(none.trouble.severity).toBe("idle");
  });
});

describe("troubleOrder", () => {
  it("puts throttling tables first, then hot ones, then the rest, then idle ones, each by name on ties", () => {
    const withTrouble = (severity: TableOverviewMetrics["trouble"]["severity"], score: number): TableOverviewMetrics => ({
      peakReadUtilization: null,
      peakWriteUtilization: null,
      throttles: { keyRange: null, provisioned: null, accountLimit: null, maxOnDemand: null, total: null },
      sparkline: [],
      trouble: { severity, score, reason: "" },
    });
    const order = troubleOrder({
      idle: withTrouble("idle", 0),
      calm: withTrouble("ok", 1_010),
      hot: withTrouble("warning", 2_090),
      b: withTrouble("critical", 3_004),
      a: withTrouble("critical", 3_004),
      worst: withTrouble("critical", 3_500),
    });
    expect(order).toEqual(["worst", "a", "b", "hot", "calm", "idle"]);
  });
});
