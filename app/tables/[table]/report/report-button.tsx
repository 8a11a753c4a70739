"use client";

import { useScope } from "@/components/layout/scope-context";
import type { CapacityViewState } from "@/lib/metrics/capacity-view-state";
import { frozenWindow } from "@/lib/metrics/frozen-window";
import { withScope } from "@/lib/scope/scope";

/**
 * "Report": freezes the page's window (absolute start and end go into the URL, so the page, the report and anyone the
 * link is sent to see the same minutes) and offers the report as one HTML file or as Markdown for a ticket.
 */
export function ReportButton({ table, state, update }: { table: string; state: CapacityViewState; update: (patch: Partial<CapacityViewState>) => void }) {
  const scope = useScope();
  // A zoomed or frozen window is already absolute: the report can be written straight away.
  const frozen = state.start !== null && state.end !== null ? { start: state.start, end: state.end } : null;
  const href = (format: "html" | "md") =>
    frozen ? withScope(`/api/tables/${encodeURIComponent(table)}/report?start=${frozen.start}&end=${frozen.end}&format=${format}`, scope) : "#";
  const link = "rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <div className="flex items-center gap-2" data-testid="report">
      {frozen ? (
        <>
          <span className="text-xs text-slate-500">Report on this window:</span>
          <a href={href("html")} target="_blank" rel="noopener" className={link} data-testid="report-html">
            Report (HTML)
          </a>
          <a href={href("md")} target="_blank" rel="noopener" className={link} data-testid="report-md">
            Markdown
          </a>
        </>
      ) : (
        <button
          type="button"
          className={link}
          onClick={() => update(frozenWindow(state, Date.now()))}
          title="Freeze this window and write it up: verdicts, charts, alarms, scaling and changes in one printable file"
        >
          Report
        </button>
      )}
    </div>
  );
}
