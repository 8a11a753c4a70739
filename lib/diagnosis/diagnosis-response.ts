import type { FleetCost } from "@/lib/cost/cost-summary";
import type { Severity, Verdict, VerdictKind } from "./diagnosis-types";

/** What a diagnosis was built from, so the UI can say what is missing. */
export type DiagnosisInputs = {
  metrics: { ok: true } | { ok: false; error: string };
  contributorInsights: { ok: true; enabled: number } | { ok: false; error: string };
  keySample: { finishedAt: number } | null;
  sizeAudit: { finishedAt: number } | null;
  /** The latest finished stream sample (writes per key) and the window it read; the rules use it only near the diagnosis window. Absent: not read. */
  streamSample?: { finishedAt: number; window: { start: number; end: number } } | null;
  /** The table's CloudWatch alarms: how many paging ones are in ALARM, or why they could not be read. Absent: not read. */
  alarms?: { ok: true; inAlarm: number } | { ok: false; error: string };
  /**
   * The table's auto scaling: its targets (table and GSIs, read and write), and why the last 24 h's peak consumption
   * could not be read (the minimum is then compared with the window's peak); or why auto scaling could not be read.
   * Absent: not read.
   */
  scaling?: { ok: true; targets: number; dailyPeaksError: string | null } | { ok: false; error: string };
  /**
   * The table's change history from CloudTrail (the window and the lead time before it): how many changes, and whether
   * the lookup read back to the start (false: throttled or cut at its paging cap); or why it could not be read. Absent: not read.
   */
  changes?: { ok: true; changes: number; complete: boolean } | { ok: false; error: string };
  /**
   * The same window a day and a week earlier (consumption and throttle events), which the unusual-traffic verdict and
   * the "also last week" notes read; or why they could not be read (then neither is given). Absent: not read.
   */
  baselines?: { ok: true } | { ok: false; error: string };
  /** The cost advisor's figures (the capacity-mode verdict), or why they could not be computed. Absent: not computed. */
  cost?: { ok: true } | { ok: false; error: string };
};

/**
 * Where the diagnosis window came from: the request's range/start/end; else the current ALARM span of a firing
 * paging alarm (from EvaluationPeriods × Period before it fired until now: lib/alarms/incident-window.ts); else the
 * default range.
 */
export type WindowSource = { kind: "alarm"; alarm: string } | { kind: "request" } | { kind: "default" };

/** GET /api/tables/:table/diagnosis. Client-safe. */
export type DiagnosisResponse = {
  table: string;
  window: { start: number; end: number };
  windowSource: WindowSource;
  verdicts: Verdict[];
  inputs: DiagnosisInputs;
  generatedAt: number;
  /** The verdicts name keys by digest for this caller, and carry no links to partitions or items. */
  keysDigested: boolean;
};

/**
 * The overview's inputs: the table page's, except that Contributor Insights' reports may be left unread (`skipped`,
 * with the reason) when too many tables have it enabled to read every report on each refresh.
 */
export type OverviewDiagnosisInputs = Omit<DiagnosisInputs, "contributorInsights"> & {
  contributorInsights: DiagnosisInputs["contributorInsights"] | { ok: false; skipped: string };
};

/** A check the overview could not run for a table, and why. */
export type NotChecked = { check: string; reason: string };

export type OverviewTableVerdict = {
  /**
   * The table page's worst verdict for the same window when `check` is "full". A partial check reports the worst
   * verdict of the checks that ran, except that it never reports "healthy": finding nothing is "partial-check".
   */
  kind: VerdictKind | "partial-check";
  severity: Severity;
  title: string;
  check: "full" | "partial";
  /** Empty for a full check. */
  notChecked: NotChecked[];
  /** For a partial check, one sentence saying what was and wasn't checked; null for a full check. */
  partialNote: string | null;
  inputs: OverviewDiagnosisInputs;
};

/**
 * A table's line in the overview and the fleet: its worst verdict, and how many of its paging alarms are in ALARM
 * (auto scaling's own excluded; null when the alarms could not be read), which puts it first in the triage order.
 */
export type OverviewTableLine = OverviewTableVerdict & {
  alarmsInAlarm: number | null;
  /** The Cost section's month and savings for the table (the capacity-mode verdict's figures); null: not worked out. */
  cost: FleetCost | null;
};

/** GET /api/diagnosis/overview: each table's worst verdict over the last hour, for the triage list. */
export type DiagnosisOverviewResponse = {
  /** The window every verdict covers (the last hour, one-minute periods): ask a table's diagnosis for the same. */
  window: { start: number; end: number };
  /** null: the table could not be described (the table list says why). */
  tables: Record<string, OverviewTableLine | null>;
  generatedAt: number;
  keysDigested: boolean;
};
