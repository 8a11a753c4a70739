// The cost advisor's auto scaling simulation (lib/cost/capacity-simulation.ts) claims to scale as this service does.
// These tests play the same per-minute series through both: the engine on in-memory ports (CloudWatch's alarm
// evaluation, the proxy's decrease limit), publishing what the capacity of the moment would have served.
import { describe, expect, it } from "vitest";
import { simulateAutoScaling } from "../../../lib/cost/capacity-simulation";
import { parseResourceId, type Tenant } from "./identifiers";
import { memoryPorts } from "./memory-ports.test-support";
import { ScalingEngine } from "./scaling-engine";

const MINUTE = 60_000;
const TENANT: Tenant = { accessKeyId: "local", accountId: "111111111111", region: "us-east-1" };
const TABLE_ID = "table/Orders";
const METRIC = [{ Name: "TableName", Value: "Orders" }];
const repeat = (sum: number, minutes: number) => Array.from({ length: minutes }, () => sum);

/** The engine's write capacity in each minute of `series`, starting at `initial` with a 70% policy between min and max. */
async function engineCapacities(series: number[], startMs: number, initial: number, min: number, max: number): Promise<number[]> {
  const ports = memoryPorts({ [`${TABLE_ID}:write`]: initial });
  const engine = new ScalingEngine(ports);
  const resource = parseResourceId(TABLE_ID);
  if (!resource) throw new Error(`bad resource id ${TABLE_ID}`);
  const target = { resourceId: TABLE_ID, resource, dimension: "dynamodb:table:WriteCapacityUnits" as const };
  await engine.registerScalableTarget(TENANT, target, { min, max }, startMs);
  const settings = { targetValue: 70, scaleOutCooldownS: 0, scaleInCooldownS: 0, disableScaleIn: false };
  await engine.putScalingPolicy(TENANT, target, { name: "OrdersWrites", settings, predefinedMetricType: "DynamoDBWriteCapacityUtilization" }, startMs);
  const capacities: number[] = [];
  for (const [minute, demand] of series.entries()) {
    const capacity = ports.capacities.get(`${TABLE_ID}:write`) ?? 0;
    capacities.push(capacity);
    const minuteStart = startMs + minute * MINUTE;
    // What CloudWatch would record: the units served, never more than the capacity allowed.
    ports.publish("ConsumedWriteCapacityUnits", METRIC, minuteStart, Math.min(demand, capacity * 60));
    for (const action of ports.evaluate(minuteStart + MINUTE, TENANT)) await engine.onAlarmAction(action);
  }
  return capacities;
}

describe("the cost simulation and the local auto scaling service", () => {
  it("climb a step far above the capacity the same way", async () => {
    const series = [...repeat(420, 3), ...repeat(3000, 12), ...repeat(900, 20)];
    const startMs = Date.UTC(2026, 11, 3, 9, 0);
    const { write } = simulateAutoScaling({ startMs, readUnits: repeat(0, series.length), writeUnits: series }, { write: { min: 1, max: 200 } });
    expect(write.scaleOuts).toBeGreaterThan(1);
    expect(await engineCapacities(series, startMs, write.capacity[0] ?? 0, 1, 200)).toEqual(write.capacity);
  });

  it("step down under the daily decrease limit across midnight UTC the same way", async () => {
    const series = [4200, ...repeat(2100, 15), ...repeat(840, 15), ...repeat(420, 15), ...repeat(210, 15), ...repeat(84, 59), ...repeat(42, 16)];
    const startMs = Date.UTC(2026, 11, 3, 22, 0);
    const { write } = simulateAutoScaling({ startMs, readUnits: repeat(0, series.length), writeUnits: series });
    expect(write.decreasesRefused).toBeGreaterThan(0);
    expect(await engineCapacities(series, startMs, write.capacity[0] ?? 0, 1, 40_000)).toEqual(write.capacity);
  });
});
