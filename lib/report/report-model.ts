/**
 * What an incident report holds: every source read for one frozen window, each either read or with the reason it
 * could not be. Client-safe and pure, so the HTML and Markdown renderers (and the e2e) can build from fixtures.
 */
import type { AlarmsResponse } from "@/lib/alarms/alarm-types";
import type { ChangesResponse } from "@/lib/changes/change-types";
import type { DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import type { ScalingResponse } from "@/lib/scaling/scaling-types";
import type { Scope } from "@/lib/scope/scope";
import type { TableDetail } from "@/lib/tables/table-detail";

/** A source that was read, or why not: `error` says what failed, `unavailable` that the dashboard cannot read it yet. */
export type ReportSection<T> = { ok: true; value: T } | { ok: false; error: string } | { ok: false; unavailable: string };

export const REPORT_FORMATS = ["html", "md"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportModel = {
  table: string;
  scope: Scope;
  /** The window the request froze, epoch ms (end exclusive), before alignment to the metrics' period. */
  requested: { start: number; end: number };
  /** The same window aligned to `periodSeconds`: what every source was read over. */
  window: { start: number; end: number };
  periodSeconds: number;
  generatedAt: number;
  /** Who asked: viewers get key digests and redacted values, as in every other response. */
  role: "engineer" | "viewer";
  keysDigested: boolean;
  /**
   * The dashboard's origin (scheme, host, port) the live links start with, so they still open from a saved file; null
   * writes them relative.
   */
  origin: string | null;
  detail: ReportSection<TableDetail>;
  diagnosis: ReportSection<DiagnosisResponse>;
  metrics: ReportSection<MetricsResponse>;
  alarms: ReportSection<AlarmsResponse>;
  scaling: ReportSection<ScalingResponse>;
  insights: ReportSection<InsightsResponse>;
  changes: ReportSection<ChangesResponse>;
};

/** The section's value, or null when it was not read. */
export function sectionValue<T>(section: ReportSection<T>): T | null {
  return section.ok ? section.value : null;
}

/** "could not be read: …" or "not available: …", the line a renderer writes for a section without a value. */
export function sectionProblem(section: ReportSection<unknown>): string | null {
  if (section.ok) return null;
  return "error" in section ? `could not be read: ${section.error}` : `not available: ${section.unavailable}`;
}
