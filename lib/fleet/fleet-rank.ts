import type { FleetTableRow } from "./fleet-types";

const SEVERITY_RANK = { critical: 0, warning: 1, info: 2, ok: 3 } as const;

/** Lower is worse. An unreadable table ranks with warnings: on-call should see that it could not be checked. */
function severityRank(row: FleetTableRow): number {
  if (row.error) return SEVERITY_RANK.warning;
  const severity = row.verdict?.severity;
  return severity === undefined ? 4 : SEVERITY_RANK[severity];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The fleet's triage order: tables with the most paging alarms in ALARM first (on-call starts from the alarm), then
 * worst verdict, then the most trouble in the metrics, then account, region, name.
 */
export function rankFleet(rows: readonly FleetTableRow[]): FleetTableRow[] {
  return [...rows].sort(
    (a, b) =>
      (b.alarmsInAlarm ?? 0) - (a.alarmsInAlarm ?? 0) ||
      severityRank(a) - severityRank(b) ||
      (b.metrics?.trouble.score ?? -1) - (a.metrics?.trouble.score ?? -1) ||
      byText(a.account, b.account) ||
      byText(a.region, b.region) ||
      byText(a.name, b.name),
  );
}

export type FleetFilter = { account: string | null; region: string | null; name: string };

/** The rows a filter keeps: exact account and region, and a case-insensitive substring of the table name. */
export function filterFleet(rows: readonly FleetTableRow[], filter: FleetFilter): FleetTableRow[] {
  const needle = filter.name.trim().toLowerCase();
  return rows.filter(
    (row) => (filter.account === null || row.account === filter.account) && (filter.region === null || row.region === filter.region) && (needle === "" || row.name.toLowerCase().includes(needle)),
  );
}
