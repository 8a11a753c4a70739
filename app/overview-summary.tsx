import type { TableOverviewMetrics } from "@/lib/metrics/overview-summary";
import type { TableListEntry } from "@/lib/tables/table-detail";
import { tableHealth } from "@/lib/tables/table-health";
import { throttleText } from "./overview-metrics-cells";

const TONE = {
  bad: "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200",
  warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  good: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
} as const;

/**
 * The one line that answers "is something wrong?" before the reader scans the grid: throttling and tables near
 * capacity in the last hour first, then tables that are not active or cannot be read.
 */
export function OverviewSummary({ entries, metrics, alarmsInAlarm }: { entries: TableListEntry[]; metrics: Record<string, TableOverviewMetrics> | undefined; alarmsInAlarm?: Record<string, number | null> }) {
  if (entries.length === 0) return null;
  const problems: string[] = [];
  let tone: keyof typeof TONE = "good";
  // An alarm in ALARM is what paged someone: it leads the line.
  const paging = entries.filter((entry) => (alarmsInAlarm?.[entry.name] ?? 0) > 0);
  if (paging.length > 0) {
    tone = "bad";
    problems.push(`Alarms in ALARM: ${paging.map((entry) => `${entry.name} (${alarmsInAlarm?.[entry.name] ?? 0})`).join(", ")}`);
  }
  const throttled = entries.filter((entry) => metrics?.[entry.name]?.trouble.severity === "critical");
  if (throttled.length > 0) {
    tone = "bad";
    problems.push(`Throttled in the last hour: ${throttled.map((entry) => `${entry.name} (${throttleText(metrics?.[entry.name]?.throttles ?? { keyRange: null, provisioned: null, accountLimit: null, maxOnDemand: null, total: null })})`).join(", ")}`);
  }
  const busy = entries.filter((entry) => metrics?.[entry.name]?.trouble.severity === "warning");
  if (busy.length > 0) {
    if (tone === "good") tone = "warn";
    problems.push(`Near capacity: ${busy.map((entry) => entry.name).join(", ")}`);
  }
  const failed = entries.filter((entry) => entry.error !== null).length;
  if (failed > 0) problems.push(`${failed} table${failed === 1 ? "" : "s"} could not be described`);
  for (const entry of entries) {
    if (!entry.detail) continue;
    const health = tableHealth(entry.detail);
    if (!health.ok) problems.push(`${entry.name}: ${health.text.charAt(0).toLowerCase()}${health.text.slice(1, -1)}`);
  }
  if (problems.length > 0 && tone === "good") tone = "warn";
  const allFine = entries.length === 1 ? "The table is active and readable" : `All ${entries.length} tables are active and readable`;
  const text = problems.length === 0 ? `${allFine}${metrics ? ", with no throttling in the last hour" : ""}.` : `${problems.join(". ")}.`;
  return (
    <p data-testid="overview-summary" className={`rounded-md border px-3 py-2 text-sm ${TONE[tone]}`}>
      {text}
    </p>
  );
}
