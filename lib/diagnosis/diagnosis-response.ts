import type { Verdict } from "./diagnosis-types";

/** GET /api/tables/:table/diagnosis. Client-safe. */
export type DiagnosisResponse = {
  table: string;
  window: { start: number; end: number };
  verdicts: Verdict[];
  /** What the verdicts were built from, so the UI can say what is missing. */
  inputs: {
    metrics: { ok: true } | { ok: false; error: string };
    contributorInsights: { ok: true; enabled: number } | { ok: false; error: string };
    keySample: { finishedAt: number } | null;
    sizeAudit: { finishedAt: number } | null;
  };
  generatedAt: number;
  /** The verdicts name keys by digest for this caller, and carry no links to partitions or items. */
  keysDigested: boolean;
};

/** GET /api/diagnosis/overview: each table's worst verdict, for the triage list. */
export type DiagnosisOverviewResponse = {
  tables: Record<string, { kind: Verdict["kind"]; severity: Verdict["severity"]; title: string } | null>;
  /** Tables diagnosed in full; the rest are judged from the overview metrics alone. */
  diagnosed: string[];
  generatedAt: number;
};
