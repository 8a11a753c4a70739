import { describe, expect, it } from "vitest";
import { tableSeriesDefinitions } from "@/lib/metrics/metric-series";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { ReplicaDetail, TableDetail } from "@/lib/tables/table-detail";
import { diagnose } from "./diagnose";
import type { DiagnosisInput, Verdict } from "./diagnosis-types";
import { replicationVerdicts } from "./replication-rules";
import type { RuleContext } from "./rule-context";
import { at, diagnosisInput, every, metricsFor, none, range, tableDetail, traffic, type Values } from "./test-fixtures";

const SECOND = 1_000;
const MINUTE_MS = 60 * SECOND;

const replica = (region: string, status = "ACTIVE", statusDescription: string | null = null): ReplicaDetail => ({ region, status, statusDescription });
const profiles = (replicas: ReplicaDetail[] = [replica("eu-west-1")], globalTableVersion: string | null = "2019.11.21"): TableDetail =>
  tableDetail({ name: "Profiles", replicas, globalTableVersion });

type ReplicationValues = { region?: string; metric: "ReplicationLatency" | "PendingReplicationCount"; stat: "Average" | "Maximum"; values: Values };

/** The table's usual series with steady traffic, plus every replication series of its replicas, without data except where given. */
function withReplication(table: TableDetail, given: ReplicationValues[]): MetricsResponse {
  const base = metricsFor(table, traffic());
  const definitions = tableSeriesDefinitions({ table: table.name, gsis: [], onDemand: false, periodSeconds: 60, replicaRegions: table.replicas.map((entry) => entry.region) });
  const replication = definitions
    .filter((definition) => definition.scope.receivingRegion)
    .map(({ id, metric, stat, unit, scope, label }) => {
      const match = given.find((entry) => entry.metric === metric && entry.stat === stat && (entry.region ?? "eu-west-1") === scope.receivingRegion);
      return { id, metric, stat, unit, scope, label, period: 60, values: match ? match.values : none() };
    });
  return { ...base, series: [...base.series, ...replication] };
}

function verdictsFor(table: TableDetail, given: ReplicationValues[]): Verdict[] {
  const metrics = withReplication(table, given);
  const input: DiagnosisInput = diagnosisInput({ table, metrics });
  const ctx: RuleContext = { input, metrics, thresholds: input.thresholds, facts: [] };
  return replicationVerdicts(ctx);
}

/** Average delay of 1 s, and `ms` in the given minutes. */
const latency = (minutes: number[], ms: number): Values => at(minutes, ms, every(SECOND));
const average = (values: Values, region?: string): ReplicationValues => ({ region, metric: "ReplicationLatency", stat: "Average", values });
const maximum = (values: Values, region?: string): ReplicationValues => ({ region, metric: "ReplicationLatency", stat: "Maximum", values });
const pending = (values: Values, region?: string): ReplicationValues => ({ region, metric: "PendingReplicationCount", stat: "Maximum", values });

