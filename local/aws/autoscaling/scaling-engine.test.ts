import { describe, expect, it } from "vitest";
import { parseResourceId, type DynamoDbDimension, type Tenant } from "./identifiers";
import { memoryPorts } from "./memory-ports.test-support";
import { ScalingEngine, type TargetRef } from "./scaling-engine";
import type { TrackingSettings } from "../../../lib/scaling/target-tracking-model";

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 3, 9, 0, 0);
const TENANT: Tenant = { accessKeyId: "local", accountId: "111111111111", region: "us-east-1" };
const GSI_WRITES: DynamoDbDimension = "dynamodb:index:WriteCapacityUnits";
const GSI_ID = "table/Shop/index/GSI1";
const GSI_METRIC = [
  { Name: "TableName", Value: "Shop" },
  { Name: "GlobalSecondaryIndexName", Value: "GSI1" },
];

function ref(resourceId: string, dimension: DynamoDbDimension): TargetRef {
  const resource = parseResourceId(resourceId);
  if (!resource) throw new Error(`bad resource id ${resourceId}`);
  return { resourceId, resource, dimension };
}

const SETTINGS: TrackingSettings = { targetValue: 70, scaleOutCooldownS: 0, scaleInCooldownS: 0, disableScaleIn: false };

/** An engine on in-memory ports, with a GSI at `capacity` WCU and a 70% write policy; `run` plays a per-minute load. */
async function setUp(options: { capacity: number; min: number; max: number; settings?: Partial<TrackingSettings> }) {
  const ports = memoryPorts({ [`${GSI_ID}:write`]: options.capacity });
  const engine = new ScalingEngine(ports);
  const target = ref(GSI_ID, GSI_WRITES);
  await engine.registerScalableTarget(TENANT, target, { min: options.min, max: options.max }, START);
  const policy = await engine.putScalingPolicy(TENANT, target, { name: "GSI1Writes", settings: { ...SETTINGS, ...options.settings }, predefinedMetricType: "DynamoDBWriteCapacityUtilization" }, START);
  let minute = 0;
  /** Publishes `perSecond` WCU for each given minute, then evaluates the alarms at the minute's end, as CloudWatch would. */
  const run = async (loads: number[]) => {
    for (const perSecond of loads) {
      const minuteStart = START + minute * MINUTE;
      ports.publish("ConsumedWriteCapacityUnits", GSI_METRIC, minuteStart, perSecond * 60);
      minute++;
      for (const action of ports.evaluate(minuteStart + MINUTE, TENANT)) await engine.onAlarmAction(action);
    }
  };
  const capacity = () => ports.capacities.get(`${GSI_ID}:write`);
  const activities = (includeNotScaled = false) => engine.tenant(TENANT).activitiesMatching({ includeNotScaled });
  return { ports, engine, target, policy, run, capacity, activities, minuteNow: () => minute };
}

