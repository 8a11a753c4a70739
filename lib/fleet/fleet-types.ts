/** The JSON shape of GET /api/fleet: every exposed table in every configured account and region. Client-safe. */
import type { FleetCost } from "@/lib/cost/cost-summary";
import type { OverviewTableLine } from "@/lib/diagnosis/diagnosis-response";
import type { TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";

/** How one account and region answered. A failed one (access denied, unreachable, expired credentials) says why. */
export type FleetScopeResult =
  | (Scope & { ok: true; tables: number; metricsError: string | null; diagnosisError: string | null; elapsedMs: number })
  | (Scope & { ok: false; code: string; error: string; elapsedMs: number });

export type FleetTableRow = Scope & {
  name: string;
  /** null when the table could not be described; `error` says why. */
  detail: TableDetail | null;
  error: { code: string; message: string } | null;
  /** The last hour's batched metrics; null when CloudWatch could not be read for this scope. */
  metrics: TableOverviewMetrics | null;
  /** The same worst verdict the table's own page gives for the last hour (or a partial check that says so). */
  verdict: OverviewTableLine | null;
  /** Its paging CloudWatch alarms in ALARM now; null when they could not be read (or the table was not diagnosed). */
  alarmsInAlarm: number | null;
  /** What the table costs a month and what the best other capacity mode would save (the Cost section's figures); null: not diagnosed. */
  cost: FleetCost | null;
};

export type FleetResponse = {
  scopes: FleetScopeResult[];
  /** Trouble first: most paging alarms in ALARM, then worst verdict, then the metrics' trouble score, then account, region and name. */
  tables: FleetTableRow[];
  /** The last-hour window the metrics and verdicts cover. */
  window: { start: number; end: number } | null;
  generatedAt: number;
};