describe("replica lag", () => {
  it("fires when the delay to a region stays high, with the stretch, peak, p90 and the backlog as evidence linked to the charts", () => {
    const verdicts = verdictsFor(profiles(), [average(latency(range(20, 60), 150 * SECOND)), maximum(latency(range(20, 60), 200 * SECOND))]);
    expect(verdicts).toHaveLength(1);
    const [verdict] = verdicts;
    expect(verdict).toMatchObject({
      kind: "replica-lag",
      severity: "warning",
      region: "eu-west-1",
      title: "The copy of this table in eu-west-1 is falling behind: changes reach it minutes late.",
    });
    expect(verdict?.evidence.map((entry) => entry.label)).toEqual([
      "Changes took more than 1 min on average to reach eu-west-1 since 14:20 UTC, 40 min up to the last datapoint (2 min 30 s at 14:59 UTC)",
      "The delay to eu-west-1 peaked at 3 min 20 s at 14:20 UTC (slowest change in a period); 90% of the period averages were at most 2 min 30 s, and 40 of 60 were above 1 min, between 14:00 and 15:00 UTC",
      "How many updates were waiting to be copied to eu-west-1 was not published between 14:00 and 15:00 UTC: DynamoDB publishes PendingReplicationCount only for some global table versions (this table's is 2019.11.21), so the backlog is unknown, not zero",
    ]);
    expect(verdict?.evidence.map((entry) => entry.link)).toEqual([
      { kind: "chart", seriesId: "replica/eu-west-1/ReplicationLatency/Average" },
      { kind: "chart", seriesId: "replica/eu-west-1/ReplicationLatency/Maximum" },
      { kind: "chart", seriesId: "replica/eu-west-1/PendingReplicationCount/Maximum" },
    ]);
    expect(verdict?.evidence[0]?.window).toEqual({ start: Date.UTC(2025, 2, 3, 14, 20), end: Date.UTC(2025, 2, 3, 15, 0) });
    expect(verdict?.suggestion).toContain("Readers in eu-west-1 see older data");
  });

  it("is critical while still behind with a growing backlog, and reports the backlog's rise", () => {
    const backlog = none().map((_, minute) => (minute >= 20 ? (minute - 19) * 100 : null));
    const [verdict] = verdictsFor(profiles(), [average(latency(range(20, 60), 150 * SECOND)), pending(backlog)]);
    expect(verdict?.severity).toBe("critical");
    expect(verdict?.evidence.find((entry) => entry.metric === "PendingReplicationCount")?.label).toBe(
      "Up to 4,000 updates were waiting to be copied to eu-west-1 (14:59 UTC) between 14:00 and 15:00 UTC; 100 at 14:20 UTC and 4,000 at 14:59 UTC",
    );
  });

  it("is critical while still behind by five minutes or more, even without a backlog figure", () => {
    const [verdict] = verdictsFor(profiles(), [average(latency(range(20, 60), 6 * MINUTE_MS))]);
    expect(verdict?.severity).toBe("critical");
  });

  it("stays a warning when the backlog shrinks", () => {
    const shrinking = none().map((_, minute) => (minute >= 20 ? (60 - minute) * 100 : null));
    expect(verdictsFor(profiles(), [average(latency(range(20, 60), 150 * SECOND)), pending(shrinking)])[0]?.severity).toBe("warning");
  });

  it("says nothing about a brief spike", () => {
    expect(verdictsFor(profiles(), [average(latency(range(30, 40), 10 * MINUTE_MS))])).toEqual([]);
  });

  it("says nothing without delay data: none published, or a table in one region", () => {
    expect(verdictsFor(profiles(), [])).toEqual([]);
    expect(verdictsFor(profiles(), [pending(every(500))])).toEqual([]);
    expect(verdictsFor(profiles([]), [average(every(10 * MINUTE_MS))])).toEqual([]);
  });

  it("needs the average above the threshold, not at it, and a normal delay never fires", () => {
    expect(verdictsFor(profiles(), [average(every(MINUTE_MS))])).toEqual([]);
    expect(verdictsFor(profiles(), [average(every(2 * SECOND)), maximum(every(90 * SECOND))])).toEqual([]);
    expect(verdictsFor(profiles(), [average(every(MINUTE_MS + 1))])).toHaveLength(1);
  });

  it("reports a stretch that ended as a warning, saying when it recovered", () => {
    const [verdict] = verdictsFor(profiles(), [average(latency(range(10, 30), 90 * SECOND))]);
    expect(verdict).toMatchObject({ severity: "warning", title: "The copy of this table in eu-west-1 is falling behind: changes reach it over a minute late." });
    expect(verdict?.evidence[0]?.label).toBe("Changes took more than 1 min on average to reach eu-west-1 between 14:10 and 14:30 UTC (20 min); the delay was back under 1 min afterwards");
    // Without a Maximum series, the peak is the highest average.
    expect(verdict?.evidence[1]?.label).toContain("peaked at 1 min 30 s at 14:10 UTC (average in a period)");
  });

  it("bridges the gaps of a metric published every five minutes", () => {
    const sparse = none().map((_, minute) => (minute % 5 === 0 ? (minute >= 20 ? 3 * MINUTE_MS : SECOND) : null));
    const [verdict] = verdictsFor(profiles(), [average(sparse)]);
    expect(verdict?.evidence[0]?.label).toBe("Changes took more than 1 min on average to reach eu-west-1 since 14:20 UTC, 36 min up to the last datapoint (3 min at 14:55 UTC)");
    expect(verdict?.evidence[1]?.label).toContain("and 8 of 12 were above 1 min");
  });

  it("fires on a delay that keeps coming back in half the window, though no stretch lasts", () => {
    const flapping = every(SECOND).map((_, minute) => (minute % 2 === 0 ? 2 * MINUTE_MS : SECOND));
    expect(verdictsFor(profiles(), [average(flapping)])).toHaveLength(1);
    const lessThanHalf = flapping.map((value, minute) => (minute === 0 ? SECOND : value));
    expect(verdictsFor(profiles(), [average(lessThanHalf)])).toEqual([]);
  });

  it("names the earlier, longer stretch when the current one is short", () => {
    const values = at([57, 58, 59], 2 * MINUTE_MS, latency(range(5, 35), 2 * MINUTE_MS));
    const [verdict] = verdictsFor(profiles(), [average(values)]);
    expect(verdict?.evidence[0]?.label).toBe("Changes took more than 1 min on average to reach eu-west-1 since 14:57 UTC, 3 min up to the last datapoint (2 min at 14:59 UTC)");
    expect(verdict?.evidence[1]?.label).toBe("Before that, the longest stretch above 1 min was between 14:05 and 14:35 UTC (30 min)");
  });

  it("gives one verdict per lagging region, and adds a replica's status when it isn't active", () => {
    const table = profiles([replica("eu-west-1"), replica("ap-southeast-2", "REGION_DISABLED", "The region is disabled")]);
    const verdicts = verdictsFor(table, [average(every(2 * SECOND)), average(latency(range(0, 60), 4 * MINUTE_MS), "ap-southeast-2")]);
    expect(verdicts.map((verdict) => verdict.region)).toEqual(["ap-southeast-2"]);
    expect(verdicts[0]?.evidence.at(-1)).toMatchObject({ source: "table", label: "DynamoDB reports the replica in ap-southeast-2 as REGION_DISABLED: The region is disabled" });
  });

  it("says which version when the backlog isn't published, and only that it isn't when the version is unknown", () => {
    const [verdict] = verdictsFor(profiles([replica("eu-west-1")], null), [average(every(2 * MINUTE_MS))]);
    expect(verdict?.evidence.find((entry) => entry.metric === "PendingReplicationCount")?.label).toContain("only for some global table versions, so the backlog is unknown, not zero");
  });

  it("has a plain title: no metric names, units or jargon", () => {
    const titles = [
      verdictsFor(profiles(), [average(every(3 * MINUTE_MS))]),
      verdictsFor(profiles(), [average(every(90 * SECOND))]),
      verdictsFor(profiles(), [average(every(30 * SECOND))]),
    ].flatMap((verdicts) => verdicts.map((verdict) => verdict.title));
    // Half a minute is under the threshold: no verdict, so two titles.
    expect(titles).toEqual([
      "The copy of this table in eu-west-1 is falling behind: changes reach it minutes late.",
      "The copy of this table in eu-west-1 is falling behind: changes reach it over a minute late.",
    ]);
    for (const title of titles) {
      expect(title).toMatch(/^[A-Z].*\.$/);
      expect(title).not.toMatch(/Replication|Pending|ReceivingRegion|\b(ms|s|min)\b|replica\b/);
    }
  });
});

describe("diagnose with a lagging replica", () => {
  it("reports it among the verdicts, and the table is not called healthy", () => {
    const table = profiles();
    const verdicts = diagnose(diagnosisInput({ table, metrics: withReplication(table, [average(every(3 * MINUTE_MS))]) }));
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(["replica-lag"]);
  });

  it("is healthy when replication keeps up", () => {
    const table = profiles();
    const verdicts = diagnose(diagnosisInput({ table, metrics: withReplication(table, [average(every(SECOND)), maximum(every(3 * SECOND))]) }));
    expect(verdicts.map((verdict) => verdict.kind)).toEqual(["healthy"]);
  });
});
