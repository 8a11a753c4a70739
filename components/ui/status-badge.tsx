const TONES = {
  good: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  busy: "border-amber-300 bg-amber-50 text-amber-800 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-300",
  bad: "border-rose-300 bg-rose-50 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-300",
  neutral: "border-slate-300 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300",
} as const;

export type Tone = keyof typeof TONES;

export function toneForStatus(status: string): Tone {
  if (status === "ACTIVE") return "good";
  if (["CREATING", "UPDATING", "DELETING", "ARCHIVING"].includes(status)) return "busy";
  if (["INACCESSIBLE_ENCRYPTION_CREDENTIALS", "REGION_DISABLED", "CREATION_FAILED", "ARCHIVED", "UNKNOWN"].includes(status)) return "bad";
  return "neutral";
}

export function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}>
      {children}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={toneForStatus(status)}>{status.toLowerCase().replaceAll("_", " ")}</Badge>;
}
