import type { DiagnosisOverviewResponse } from "@/lib/diagnosis/diagnosis-response";

const TONE = {
  critical: "text-rose-700 dark:text-rose-400",
  warning: "text-amber-700 dark:text-amber-400",
  info: "text-sky-700 dark:text-sky-400",
  ok: "text-emerald-700 dark:text-emerald-400",
} as const;

const LABEL = { critical: "Critical", warning: "Warning", info: "Info", ok: "OK" } as const;

const NEUTRAL = "text-slate-600 dark:text-slate-400";

/**
 * A table's worst verdict in one short line under its name in the overview, with its severity in words (colour alone
 * says nothing to some readers). A partial check says so instead of looking healthy, and what it did not check.
 */
export function VerdictLine({ verdict }: { verdict: DiagnosisOverviewResponse["tables"][string] }) {
  if (!verdict) return null;
  const reasons = verdict.notChecked.map((entry) => `${entry.check}: ${entry.reason}`).join("\n");
  const note = verdict.partialNote ? (
    <p className={`mt-0.5 ${NEUTRAL}`} data-testid="partial-check" title={reasons}>
      {verdict.partialNote}
    </p>
  ) : null;
  return (
    <div className="mt-1 max-w-xs text-xs" data-testid="worst-verdict" data-severity={verdict.severity} data-kind={verdict.kind} data-check={verdict.check}>
      {verdict.kind === "partial-check" ? null : (
        <p className={TONE[verdict.severity]}>
          <span className="font-semibold tracking-wide uppercase">{LABEL[verdict.severity]}</span> {verdict.title}
        </p>
      )}
      {note}
    </div>
  );
}
