import { describe, expect, it } from "vitest";
import { metricsFor, tableDetail, traffic, none, every } from "@/lib/diagnosis/test-fixtures";
import { pendingReplicationChart, receivingRegions, replicationChart } from "./capacity-charts";
import { tableSeriesDefinitions } from "./metric-series";
import type { MetricsResponse } from "./metrics-response";

/** A global table's response: the usual series plus replication to eu-west-1 and us-west-2, with data where given. */
function globalResponse(values: Record<string, Array<number | null>>): MetricsResponse {
  const table = tableDetail({ name: "Profiles" });
  const base = metricsFor(table, traffic());
  const replication = tableSeriesDefinitions({ table: "Profiles", gsis: [], onDemand: false, periodSeconds: 60, replicaRegions: ["eu-west-1", "us-west-2"] })
    .filter((definition) => definition.scope.receivingRegion)
    .map(({ id, metric, stat, unit, scope, label }) => ({ id, metric, stat, unit, scope, label, period: 60, values: values[id] ?? none() }));
  return { ...base, series: [...base.series, ...replication] };
}

describe("replication charts", () => {
  it("draws each region's average and slowest delay in seconds, in one colour per region", () => {
    const response = globalResponse({ "replica/eu-west-1/ReplicationLatency/Average": every(1_500), "replica/eu-west-1/ReplicationLatency/Maximum": every(90_000) });
    expect(receivingRegions(response)).toEqual(["eu-west-1", "us-west-2"]);
    const chart = replicationChart(response);
    expect(chart).toMatchObject({ unit: "s", term: "replication-latency", empty: null });
    expect(chart.series.map((entry) => entry.label)).toEqual(["eu-west-1, average", "eu-west-1, slowest", "us-west-2, average", "us-west-2, slowest"]);
    expect(chart.series[0]?.values[0]).toBe(1.5);
    expect(chart.series[1]?.values[0]).toBe(90);
    expect(chart.series[1]?.color).toBe(chart.series[0]?.color);
    expect(chart.series[2]?.color).not.toBe(chart.series[0]?.color);
    // No datapoint stays a gap, never a delay of 0.
    expect(chart.series[2]?.values.every((value) => value === null)).toBe(true);
  });

  it("says when no delay was published", () => {
    expect(replicationChart(globalResponse({})).empty).toContain("No replication delay was published");
  });

  it("shows waiting updates where published, and says 'not published', not 0, where not", () => {
    const published = pendingReplicationChart(globalResponse({ "replica/us-west-2/PendingReplicationCount/Maximum": every(40) }), "2017.11.29");
    expect(published).toMatchObject({ unit: "updates waiting", empty: null });
    expect(published.series.map((entry) => [entry.label, entry.values[0]])).toEqual([
      ["eu-west-1", null],
      ["us-west-2", 40],
    ]);
    const missing = pendingReplicationChart(globalResponse({}), "2019.11.21");
    expect(missing.empty).toBe("Not published for this table (its global table version is 2019.11.21): DynamoDB publishes this count only for some global table versions. Unknown, not zero.");
  });

  it("has no series for a table in one region", () => {
    const single = metricsFor(tableDetail(), traffic());
    expect(receivingRegions(single)).toEqual([]);
    expect(replicationChart(single).series).toEqual([]);
  });
});
