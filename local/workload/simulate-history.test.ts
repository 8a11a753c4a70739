import { describe, expect, it } from "vitest";
import type { MetricSample } from "../aws/cloudwatch/metric-store";
import type { MetricsSink } from "../metering/metrics-sink";
import { DEMO_FALLING_BEHIND, fallingBehindLag, isFallingBehind } from "../metering/replication-lag";
import type { TableCapacityModel } from "../metering/table-catalog";
import { profilesPrimaryModel } from "./fleet-traffic";
import { simulateHistory } from "./simulate-history";

const MINUTE = 60_000;
// Seven minutes past a whole hour, so the last hour holds the stretch at :20 and :50 and the hours before hold more.
const END = Date.UTC(2026, 11, 3, 12, 7, 0);

const PROFILES: TableCapacityModel = {
  name: "Profiles",
  arn: "arn:aws:dynamodb:ddblocal:000000000000:table/Profiles",
  partitionKey: "userId",
  sortKey: null,
  billingMode: "PAY_PER_REQUEST",
  provisioned: null,
  onDemandMax: null,
  gsis: [],
};

function memorySink(): MetricsSink & { samples: MetricSample[] } {
  const samples: MetricSample[] = [];
  return { samples, putMetrics: async (batch) => void samples.push(...batch), putInsights: async () => undefined };
}

/** Per-minute statistics of one metric, merged across the statistic sets published for the same minute. */
function perMinute(samples: readonly MetricSample[], metricName: string) {
  const minutes = new Map<number, { count: number; sum: number; max: number }>();
  for (const sample of samples.filter((candidate) => candidate.metricName === metricName)) {
    const stats = sample.statistics;
    if (!stats) throw new Error(`${metricName} should be published as statistic sets`);
    const minute = minutes.get(sample.timestampMs) ?? { count: 0, sum: 0, max: 0 };
    minutes.set(sample.timestampMs, { count: minute.count + stats.sampleCount, sum: minute.sum + stats.sum, max: Math.max(minute.max, stats.maximum) });
  }
  return [...minutes].map(([at, minute]) => ({ at, average: minute.sum / minute.count, maximum: minute.max }));
}

describe("simulated history of a global table", () => {
  it("publishes ReplicationLatency and PendingReplicationCount in the sending region, falling behind in the last hour and before", async () => {
    const sink = memorySink();
    const result = await simulateHistory({
      model: profilesPrimaryModel(7),
      durationMs: 3 * 60 * MINUTE,
      endMs: END,
      tables: [PROFILES],
      sink,
      enforcer: { capacityScale: 0.01 },
      replication: [{ table: "Profiles", receivingRegion: "eu-west-1", lag: fallingBehindLag(DEMO_FALLING_BEHIND), publishPendingReplicationCount: true }],
    });
    expect(result.replicatedWrites).toBeGreaterThan(25_000);

    const replicationSamples = sink.samples.filter((sample) => sample.metricName === "ReplicationLatency" || sample.metricName === "PendingReplicationCount");
    for (const sample of replicationSamples) {
      expect(sample.dimensions).toEqual([
        { name: "ReceivingRegion", value: "eu-west-1" },
        { name: "TableName", value: "Profiles" },
      ]);
    }
    expect(new Set(replicationSamples.map((sample) => `${sample.metricName} ${sample.unit}`))).toEqual(new Set(["ReplicationLatency Milliseconds", "PendingReplicationCount Count"]));

    const latency = perMinute(sink.samples, "ReplicationLatency");
    const lastHour = latency.filter((minute) => minute.at >= END - 60 * MINUTE);
    const before = latency.filter((minute) => minute.at < END - 60 * MINUTE);
    expect(Math.max(...lastHour.map((minute) => minute.maximum))).toBeGreaterThan(30_000);
    expect(Math.max(...before.map((minute) => minute.maximum))).toBeGreaterThan(30_000);
    // Outside the stretches the replica keeps up within a couple of seconds.
    const normal = latency.filter((minute) => !isFallingBehind(DEMO_FALLING_BEHIND, minute.at) && !isFallingBehind(DEMO_FALLING_BEHIND, minute.at - MINUTE));
    expect(normal.length).toBeGreaterThan(40);
    expect(Math.max(...normal.map((minute) => minute.maximum))).toBeLessThanOrEqual(2_000);

    const pending = perMinute(sink.samples, "PendingReplicationCount");
    const behind = pending.filter((minute) => isFallingBehind(DEMO_FALLING_BEHIND, minute.at + MINUTE / 2));
    expect(Math.max(...behind.map((minute) => minute.maximum))).toBeGreaterThan(60);
    expect(Math.max(...pending.filter((minute) => !isFallingBehind(DEMO_FALLING_BEHIND, minute.at) && !isFallingBehind(DEMO_FALLING_BEHIND, minute.at - MINUTE)).map((minute) => minute.maximum))).toBeLessThan(25);
  });

  it("publishes no PendingReplicationCount when the table's version does not (2019.11.21 on AWS)", async () => {
    const sink = memorySink();
    await simulateHistory({
      model: profilesPrimaryModel(7),
      durationMs: 10 * MINUTE,
      endMs: END,
      tables: [PROFILES],
      sink,
      replication: [{ table: "Profiles", receivingRegion: "eu-west-1", lag: () => 1_000, publishPendingReplicationCount: false }],
    });
    expect(sink.samples.some((sample) => sample.metricName === "ReplicationLatency")).toBe(true);
    expect(sink.samples.some((sample) => sample.metricName === "PendingReplicationCount")).toBe(false);
  });
});
