import { describe, expect, it } from "vitest";
import type { OverviewTableLine, OverviewTableVerdict } from "@/lib/diagnosis/diagnosis-response";
import type { TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import { filterFleet, rankFleet } from "./fleet-rank";
import type { FleetTableRow } from "./fleet-types";

const inputs: OverviewTableVerdict["inputs"] = { metrics: { ok: true }, contributorInsights: { ok: true, enabled: 0 }, keySample: null, sizeAudit: null };
const verdict = (severity: OverviewTableVerdict["severity"], alarmsInAlarm: number | null = 0): OverviewTableLine => ({
  kind: alarmsInAlarm ? "alarm-firing" : severity === "ok" ? "healthy" : "under-provisioned-writes",
  severity,
  title: severity,
  check: "full",
  notChecked: [],
  partialNote: null,
  inputs,
  alarmsInAlarm,
  cost: null,
});
const metrics = (score: number): TableOverviewMetrics => ({
  peakReadUtilization: null,
  peakWriteUtilization: null,
  throttles: { keyRange: null, provisioned: null, accountLimit: null, maxOnDemand: null, total: null },
  sparkline: [],
  trouble: { severity: "ok", score, reason: "" },
});

function row(account: string, region: string, name: string, options: { severity?: OverviewTableVerdict["severity"]; score?: number; error?: boolean; alarms?: number | null } = {}): FleetTableRow {
  return {
    account,
    region,
    name,
    detail: null,
    error: options.error ? { code: "FORBIDDEN", message: "denied" } : null,
    metrics: options.score === undefined ? null : metrics(options.score),
    verdict: options.severity ? verdict(options.severity, options.alarms ?? 0) : null,
    alarmsInAlarm: options.alarms ?? null,
    cost: null,
  };
}

describe("rankFleet", () => {
  it("puts the worst verdict first across accounts and regions, then trouble score, then account, region and name", () => {
    const rows = [
      row("prod", "us-east-1", "a", { severity: "ok", score: 1_500 }),
      row("dev", "eu-west-1", "b", { severity: "warning", score: 2_100 }),
      row("prod", "eu-west-1", "c", { severity: "critical", score: 3_010 }),
      row("prod", "us-east-1", "d", { severity: "warning", score: 2_900 }),
      row("dev", "us-east-1", "e", { error: true }),
      row("dev", "us-east-1", "f"),
      row("analytics", "us-east-1", "g", { severity: "ok", score: 1_500 }),
    ];
    expect(rankFleet(rows).map((entry) => `${entry.account}/${entry.region}/${entry.name}`)).toEqual([
      "prod/eu-west-1/c",
      "prod/us-east-1/d",
      "dev/eu-west-1/b",
      "dev/us-east-1/e",
      "analytics/us-east-1/g",
      "prod/us-east-1/a",
      "dev/us-east-1/f",
    ]);
  });
});

describe("rankFleet with alarms", () => {
  it("puts tables with the most paging alarms in ALARM first, ahead of worse verdicts without one; unread alarms count as none", () => {
    const rows = [
      row("prod", "us-east-1", "throttled", { severity: "critical", score: 3_000, alarms: 0 }),
      row("prod", "us-east-1", "one-alarm", { severity: "critical", score: 10, alarms: 1 }),
      row("dev", "us-east-1", "two-alarms", { severity: "critical", score: 5, alarms: 2 }),
      row("prod", "us-east-1", "unknown", { severity: "warning", score: 2_000, alarms: null }),
    ];
    expect(rankFleet(rows).map((entry) => entry.name)).toEqual(["two-alarms", "one-alarm", "throttled", "unknown"]);
  });
});

describe("filterFleet", () => {
  const rows = [row("prod", "us-east-1", "Orders"), row("prod", "eu-west-1", "orders-archive"), row("dev", "us-east-1", "Users")];
  it("filters by exact account and region and by a case-insensitive part of the name", () => {
    expect(filterFleet(rows, { account: "prod", region: null, name: "" }).map((entry) => entry.name)).toEqual(["Orders", "orders-archive"]);
    expect(filterFleet(rows, { account: null, region: "us-east-1", name: "" }).map((entry) => entry.name)).toEqual(["Orders", "Users"]);
    expect(filterFleet(rows, { account: null, region: null, name: " ORDERS " }).map((entry) => entry.name)).toEqual(["Orders", "orders-archive"]);
    expect(filterFleet(rows, { account: "dev", region: "eu-west-1", name: "" })).toEqual([]);
  });
});