describe("target tracking on a DynamoDB GSI", () => {
  it("creates AlarmHigh and AlarmLow with AWS's names and thresholds, acting on the policy", async () => {
    const { ports, policy } = await setUp({ capacity: 10, min: 5, max: 40 });
    expect(policy.arn).toMatch(/^arn:aws:autoscaling:us-east-1:111111111111:scalingPolicy:[0-9a-f-]{36}:resource\/dynamodb\/table\/Shop\/index\/GSI1:policyName\/GSI1Writes:createdBy\/[0-9a-f-]{36}$/);
    const high = ports.alarmNamed(policy.alarmNames.AlarmHigh);
    const low = ports.alarmNamed(policy.alarmNames.AlarmLow);
    expect(policy.alarmNames.AlarmHigh).toMatch(/^TargetTracking-table\/Shop\/index\/GSI1-AlarmHigh-[0-9a-f-]{36}$/);
    expect(high).toMatchObject({ MetricName: "ConsumedWriteCapacityUnits", Statistic: "Sum", Period: 60, EvaluationPeriods: 2, ComparisonOperator: "GreaterThanThreshold", AlarmActions: [policy.arn], Dimensions: GSI_METRIC });
    expect(high?.Threshold).toBeCloseTo(0.7 * 10 * 60);
    expect(low).toMatchObject({ EvaluationPeriods: 15, ComparisonOperator: "LessThanThreshold" });
    expect(low?.Threshold).toBeCloseTo(0.5 * 10 * 60);
    expect(ports.alarmNamed(policy.alarmNames.ProvisionedCapacityHigh)).toMatchObject({ MetricName: "ProvisionedWriteCapacityUnits", Statistic: "Average", Period: 300, EvaluationPeriods: 3, Threshold: 10 });
  });

  it("scales out two minutes after a step in load, not before, to the capacity that meets the target", async () => {
    const { run, capacity, activities, minuteNow, ports, policy } = await setUp({ capacity: 10, min: 5, max: 40 });
    await run([5, 5, 5, 5, 5]);
    const stepAt = START + minuteNow() * MINUTE;
    await run([9]);
    // One minute above the target is not enough: AlarmHigh wants two consecutive datapoints.
    expect(activities()).toEqual([]);
    expect(capacity()).toBe(10);
    await run([9]);
    const [activity] = activities();
    expect(activity).toMatchObject({
      description: "Setting write capacity units to 13.",
      cause: `monitor alarm ${policy.alarmNames.AlarmHigh} in state ALARM triggered policy GSI1Writes`,
      statusCode: "Successful",
      statusMessage: "Successfully set write capacity units to 13. Change successfully fulfilled by dynamodb.",
      resourceId: GSI_ID,
      dimension: GSI_WRITES,
    });
    expect(activity?.startMs).toBe(stepAt + 2 * MINUTE);
    expect(capacity()).toBe(13);
    // The alarms now track the new capacity.
    expect(ports.alarmNamed(policy.alarmNames.AlarmHigh)?.Threshold).toBeCloseTo(0.7 * 13 * 60);
    expect(ports.alarmNamed(policy.alarmNames.ProvisionedCapacityLow)?.Threshold).toBe(13);
  });

  it("never goes above the maximum, and records 'already at max capacity' only as a not scaled activity", async () => {
    const { run, capacity, activities } = await setUp({ capacity: 10, min: 5, max: 12 });
    await run([20, 20, 20, 20, 20]);
    expect(capacity()).toBe(12);
    expect(activities().map((activity) => activity.description)).toEqual(["Setting write capacity units to 12."]);
    const notScaled = activities(true).filter((activity) => activity.notScaledReasons);
    expect(notScaled.length).toBeGreaterThan(0);
    expect(notScaled[0]).toMatchObject({ statusCode: "Failed", description: "Attempting to scale due to alarm triggered", notScaledReasons: [{ Code: "AlreadyAtMaxCapacity", MaxCapacity: 12, CurrentCapacity: 12 }] });
  });

  it("scales in after 15 minutes at least 20 points below the target, and stops at the daily decrease limit", async () => {
    const { run, capacity, activities, ports, target } = await setUp({ capacity: 140, min: 1, max: 200 });
    // Four decreases already made today by hand (140 → 100 in steps): the limit counts every decrease of the GSI.
    for (let i = 0; i < 4; i++) await ports.capacity.apply(TENANT, target.resource, "write", 130 - i * 10, START - (10 - i) * MINUTE);
    expect(capacity()).toBe(100);
    await run(Array.from({ length: 14 }, () => 7));
    expect(activities()).toEqual([]);
    await run([7]);
    const [refused] = activities();
    expect(refused).toMatchObject({ statusCode: "Failed", description: "Setting write capacity units to 10." });
    expect(refused?.statusMessage).toMatch(/^Failed to set write capacity units to 10\. Reason: Failed updating table: Subscriber limit exceeded: .*Number of decreases today: 4\./);
    expect(capacity()).toBe(100);
    // AlarmLow stays in ALARM and invokes the policy every minute; an hour after the last decrease it goes through.
    await run(Array.from({ length: 55 }, () => 7));
    expect(capacity()).toBe(10);
    const succeeded = activities().filter((activity) => activity.statusCode === "Successful");
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]?.startMs).toBeGreaterThanOrEqual(START - 7 * MINUTE + 60 * MINUTE);
  });

  it("waits out the scale-out cooldown, but scales out at once during a scale-in cooldown", async () => {
    const { run, capacity, activities } = await setUp({ capacity: 10, min: 1, max: 100, settings: { scaleOutCooldownS: 300, scaleInCooldownS: 3600 } });
    await run([9, 9]);
    expect(capacity()).toBe(13);
    // Within five minutes of that scale-out, a bigger step does not scale out again…
    await run([14, 14, 14]);
    expect(capacity()).toBe(13);
    // …after it, it does.
    await run([14, 14, 14]);
    expect(capacity()).toBe(20);
    // Scale in once (15 low minutes), then a step up inside the hour-long scale-in cooldown scales out right away.
    await run(Array.from({ length: 15 }, () => 3));
    expect(capacity()).toBe(5);
    await run([10, 10]);
    expect(capacity()).toBe(15);
    expect(activities().map((activity) => activity.description)).toEqual([
      "Setting write capacity units to 15.",
      "Setting write capacity units to 5.",
      "Setting write capacity units to 20.",
      "Setting write capacity units to 13.",
    ]);
  });

  it("never scales in with DisableScaleIn", async () => {
    const { run, capacity, activities } = await setUp({ capacity: 50, min: 1, max: 100, settings: { disableScaleIn: true } });
    await run(Array.from({ length: 30 }, () => 2));
    expect(capacity()).toBe(50);
    expect(activities(true)).toEqual([]);
  });

  it("answers an API write that overlaps another on the same target with ConcurrentUpdateException", async () => {
    const { engine, target } = await setUp({ capacity: 10, min: 5, max: 40 });
    const first = engine.registerScalableTarget(TENANT, target, { max: 50 }, START);
    const second = engine.registerScalableTarget(TENANT, target, { max: 60 }, START);
    await expect(second).rejects.toMatchObject({ code: "ConcurrentUpdateException", status: 500 });
    expect((await first).max).toBe(50);
    // Once the first is done, the next write goes through.
    expect((await engine.registerScalableTarget(TENANT, target, { max: 60 }, START)).max).toBe(60);
  });
});
