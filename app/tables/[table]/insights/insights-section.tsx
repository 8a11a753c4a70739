"use client";

import { useScope } from "@/components/layout/scope-context";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { KeyHeatMap } from "@/components/charts/key-heat-map";
import { KeyLink } from "@/components/items/key-link";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TermHint } from "@/components/glossary/term-hint";
import { formatCount } from "@/lib/format/format-count";
import type { InsightsResourceReport, InsightsResourceStatus } from "@/lib/insights/insights-types";
import { DEFAULT_VIEW_STATE, viewStateToParams } from "@/lib/items/items-view-state";
import { windowQueryParams, REFRESH_MS, type CapacityViewState } from "@/lib/metrics/capacity-view-state";
import { diagnosisQueries } from "@/lib/queries/diagnosis-queries";

function partitionHref(table: string, index: string | null) {
  return (key: string) => `/tables/${encodeURIComponent(table)}/items?${viewStateToParams({ ...DEFAULT_VIEW_STATE, index, pk: key }).toString()}`;
}

function Disabled({ status }: { status: InsightsResourceStatus }) {
  if (status.status === "UNAVAILABLE") return <p className="text-sm text-slate-600 dark:text-slate-400">Contributor Insights could not be read here: {status.reason}</p>;
  if (!status.howToEnable) return <p className="text-sm text-slate-600 dark:text-slate-400">Contributor Insights is {status.status.toLowerCase()}.</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="insights-disabled">
      <p>
        Contributor Insights is off{status.index ? ` for index ${status.index}` : ""}. {status.howToEnable.wouldShow}
      </p>
      <div className="flex items-start gap-2">
        <code className="rounded bg-slate-100 px-2 py-1 text-xs break-all dark:bg-slate-800">{status.howToEnable.cli}</code>
        <CopyButton text={status.howToEnable.cli} label="Copy the command" />
      </div>
      <p className="text-xs text-slate-500">{status.howToEnable.costNote} Dynamo Lens never turns it on itself.</p>
    </div>
  );
}

