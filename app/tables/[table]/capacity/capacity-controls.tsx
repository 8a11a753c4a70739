"use client";

import { REFRESH_OPTIONS, type CapacityViewState } from "@/lib/metrics/capacity-view-state";
import { METRIC_RANGES } from "@/lib/metrics/time-range";
import type { TableDetail } from "@/lib/tables/table-detail";

const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Range buttons (a zoomed window shows as "custom" with a reset), GSI choice, auto-refresh, and UTC/local time. */
export function CapacityControls({ detail, state, update, fetching }: { detail: TableDetail; state: CapacityViewState; update: (patch: Partial<CapacityViewState>) => void; fetching: boolean }) {
  const zoomed = state.start !== null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <div role="group" aria-label="Time range" className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        {METRIC_RANGES.map((range) => {
          const active = !zoomed && state.range === range;
          return (
            <button
              key={range}
              type="button"
              aria-pressed={active}
              onClick={() => update({ range, start: null, end: null })}
              className={`px-2.5 py-1 tabular-nums ${active ? "bg-sky-700 text-white" : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"}`}
            >
              {range}
            </button>
          );
        })}
      </div>
      {zoomed ? (
        <button type="button" onClick={() => update({ start: null, end: null })} className="rounded-md border border-sky-300 bg-sky-50 px-2.5 py-1 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-300">
          Zoomed · reset
        </button>
      ) : (
        <span className="text-xs text-slate-500">drag across a chart to zoom</span>
      )}
      {detail.gsis.length > 0 ? (
        <label className="flex items-center gap-1.5">
          <span className="text-slate-600 dark:text-slate-400">Capacity of</span>
          <select value={state.gsi ?? ""} onChange={(event) => update({ gsi: event.target.value || null })} className={select}>
            <option value="">the table</option>
            {detail.gsis.map((index) => (
              <option key={index.name} value={index.name}>
                GSI {index.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div role="group" aria-label="Compare with" className="inline-flex items-center overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        <span className="px-2 text-slate-600 dark:text-slate-400">Compare</span>
        {([["off", "off"], ["1d", "yesterday"], ["1w", "last week"]] as const).map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={state.compare === value}
            onClick={() => update({ compare: value })}
            className={`border-l border-slate-300 px-2.5 py-1 dark:border-slate-700 ${state.compare === value ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"}`}
          >
            {label}
          </button>
        ))}
      </div>
      <label className="ml-auto flex items-center gap-1.5">
        <span className="text-slate-600 dark:text-slate-400">Refresh</span>
        <select value={state.refresh} onChange={(event) => update({ refresh: event.target.value as CapacityViewState["refresh"] })} className={select} aria-label="Auto-refresh">
          {REFRESH_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <div role="group" aria-label="Time zone" className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        {(["UTC", "local"] as const).map((tz) => (
          <button key={tz} type="button" aria-pressed={state.tz === tz} onClick={() => update({ tz })} className={`px-2.5 py-1 ${state.tz === tz ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"}`}>
            {tz}
          </button>
        ))}
      </div>
      <span className="w-4 text-xs text-slate-400" aria-live="polite">
        {fetching ? "…" : ""}
      </span>
    </div>
  );
}
