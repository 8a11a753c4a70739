import type { TableListEntry } from "@/lib/tables/table-detail";

/** The one line that answers "is something wrong?" before the reader scans the grid. */
export function OverviewSummary({ entries }: { entries: TableListEntry[] }) {
  const failed = entries.filter((entry) => entry.error !== null);
  const notActive = entries.filter((entry) => entry.detail && entry.detail.status !== "ACTIVE");
  const problems: string[] = [];
  if (failed.length > 0) problems.push(`${failed.length} table${failed.length === 1 ? "" : "s"} could not be described`);
  if (notActive.length > 0) {
    problems.push(`${notActive.map((entry) => `${entry.name} is ${entry.detail?.status.toLowerCase()}`).join(", ")}`);
  }
  if (entries.length === 0) return null;
  const ok = problems.length === 0;
  return (
    <p
      data-testid="overview-summary"
      className={`rounded-md border px-3 py-2 text-sm ${
        ok
          ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
      }`}
    >
      {ok ? (entries.length === 1 ? "The table is active and readable." : `All ${entries.length} tables are active and readable.`) : `${problems.join("; ")}.`}
    </p>
  );
}
