import { describe, expect, it } from "vitest";
import { capacityChart, throttleChart, utilizationChart } from "./capacity-charts";
import { capacitySummary } from "./capacity-summary";
import type { MetricsResponse, MetricSeries } from "./metrics-response";

const T0 = Date.UTC(2026, 10, 25, 14, 0);
const timestamps = [0, 1, 2, 3].map((i) => T0 + i * 60_000);

function series(metric: string, stat: MetricSeries["stat"], values: Array<number | null>, index: string | null = null): MetricSeries {
  return { id: `${index ?? "table"}/${metric}/${stat}${metric.startsWith("Consumed") ? "/per_second" : ""}`, metric, stat, unit: "events", period: 60, scope: { table: "T", index, operation: null }, label: metric, values };
}

function response(list: MetricSeries[]): MetricsResponse {
  return { table: "T", range: "1h", start: T0, end: T0 + 240_000, period: 60, timestamps, partialFrom: null, series: list, fetchedAt: T0, cache: "miss" };
}

describe("capacitySummary", () => {
  it("states the peak utilization and the throttle events by cause with when they began", () => {
    const summary = capacitySummary(
      response([
        series("ConsumedWriteCapacityUnits", "Sum", [10, 48, 20, 5]),
        series("ProvisionedWriteCapacityUnits", "Average", [50, null, null, null]),
        series("WriteKeyRangeThroughputThrottleEvents", "Sum", [null, null, 1000, 204]),
      ]),
      null,
      "UTC",
    );
    expect(summary).toEqual({ tone: "bad", text: "Writes peaked at 96% of provisioned; 1,204 key range (hot partition) throttle events since 14:02 UTC." });
  });

  it("does not call missing data healthy", () => {
    expect(capacitySummary(response([series("ConsumedReadCapacityUnits", "Sum", [null, null, null, null])]), null, "UTC").tone).toBe("unknown");
  });

  it("says no throttling when there is data but no throttle metric was published", () => {
    const summary = capacitySummary(response([series("ConsumedReadCapacityUnits", "Sum", [1, 2, 3, 4]), series("ProvisionedReadCapacityUnits", "Average", [10, 10, 10, 10])]), null, "UTC");
    expect(summary).toEqual({ tone: "good", text: "Reads peaked at 40% of provisioned; no throttling." });
  });

  it("reads a GSI's own series, not the table's", () => {
    const summary = capacitySummary(
      response([series("WriteProvisionedThroughputThrottleEvents", "Sum", [3, null, null, null], "GSI1"), series("ConsumedWriteCapacityUnits", "Sum", [1, 1, 1, 1])]),
      "GSI1",
      "UTC",
    );
    expect(summary.text).toContain("3 provisioned throughput exceeded throttle events since 14:00 UTC");
  });
});

describe("capacity charts", () => {
  it("draws consumed against provisioned, carrying the 5-minute provisioned value forward", () => {
    const chart = capacityChart(response([series("ConsumedReadCapacityUnits", "Sum", [1, null, 3, 4]), series("ProvisionedReadCapacityUnits", "Average", [null, 10, null, null])]), "Read", null);
    expect(chart.series.map((entry) => entry.values)).toEqual([
      [1, null, 3, 4],
      [10, 10, 10, 10],
    ]);
    expect(chart.empty).toBeNull();
  });

  it("computes utilization and keeps gaps as gaps", () => {
    const chart = utilizationChart(response([series("ConsumedReadCapacityUnits", "Sum", [5, null, 10, 20]), series("ProvisionedReadCapacityUnits", "Average", [20, null, null, null])]), null);
    expect(chart.series[0]?.values).toEqual([25, null, 50, 100]);
  });

  it("stacks throttle causes, reads and writes together, with 'no throttling' when nothing was published", () => {
    const chart = throttleChart(response([series("ReadKeyRangeThroughputThrottleEvents", "Sum", [1, null, null, 2]), series("WriteKeyRangeThroughputThrottleEvents", "Sum", [3, null, null, null])]), null);
    expect(chart.series.find((entry) => entry.label.startsWith("key range"))?.values).toEqual([4, null, null, 2]);
    expect(throttleChart(response([]), null).empty).toBe("No throttling in this window.");
  });
});
