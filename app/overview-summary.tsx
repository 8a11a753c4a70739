import type { TableListEntry } from "@/lib/tables/table-detail";
import { tableHealth } from "@/lib/tables/table-health";

/** The one line that answers "is something wrong?" before the reader scans the grid. */
export function OverviewSummary({ entries }: { entries: TableListEntry[] }) {
  if (entries.length === 0) return null;
  const problems: string[] = [];
  const failed = entries.filter((entry) => entry.error !== null).length;
  if (failed > 0) problems.push(`${failed} table${failed === 1 ? "" : "s"} could not be described`);
  for (const entry of entries) {
    if (!entry.detail) continue;
    const health = tableHealth(entry.detail);
    if (!health.ok) problems.push(`${entry.name}: ${health.text.charAt(0).toLowerCase()}${health.text.slice(1, -1)}`);
  }
  const ok = problems.length === 0;
  const text = ok
    ? entries.length === 1
      ? "The table is active and readable."
      : `All ${entries.length} tables are active and readable.`
    : `${problems.join(". ")}.`;
  return (
    <p
      data-testid="overview-summary"
      className={`rounded-md border px-3 py-2 text-sm ${
        ok
          ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
      }`}
    >
      {text}
    </p>
  );
}
