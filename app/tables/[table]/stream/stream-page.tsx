"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useId, useMemo } from "react";
import { ViewTabs, type ViewTab } from "@/components/items/view-tabs";
import { Breadcrumbs, tableCrumbs } from "@/components/layout/breadcrumbs";
import { useRole } from "@/components/layout/role-context";
import { useScope } from "@/components/layout/scope-context";
import { ScopedLink as Link } from "@/components/layout/scoped-link";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Badge } from "@/components/ui/status-badge";
import { tablesQueries } from "@/lib/queries/tables-queries";
import type { StreamViewState } from "@/lib/streams/stream-view-state";
import type { TableDetail } from "@/lib/tables/table-detail";
import { LiveTail } from "./live-tail";
import { NoStream } from "./no-stream";
import { StreamSampleSection } from "./stream-sample-section";
import { useStreamViewState } from "./use-stream-view-state";

const TABS: readonly ViewTab<StreamViewState["tab"]>[] = [
  { id: "tail", label: "Live tail" },
  { id: "sample", label: "Write sample" },
];

/** Seconds matter here (records arrive every second), in the time zone the table page's controls chose. */
function useClock(tz: StreamViewState["tz"]): (ms: number) => string {
  return useCallback((ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: tz === "UTC" ? "UTC" : undefined }), [tz]);
}

export function StreamPage({ table }: { table: string }) {
  const scope = useScope();
  const query = useQuery(tablesQueries.detail(scope, table));
  return (
    <div className="space-y-5">
      <Breadcrumbs crumbs={tableCrumbs(table, "Stream")} />
      {query.isPending ? <div aria-busy="true" className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}
      {query.isError ? <ErrorPanel title={`Could not describe ${table}`} message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {query.data ? <StreamBody detail={query.data.table} /> : null}
    </div>
  );
}

function StreamBody({ detail }: { detail: TableDetail }) {
  const [view, update] = useStreamViewState();
  const engineer = useRole() === "engineer";
  const clock = useClock(view.tz);
  const idPrefix = useId();
  const keyAttributes = useMemo(() => ({ partitionKey: detail.keys.partitionKey.name, sortKey: detail.keys.sortKey?.name ?? null }), [detail.keys]);
  // A stream turned off stays readable for 24 hours, so only a table that never had one (no ARN) is certainly streamless.
  const hasStream = detail.stream.enabled || detail.stream.arn !== null;
  return (
    <>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all">{detail.name}</h1>
        <Badge tone={detail.stream.enabled ? "good" : "neutral"}>{detail.stream.enabled ? `stream · ${(detail.stream.viewType ?? "on").toLowerCase().replaceAll("_", " ")}` : "no stream"}</Badge>
        <div role="group" aria-label="Time zone" className="ml-auto inline-flex overflow-hidden rounded-md border border-slate-300 text-sm dark:border-slate-700">
          {(["UTC", "local"] as const).map((tz) => (
            <button key={tz} type="button" aria-pressed={view.tz === tz} onClick={() => update({ tz })} className={`px-2.5 py-1 ${view.tz === tz ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"}`}>
              {tz}
            </button>
          ))}
        </div>
        <Link href={`/tables/${encodeURIComponent(detail.name)}/items`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Browse items
        </Link>
      </header>
      {hasStream ? (
        <div className="space-y-4">
          <ViewTabs tabs={TABS} selected={view.tab} onSelect={(tab) => update({ tab })} idPrefix={idPrefix} label="Stream view" />
          {/* Only the shown tab is mounted: the tail stops polling (and soon reading the stream) while the sample is shown. */}
          <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${view.tab}`}>
            {view.tab === "tail" ? (
              <LiveTail table={detail.name} keyAttributes={keyAttributes} view={view} update={update} engineer={engineer} clock={clock} />
            ) : (
              <StreamSampleSection table={detail.name} engineer={engineer} timeZone={view.tz} clock={clock} />
            )}
          </div>
        </div>
      ) : (
        <NoStream table={detail.name} />
      )}
    </>
  );
}
