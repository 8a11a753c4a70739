import { describe, expect, it } from "vitest";
import { tableSeriesDefinitions } from "@/lib/metrics/metric-series";
import { alarmMetric, tableAlarm } from "./alarm-fixtures";
import { alarmSeriesId, chartSeriesId } from "./alarm-chart-series";

describe("chartSeriesId", () => {
  it("names the table page's series for the alarm's metric, statistic, index and operation", () => {
    const ids = new Set(tableSeriesDefinitions({ table: "Sessions", gsis: ["ByUser"], onDemand: false, periodSeconds: 60, replicaRegions: ["eu-west-1"] }).map((definition) => definition.id));
    const cases = [
      [alarmMetric(), "table/WriteThrottleEvents/Sum"],
      [alarmMetric({ index: "ByUser", dimensions: { TableName: "Sessions", GlobalSecondaryIndexName: "ByUser" } }), "gsi:ByUser/WriteThrottleEvents/Sum"],
      [alarmMetric({ metricName: "ConsumedWriteCapacityUnits" }), "table/ConsumedWriteCapacityUnits/Sum/per_second"],
      [alarmMetric({ metricName: "SuccessfulRequestLatency", statistic: "p99", dimensions: { TableName: "Sessions", Operation: "Query" } }), "table/op:Query/SuccessfulRequestLatency/p99"],
      [alarmMetric({ metricName: "SuccessfulRequestLatency", statistic: "SampleCount", dimensions: { TableName: "Sessions", Operation: "GetItem" } }), "table/op:GetItem/SuccessfulRequestLatency/SampleCount"],
      [alarmMetric({ metricName: "ReplicationLatency", statistic: "Average", dimensions: { TableName: "Sessions", ReceivingRegion: "eu-west-1" } }), "replica/eu-west-1/ReplicationLatency/Average"],
    ] as const;
    for (const [metric, id] of cases) {
      expect(chartSeriesId(metric, "Sessions"), id).toBe(id);
      expect(ids.has(id), id).toBe(true);
    }
  });

  it("is null where the page has no such series", () => {
    expect(chartSeriesId(alarmMetric({ statistic: "Maximum" }), "Sessions")).toBeNull();
    expect(chartSeriesId(alarmMetric(), "Shop")).toBeNull();
    expect(chartSeriesId(alarmMetric({ dimensions: { TableName: "Sessions", Operation: "NotAnOperation" } }), "Sessions")).toBeNull();
    expect(chartSeriesId(alarmMetric({ dimensions: { TableName: "Sessions", Unknown: "x" } }), "Sessions")).toBeNull();
    expect(chartSeriesId(alarmMetric({ metricName: "UserErrors" }), "Sessions")).toBeNull();
  });

  it("takes the first charted metric of a metric-math alarm", () => {
    const math = tableAlarm({ metric: null, expression: "m1/m2", metrics: [alarmMetric({ metricName: "Unknown" }), alarmMetric({ metricName: "ConsumedReadCapacityUnits" })] });
    expect(alarmSeriesId(math, "Sessions")).toBe("table/ConsumedReadCapacityUnits/Sum/per_second");
    expect(alarmSeriesId(tableAlarm({ kind: "composite", metric: null, metrics: [] }), "Sessions")).toBeNull();
  });
});
