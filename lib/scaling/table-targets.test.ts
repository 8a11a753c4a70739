import { describe, expect, it } from "vitest";
import { activityCapacity, targetActivities } from "./scaling-activity";
import { resourceIndex, tableTargets } from "./table-targets";
import type { ScopeActivity, ScopeScalingData } from "./scope-scaling-data";

const MIN = 60_000;
const T0 = Date.UTC(2025, 2, 3, 14, 0);
const GSI_WRITES = "dynamodb:index:WriteCapacityUnits" as const;
const HIGH = "monitor alarm TargetTracking-table/Shop/index/GSI1-AlarmHigh-0f86 in state ALARM triggered policy writes";
const LOW = "monitor alarm TargetTracking-table/Shop/index/GSI1-AlarmLow-0f86 in state ALARM triggered policy writes";

function activity(id: string, minute: number, description: string, overrides: Partial<ScopeActivity> = {}): ScopeActivity {
  return { resourceId: "table/Shop/index/GSI1", dimension: GSI_WRITES, id, status: "Successful", statusMessage: null, description, cause: HIGH, start: T0 + minute * MIN, end: T0 + minute * MIN + 30_000, notScaledReasons: [], ...overrides };
}

describe("activityCapacity", () => {
  it("reads the capacity from AWS's DynamoDB wording, and nothing from other descriptions", () => {
    expect(activityCapacity("Setting write capacity units to 15.")).toBe(15);
    expect(activityCapacity("Setting read capacity units to 1200.")).toBe(1200);
    expect(activityCapacity("Setting min capacity to 5 and max capacity to 10")).toBeNull();
    expect(activityCapacity("Attempting to scale due to alarm triggered")).toBeNull();
  });
});

describe("targetActivities", () => {
  it("orders oldest first and takes each direction from the capacity before it, even one set before the window", () => {
    const activities = [
      activity("c", 30, "Setting write capacity units to 8.", { cause: LOW }),
      activity("a", -10, "Setting write capacity units to 10."),
      activity("b", 5, "Setting write capacity units to 12."),
    ];
    const result = targetActivities(activities, (entry) => entry.start >= T0);
    expect(result.map((entry) => [entry.id, entry.capacity, entry.direction])).toEqual([
      ["b", 12, "out"],
      ["c", 8, "in"],
    ]);
  });

  it("falls back on the cause for the first activity, and gives a not-scaled attempt neither capacity nor direction", () => {
    const result = targetActivities(
      [
        activity("a", 1, "Setting write capacity units to 12."),
        activity("b", 2, "Attempting to scale due to alarm triggered", { status: "Failed", notScaledReasons: ["AlreadyAtMaxCapacity"] }),
        activity("c", 3, "Setting write capacity units to 6.", { cause: "maximum capacity was set to 6" }),
      ],
      () => true,
    );
    expect(result.map((entry) => [entry.capacity, entry.direction, entry.notScaledReasons])).toEqual([
      [12, "out", []],
      [null, null, ["AlreadyAtMaxCapacity"]],
      [6, "in", []],
    ]);
  });

  it("does not take a failed change as the new baseline", () => {
    const result = targetActivities([activity("a", 1, "Setting write capacity units to 12."), activity("b", 2, "Setting write capacity units to 20.", { status: "Failed" }), activity("c", 3, "Setting write capacity units to 15.")], () => true);
    expect(result.map((entry) => entry.direction)).toEqual(["out", "out", "out"]);
  });
});

describe("tableTargets", () => {
  const data: ScopeScalingData = {
    targets: [
      { resourceId: "table/Shop/index/GSI1", dimension: GSI_WRITES, minCapacity: 2, maxCapacity: 12, suspended: { dynamicScalingIn: false, dynamicScalingOut: false, scheduledScaling: false } },
      { resourceId: "table/Shop", dimension: "dynamodb:table:WriteCapacityUnits", minCapacity: 5, maxCapacity: 50, suspended: { dynamicScalingIn: false, dynamicScalingOut: false, scheduledScaling: false } },
      { resourceId: "table/Shop", dimension: "dynamodb:table:ReadCapacityUnits", minCapacity: 5, maxCapacity: 50, suspended: { dynamicScalingIn: true, dynamicScalingOut: false, scheduledScaling: false } },
      { resourceId: "table/Shopping", dimension: "dynamodb:table:ReadCapacityUnits", minCapacity: 1, maxCapacity: 2, suspended: { dynamicScalingIn: false, dynamicScalingOut: false, scheduledScaling: false } },
    ],
    policies: [
      { resourceId: "table/Shop/index/GSI1", dimension: GSI_WRITES, policy: { name: "writes", type: "TargetTrackingScaling", targetValue: 70, metric: "DynamoDBWriteCapacityUtilization", scaleOutCooldownSeconds: 60, scaleInCooldownSeconds: 60, disableScaleIn: false, alarms: [] } },
      { resourceId: "table/Shopping", dimension: "dynamodb:table:ReadCapacityUnits", policy: { name: "other", type: "TargetTrackingScaling", targetValue: 50, metric: null, scaleOutCooldownSeconds: null, scaleInCooldownSeconds: null, disableScaleIn: false, alarms: [] } },
    ],
    scheduledActions: [{ resourceId: "table/Shop", dimension: null, action: { name: "mornings", schedule: "cron(0 7 * * ? *)", timezone: "UTC", minCapacity: 20, maxCapacity: null, start: null, end: null } }],
    activities: [activity("a", 10, "Setting write capacity units to 12."), activity("z", 10, "Setting read capacity units to 2.", { resourceId: "table/Shopping", dimension: "dynamodb:table:ReadCapacityUnits" })],
    activitiesFrom: null,
    fetchedAt: T0,
  };

  it("keeps only the table's and its GSIs' targets, table first and reads before writes, each with its own policies, actions and activities", () => {
    const targets = tableTargets(data, "Shop", { start: T0, end: T0 + 60 * MIN });
    expect(targets.map((target) => [target.resourceId, target.index, target.kind])).toEqual([
      ["table/Shop", null, "read"],
      ["table/Shop", null, "write"],
      ["table/Shop/index/GSI1", "GSI1", "write"],
    ]);
    expect(targets[0]?.suspended.dynamicScalingIn).toBe(true);
    expect(targets.map((target) => target.scheduledActions.map((action) => action.name))).toEqual([["mornings"], ["mornings"], []]);
    expect(targets.map((target) => target.policies.map((policy) => policy.name))).toEqual([[], [], ["writes"]]);
    expect(targets[2]?.activities.map((entry) => entry.id)).toEqual(["a"]);
  });

  it("leaves out activities outside the window", () => {
    expect(tableTargets(data, "Shop", { start: T0 + 11 * MIN, end: T0 + 60 * MIN })[2]?.activities).toEqual([]);
  });

  it("matches resource ids exactly", () => {
    expect(resourceIndex("table/Shop", "Shop")).toBeNull();
    expect(resourceIndex("table/Shop/index/GSI1", "Shop")).toBe("GSI1");
    expect(resourceIndex("table/Shopping", "Shop")).toBeUndefined();
    expect(resourceIndex("table/Shop/index/", "Shop")).toBeUndefined();
  });
});
