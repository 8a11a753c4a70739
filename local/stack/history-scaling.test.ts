import { describe, expect, it } from "vitest";
import type { MetricSample } from "../aws/cloudwatch/metric-store";
import type { MetricsSink } from "../metering/metrics-sink";
import type { TableCapacityModel } from "../metering/table-catalog";
import { simulateHistory } from "../workload/simulate-history";
import type { TrafficModel } from "../workload/traffic-model";
import { historyCapacityPort } from "./history-scaling";

const MINUTE = 60_000;
const END = Date.UTC(2026, 11, 3, 12, 0, 0);
const OWNER = { accessKeyId: "local", accountId: "111111111111", region: "us-east-1" };

const SHOP: TableCapacityModel = {
  name: "Shop",
  arn: "arn:aws:dynamodb:us-east-1:111111111111:table/Shop",
  partitionKey: "PK",
  sortKey: "SK",
  billingMode: "PROVISIONED",
  provisioned: { read: 100, write: 50 },
  onDemandMax: null,
  gsis: [{ name: "GSI1", arn: "arn:aws:dynamodb:us-east-1:111111111111:table/Shop/index/GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK", provisioned: { read: 20, write: 5 }, onDemandMax: null }],
};

/** Eight 1-WCU order writes a second, each also written to GSI1. */
const orders: TrafficModel = {
  intentsAt: (second) =>
    Array.from({ length: 8 }, (_, i) => ({
      operation: "PutItem" as const,
      input: { TableName: "Shop", Item: { PK: { S: `C#${second}-${i}` }, SK: { S: "ORDER" }, GSI1PK: { S: "STATUS#PAID" }, GSI1SK: { S: `${second}` } } },
      estimate: { tableUnits: 1, gsiUnits: { GSI1: 1 }, returned: 0, latencyMs: 4 },
    })),
};

function memorySink(): MetricsSink & { samples: MetricSample[] } {
  const samples: MetricSample[] = [];
  return { samples, putMetrics: async (batch) => void samples.push(...batch), putInsights: async () => undefined };
}

describe("auto scaling's capacity during the simulated history", () => {
  it("reads and changes the owner's models only, GSIs included", async () => {
    const models = new Map([["Shop", SHOP]]);
    const port = historyCapacityPort(OWNER, models);
    const gsi = { table: "Shop", index: "GSI1" };
    expect(await port.current(OWNER, gsi, "write")).toBe(5);
    expect(await port.current({ ...OWNER, accountId: "222222222222" }, gsi, "write")).toBeNull();
    await port.apply(OWNER, gsi, "write", 10, END);
    expect(models.get("Shop")?.gsis[0]?.provisioned).toEqual({ read: 20, write: 10 });
    // The original model is left as it was: the history's earlier minutes were metered against it.
    expect(SHOP.gsis[0]?.provisioned).toEqual({ read: 20, write: 5 });
    expect(await port.current(OWNER, { table: "Shop", index: null }, "read")).toBe(100);
  });

  it("refuses a fifth decrease within the hour as DynamoDB does", async () => {
    const port = historyCapacityPort(OWNER, new Map([["Shop", SHOP]]));
    const table = { table: "Shop", index: null };
    for (let i = 0; i < 4; i++) await port.apply(OWNER, table, "write", 40 - i * 5, END + i * MINUTE);
    await expect(port.apply(OWNER, table, "write", 10, END + 10 * MINUTE)).rejects.toThrow(/Subscriber limit exceeded/);
    // Increases are never limited.
    await port.apply(OWNER, table, "write", 60, END + 11 * MINUTE);
    expect(await port.current(OWNER, table, "write")).toBe(60);
  });

  it("meters, throttles and publishes the rest of the history against a capacity changed by the per-minute hook", async () => {
    const sink = memorySink();
    const scaled = new Map([["Shop", SHOP]]);
    const port = historyCapacityPort(OWNER, scaled);
    const calls: number[] = [];
    const result = await simulateHistory({
      model: orders,
      durationMs: 10 * MINUTE,
      endMs: END,
      tables: [SHOP],
      sink,
      enforcer: { capacityScale: 1, burstSeconds: 0 },
      onMinute: async (atMs, models) => {
        calls.push(atMs);
        // As auto scaling would after the third minute: GSI1 to 10 WCU.
        if (calls.length === 3) await port.apply(OWNER, { table: "Shop", index: "GSI1" }, "write", 10, atMs);
        for (const [name, model] of scaled) models.set(name, model);
      },
    });
    expect(calls).toEqual(Array.from({ length: 10 }, (_, i) => END - 10 * MINUTE + (i + 1) * MINUTE));
    const provisioned = sink.samples
      .filter((sample) => sample.metricName === "ProvisionedWriteCapacityUnits" && sample.dimensions.some((dimension) => dimension.value === "GSI1"))
      .map((sample) => ({ at: sample.timestampMs, value: sample.statistics?.maximum }));
    expect(provisioned.filter((sample) => sample.at < END - 7 * MINUTE).every((sample) => sample.value === 5)).toBe(true);
    expect(provisioned.filter((sample) => sample.at >= END - 7 * MINUTE).every((sample) => sample.value === 10)).toBe(true);
    const throttles = sink.samples.filter((sample) => sample.metricName === "WriteThrottleEvents" && sample.dimensions.some((dimension) => dimension.value === "GSI1"));
    // 8 writes a second outrun 5 WCU but fit in 10.
    expect(throttles.some((sample) => sample.timestampMs < END - 7 * MINUTE)).toBe(true);
    expect(throttles.some((sample) => sample.timestampMs >= END - 6 * MINUTE)).toBe(false);
    expect(result.throttled).toBeGreaterThan(0);
  });
});
