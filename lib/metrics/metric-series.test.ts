import { describe, expect, it } from "vitest";
import { DYNAMODB_OPERATIONS, formatPeriod, queryKey, scopeDimensions, tableSeriesDefinitions } from "./metric-series";

const definitions = tableSeriesDefinitions({ table: "Shop", gsis: ["GSI1", "ByEmail"], onDemand: false, periodSeconds: 300 });

describe("tableSeriesDefinitions", () => {
  it("defines 16 series per table or GSI and 7 per operation, all with unique ids", () => {
    expect(definitions).toHaveLength(16 * 3 + 7 * DYNAMODB_OPERATIONS.length);
    expect(new Set(definitions.map((definition) => definition.id)).size).toBe(definitions.length);
    // Requests and requests/s share SuccessfulRequestLatency's SampleCount: one query for both.
    expect(new Set(definitions.map(queryKey)).size).toBe(16 * 3 + 6 * DYNAMODB_OPERATIONS.length);
  });

  it("reads consumed capacity as Sum per second and provisioned as Average, with explicit units", () => {
    const consumed = definitions.find((definition) => definition.metric === "ConsumedReadCapacityUnits" && definition.scope.index === null);
    expect(consumed).toMatchObject({ stat: "Sum", unit: "RCU/s", perSecond: true });
    const provisioned = definitions.find((definition) => definition.metric === "ProvisionedWriteCapacityUnits" && definition.scope.index === "GSI1");
    expect(provisioned).toMatchObject({ stat: "Average", unit: "WCU/s", perSecond: false, label: "Provisioned writes (WCU/s) · GSI GSI1" });
    const max = definitions.find((definition) => definition.metric === "OnDemandMaxReadRequestUnits");
    expect(max).toMatchObject({ stat: "Maximum", unit: "RRU/s" });
  });

  it("labels on-demand consumption in request units", () => {
    const onDemand = tableSeriesDefinitions({ table: "Events", gsis: [], onDemand: true, periodSeconds: 60 });
    expect(onDemand.find((definition) => definition.metric === "ConsumedWriteCapacityUnits")?.unit).toBe("WRU/s");
  });

  it("counts throttle events per period and says which period", () => {
    const throttles = definitions.filter((definition) => definition.metric.endsWith("ThrottleEvents"));
    expect(throttles).toHaveLength(10 * 3);
    for (const definition of throttles) {
      expect(definition).toMatchObject({ stat: "Sum", unit: "events", perSecond: false });
      expect(definition.label).toContain("per 5 min");
    }
    expect(throttles.map((definition) => definition.metric)).toContain("WriteKeyRangeThroughputThrottleEvents");
    expect(throttles.map((definition) => definition.metric)).toContain("ReadMaxOnDemandThroughputThrottleEvents");
  });

  it("defines request mix, latency, returned items and system errors per operation, table-level only", () => {
    const perOperation = definitions.filter((definition) => definition.scope.operation !== null);
    expect(perOperation.every((definition) => definition.scope.index === null)).toBe(true);
    const scan = perOperation.filter((definition) => definition.scope.operation === "Scan");
    expect(scan.map((definition) => [definition.metric, definition.stat, definition.unit])).toEqual([
      ["SuccessfulRequestLatency", "SampleCount", "requests"],
      ["SuccessfulRequestLatency", "SampleCount", "requests/s"],
      ["SuccessfulRequestLatency", "Average", "ms"],
      ["SuccessfulRequestLatency", "p99", "ms"],
      ["ThrottledRequests", "Sum", "requests"],
      ["ReturnedItemCount", "Sum", "items"],
      ["SystemErrors", "Sum", "errors"],
    ]);
  });
});

describe("replication series", () => {
  const global = tableSeriesDefinitions({ table: "Profiles", gsis: [], onDemand: true, periodSeconds: 60, replicaRegions: ["eu-west-1", "ap-southeast-2"] });
  const replication = global.filter((definition) => definition.scope.receivingRegion);

  it("adds delay (Average and Maximum, ms) and the waiting updates (Maximum) per receiving region, after everything else", () => {
    expect(global).toHaveLength(16 + 7 * DYNAMODB_OPERATIONS.length + 3 * 2);
    expect(global.slice(-6)).toEqual(replication);
    expect(replication.map((definition) => [definition.id, definition.metric, definition.stat, definition.unit])).toEqual([
      ["replica/eu-west-1/ReplicationLatency/Average", "ReplicationLatency", "Average", "ms"],
      ["replica/eu-west-1/ReplicationLatency/Maximum", "ReplicationLatency", "Maximum", "ms"],
      ["replica/eu-west-1/PendingReplicationCount/Maximum", "PendingReplicationCount", "Maximum", "updates waiting"],
      ["replica/ap-southeast-2/ReplicationLatency/Average", "ReplicationLatency", "Average", "ms"],
      ["replica/ap-southeast-2/ReplicationLatency/Maximum", "ReplicationLatency", "Maximum", "ms"],
      ["replica/ap-southeast-2/PendingReplicationCount/Maximum", "PendingReplicationCount", "Maximum", "updates waiting"],
    ]);
    expect(replication.every((definition) => definition.scope.index === null && definition.scope.operation === null && !definition.perSecond)).toBe(true);
    expect(replication[0]?.label).toBe("Replication delay to eu-west-1, average (ms)");
  });

  it("adds none for a table in one region", () => {
    expect(definitions.some((definition) => definition.scope.receivingRegion)).toBe(false);
    expect(tableSeriesDefinitions({ table: "Shop", gsis: [], onDemand: false, periodSeconds: 60, replicaRegions: [] })).toHaveLength(16 + 7 * DYNAMODB_OPERATIONS.length);
  });

  it("asks CloudWatch with TableName and ReceivingRegion", () => {
    expect(replication[0] && scopeDimensions(replication[0].scope)).toEqual([
      { name: "TableName", value: "Profiles" },
      { name: "ReceivingRegion", value: "eu-west-1" },
    ]);
    expect(scopeDimensions({ table: "Profiles", index: null, operation: null, receivingRegion: null })).toEqual([{ name: "TableName", value: "Profiles" }]);
  });
});

describe("scopeDimensions", () => {
  it("names the table, the GSI and the operation as CloudWatch does", () => {
    expect(scopeDimensions({ table: "Shop", index: null, operation: null })).toEqual([{ name: "TableName", value: "Shop" }]);
    expect(scopeDimensions({ table: "Shop", index: "GSI1", operation: null })).toEqual([
      { name: "TableName", value: "Shop" },
      { name: "GlobalSecondaryIndexName", value: "GSI1" },
    ]);
    expect(scopeDimensions({ table: "Shop", index: null, operation: "Query" })).toEqual([
      { name: "TableName", value: "Shop" },
      { name: "Operation", value: "Query" },
    ]);
  });
});

describe("formatPeriod", () => {
  it.each([
    [60, "1 min"],
    [900, "15 min"],
    [3_600, "1 h"],
    [21_600, "6 h"],
    [86_400, "1 day"],
  ])("%i s is %s", (seconds, text) => expect(formatPeriod(seconds)).toBe(text));
});
