import type { WireType } from "@/lib/dynamo/wire-value";
import { typeName } from "./attribute-labels";

// One muted hue per type; 700-on-50 (light) and 300-on-950 (dark) keep text contrast above WCAG AA.
// Sets share the family of their scalar type but use a different hue, so "N" and "NS" never look alike.
const TYPE_TONES: Record<WireType, string> = {
  S: "border-emerald-200 bg-emerald-50 text-emerald-700 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-300",
  N: "border-sky-200 bg-sky-50 text-sky-700 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-300",
  B: "border-violet-200 bg-violet-50 text-violet-700 dark:border-violet-900 dark:bg-violet-950 dark:text-violet-300",
  BOOL: "border-amber-200 bg-amber-50 text-amber-800 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-300",
  NULL: "border-slate-300 bg-slate-100 text-slate-600 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-300",
  SS: "border-teal-200 bg-teal-50 text-teal-700 dark:border-teal-900 dark:bg-teal-950 dark:text-teal-300",
  NS: "border-indigo-200 bg-indigo-50 text-indigo-700 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-300",
  BS: "border-fuchsia-200 bg-fuchsia-50 text-fuchsia-700 dark:border-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-300",
  L: "border-orange-200 bg-orange-50 text-orange-800 dark:border-orange-900 dark:bg-orange-950 dark:text-orange-300",
  M: "border-rose-200 bg-rose-50 text-rose-700 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-300",
  REDACTED: "border-slate-400 bg-slate-200 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200",
};

/** The DynamoDB type descriptor as a fixed-width chip; screen readers hear the plain-language name instead. */
export function TypeBadge({ type }: { type: WireType }) {
  return (
    <span
      title={`${typeName(type)} (${type})`}
      data-type={type}
      className={`inline-flex h-4 min-w-[2.25rem] shrink-0 items-center justify-center rounded border px-1 font-mono text-[10px] leading-none font-semibold tracking-wide select-none ${TYPE_TONES[type]}`}
    >
      <span aria-hidden>{type}</span>
      <span className="sr-only">{typeName(type)}</span>
    </span>
  );
}
