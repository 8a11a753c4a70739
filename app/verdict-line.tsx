import type { DiagnosisOverviewResponse } from "@/lib/diagnosis/diagnosis-response";

const TONE = {
  critical: "text-rose-700 dark:text-rose-400",
  warning: "text-amber-700 dark:text-amber-400",
  info: "text-sky-700 dark:text-sky-400",
  ok: "text-emerald-700 dark:text-emerald-400",
} as const;

/** A table's worst verdict in one short line, under its name in the overview. */
export function VerdictLine({ verdict }: { verdict: DiagnosisOverviewResponse["tables"][string] }) {
  if (!verdict) return null;
  return (
    <p className={`mt-1 max-w-xs text-xs ${TONE[verdict.severity]}`} data-testid="worst-verdict" data-severity={verdict.severity} data-kind={verdict.kind}>
      {verdict.title}
    </p>
  );
}
