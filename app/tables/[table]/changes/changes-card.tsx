"use client";

import { Badge } from "@/components/ui/status-badge";
import type { ChangesResponse, TableChange } from "@/lib/changes/change-types";
import { whoLabel } from "@/lib/changes/who-label";

function clock(ms: number, timeZone: "UTC" | "local"): string {
  return new Date(ms).toLocaleString("en-GB", { timeZone: timeZone === "UTC" ? "UTC" : undefined, hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" });
}

function ChangeRow({ change, timeZone }: { change: TableChange; timeZone: "UTC" | "local" }) {
  return (
    <li className="relative pb-3 pl-5" data-testid="change" data-event={change.eventName} data-kind={change.kind}>
      <span aria-hidden className={`absolute top-1.5 left-0 h-2.5 w-2.5 rotate-45 ${change.error ? "bg-slate-400" : "bg-fuchsia-700 dark:bg-fuchsia-400"}`} />
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="tabular-nums text-slate-500">{clock(change.at, timeZone)}</span>
        <span className="font-medium">{change.summary.length > 0 ? change.summary.join("; ") : change.eventName}</span>
        {change.index ? <Badge tone="neutral">GSI {change.index}</Badge> : null}
        {change.error ? <Badge tone="bad">failed: {change.error}</Badge> : null}
      </div>
      <p className="text-xs text-slate-500">
        {change.eventName} by <span className="font-mono break-all" title={change.whoDigested ? "identity shown as a code for viewers" : change.who}>{whoLabel(change)}</span>
      </p>
    </li>
  );
}

/** What was changed on the table and its auto scaling in the window, newest first: "what changed before this?". */
export function ChangesCard({ data, error, timeZone }: { data: ChangesResponse | undefined; error: string | null; timeZone: "UTC" | "local" }) {
  const newestFirst = data ? [...data.changes].reverse() : [];
  return (
    <section aria-labelledby="changes-heading" className="min-w-0 wrap-anywhere rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="changes-card">
      <h2 id="changes-heading" className="mb-2 flex items-center gap-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        What changed
        {data ? <span className="font-normal normal-case">({data.changes.length} in this window, from CloudTrail)</span> : null}
      </h2>
      {error ? <p className="text-sm text-rose-700 dark:text-rose-400">Could not read the change history: {error}</p> : null}
      {!data && !error ? <div aria-busy="true" className="h-16 animate-pulse rounded bg-slate-100 dark:bg-slate-800" /> : null}
      {data && data.changes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="changes-empty">
          Nobody changed the table, its indexes or its auto scaling in this window.
        </p>
      ) : null}
      {newestFirst.length > 0 ? (
        <ol className="max-h-72 overflow-auto border-l border-slate-200 pl-0 dark:border-slate-700" data-testid="change-timeline">
          {newestFirst.map((change) => (
            <ChangeRow key={change.id} change={change} timeZone={timeZone} />
          ))}
        </ol>
      ) : null}
      {data && !data.complete ? <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">CloudTrail was not read back to the start of the window (too many events, or it asked us to slow down); older changes may be missing.</p> : null}
    </section>
  );
}