function Report({ table, report, capacity, window, keysDigested }: { table: string; report: InsightsResourceReport; capacity: CapacityViewState; window: { start: number; end: number; period: number }; keysDigested: boolean }) {
  const [mode, setMode] = useState<"accessed" | "throttled">("accessed");
  const accessed = report.rules.PKC;
  const throttled = report.rules.PKT;
  const shown = mode === "accessed" ? accessed : throttled;
  const hrefOf = keysDigested ? null : partitionHref(table, report.index);
  return (
    <div className="space-y-3">
      {accessed && accessed.contributors.length > 0 ? (
        <table className="w-full text-sm" data-testid="top-keys">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-semibold">
                <span className="inline-flex items-center gap-1">
                  Most accessed partition keys
                  <TermHint term="contributor-insights" label="Where the busiest keys come from" />
                </span>
              </th>
              <th className="py-1 pr-3 text-right font-semibold">
                <span className="inline-flex items-center gap-1">
                  Peak units/min
                  <TermHint term="contributor-insights" label="What peak units per minute are">
                    The key&apos;s busiest minute in this time range, in consumed throughput units: each read unit counts once
                    and each write unit three times.
                  </TermHint>
                </span>
              </th>
              <th className="py-1 pr-3 text-right font-semibold">
                <span className="inline-flex items-center gap-1">
                  Of the per-key limit
                  <TermHint term="hot-key" label="What the per-key limit is">
                    One partition key can serve at most 3,000 reads or 1,000 writes (in capacity units) per second. Contributor
                    Insights counts 3 × writes + reads per minute, so the peak minute ÷ 60 is compared with 3,000.
                  </TermHint>
                </span>
              </th>
              <th className="py-1 text-right font-semibold">
                <span className="inline-flex items-center gap-1">
                  Throttled
                  <TermHint term="throttling" label="What throttled means" />
                </span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {accessed.contributors.slice(0, 10).map((contributor) => (
              <tr key={contributor.keys.join("|")}>
                <td className="max-w-0 truncate py-1 pr-3 font-mono text-xs">
                  <KeyLink href={hrefOf ? hrefOf(contributor.keys[0] ?? "") : null} className="">
                    {contributor.keys.join(" · ")}
                  </KeyLink>
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{formatCount(Math.round(contributor.peakPerMinute))}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{contributor.partitionCap ? `${contributor.partitionCap.readCapPercent.toFixed(1)}%` : "—"}</td>
                <td className="py-1 text-right tabular-nums">{contributor.throttled === null ? "—" : formatCount(contributor.throttled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="flex items-center gap-2 text-sm">
        <span className="inline-flex items-center gap-1 font-medium">
          Key heat map
          <TermHint term="hot-key" label="How to read the key heat map">
            Each row is one of the busiest keys, each column a minute; the darker the cell, the more traffic that key had.
            One dark row while the others stay pale is a hot key.
          </TermHint>
        </span>
        <div role="group" aria-label="Heat map measure" className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700">
          {(["accessed", "throttled"] as const).map((option) => (
            <button key={option} type="button" aria-pressed={mode === option} onClick={() => setMode(option)} className={`px-2 py-0.5 ${mode === option ? "bg-sky-700 text-white" : "bg-white dark:bg-slate-900"}`}>
              {option === "accessed" ? "consumed units" : "throttled requests"}
            </button>
          ))}
        </div>
      </div>
      {shown ? (
        <KeyHeatMap contributors={shown.contributors} start={window.start} end={window.end} period={window.period} mode={mode} timeZone={capacity.tz} partitionHref={hrefOf} syncKey={`capacity-${table}`} />
      ) : (
        <p className="text-sm text-slate-500">This rule is not part of the index&apos;s Contributor Insights mode.</p>
      )}
    </div>
  );
}

/** Which partition keys get the traffic (Contributor Insights), over the capacity section's time range. */
export function InsightsSection({ table, capacity }: { table: string; capacity: CapacityViewState }) {
  const scope = useScope();
  const params = useMemo(() => windowQueryParams(capacity), [capacity]);
  const query = useQuery(diagnosisQueries.insights(scope, table, params, REFRESH_MS[capacity.refresh]));
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <section aria-labelledby="insights-heading" className="space-y-3" data-testid="insights-section">
      <h2 id="insights-heading" className="flex items-center gap-2 text-lg font-semibold">
        Hot keys
        <TermHint term="hot-key" label="What hot keys are">
          Every item lives in a partition chosen by its partition key. One key can only take so much traffic per second, so
          when most traffic goes to one key, DynamoDB refuses requests even if the table as a whole has spare capacity.
        </TermHint>
      </h2>
      {query.isError ? <ErrorPanel title="Contributor Insights could not be read" message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <div aria-busy="true" className="h-32 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}
      {query.data ? (
        <div className="space-y-3">
          {query.data.status.length > 1 ? (
            <div role="group" aria-label="Table or index" className="flex flex-wrap gap-1 text-sm">
              {query.data.status.map((status) => (
                <button
                  key={status.index ?? "table"}
                  type="button"
                  aria-pressed={(selected ?? "") === (status.index ?? "")}
                  onClick={() => setSelected(status.index)}
                  className={`rounded-md border px-2 py-0.5 ${(selected ?? "") === (status.index ?? "") ? "border-sky-600 bg-sky-50 dark:bg-sky-950" : "border-slate-300 dark:border-slate-700"}`}
                >
                  {status.index ? `GSI ${status.index}` : "Table"} · {status.status.toLowerCase()}
                </button>
              ))}
            </div>
          ) : null}
          {query.data.status
            .filter((status) => (status.index ?? "") === (selected ?? ""))
            .map((status) => {
              const report = query.data.report?.resources.find((resource) => resource.index === status.index);
              return (
                <div key={status.index ?? "table"} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
                  {status.status === "ENABLED" && report && query.data.report ? (
                    <Report
                      table={table}
                      report={report}
                      capacity={capacity}
                      window={{ start: query.data.report.start, end: query.data.report.end, period: query.data.report.period }}
                      keysDigested={query.data.keysDigested === true}
                    />
                  ) : (
                    <Disabled status={status} />
                  )}
                </div>
              );
            })}
        </div>
      ) : null}
    </section>
  );
}
