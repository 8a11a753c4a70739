import { describe, expect, it } from "vitest";
import { dimensionFits, parseResourceId, resourceIdOf } from "./identifiers";
import { trackingAlarmKind, trackingAlarmName } from "./tracking-alarms";

describe("DynamoDB resource ids and dimensions", () => {
  it("reads table/<name> and table/<name>/index/<gsi>, and nothing else", () => {
    expect(parseResourceId("table/Shop")).toEqual({ table: "Shop", index: null });
    expect(parseResourceId("table/Shop/index/GSI1")).toEqual({ table: "Shop", index: "GSI1" });
    for (const bad of ["Shop", "table/", "table/ab", "table/Shop/index/", "table/Shop/GSI1", "service/default/web", "table/Sh op"]) {
      expect(parseResourceId(bad)).toBeNull();
    }
    expect(resourceIdOf({ table: "Shop", index: "GSI1" })).toBe("table/Shop/index/GSI1");
  });

  it("pairs table dimensions with tables and index dimensions with indexes", () => {
    expect(dimensionFits("dynamodb:table:WriteCapacityUnits", { table: "Shop", index: null })).toBe(true);
    expect(dimensionFits("dynamodb:index:WriteCapacityUnits", { table: "Shop", index: null })).toBe(false);
    expect(dimensionFits("dynamodb:table:ReadCapacityUnits", { table: "Shop", index: "GSI1" })).toBe(false);
  });

  it("tells the tracking alarms apart by name", () => {
    const uuid = "0b7cf273-ad46-4a00-b36b-a29e8606b972";
    expect(trackingAlarmKind(trackingAlarmName("table/Shop/index/GSI1", "AlarmLow", uuid))).toBe("AlarmLow");
    expect(trackingAlarmKind(`TargetTracking-table/Shop-ProvisionedCapacityHigh-${uuid}`)).toBe("ProvisionedCapacityHigh");
    expect(trackingAlarmKind("Shop reads above 80% of provisioned")).toBeNull();
  });
});
