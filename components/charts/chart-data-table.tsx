"use client";

import { useState } from "react";
import type { ChartData } from "@/lib/metrics/capacity-charts";
import type { TimeZoneMode } from "./time-series-chart";

/**
 * The numbers behind a chart, one row per period with data: for screen readers, for copying, and for tests that
 * check the chart draws what the API returned. Rendered only when opened, since a 2-week range has 1,300+ rows.
 */
export function ChartDataTable({ data, timeZone }: { data: ChartData; timeZone: TimeZoneMode }) {
  const [open, setOpen] = useState(false);
  const rows = data.x.map((x, index) => ({ x, values: data.series.map((series) => series.values[index] ?? null) })).filter((row) => row.values.some((value) => value !== null));
  return (
    <details className="mt-1 text-xs" onToggle={(event) => setOpen(event.currentTarget.open)} data-series={JSON.stringify(Object.fromEntries(data.series.map((series) => [series.label, series.values])))}>
      <summary className="cursor-pointer text-slate-500 hover:text-slate-800 dark:hover:text-slate-200">Data ({rows.length} periods with data)</summary>
      {open ? (
        <div className="mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left tabular-nums">
            <thead>
              <tr>
                <th className="pr-3 font-semibold">Time {timeZone === "UTC" ? "(UTC)" : "(local)"}</th>
                {data.series.map((series) => (
                  <th key={series.label} className="pr-3 font-semibold">
                    {series.label} ({data.unit})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.x}>
                  <td className="pr-3">{new Date(row.x * 1000).toLocaleString("en-GB", { timeZone: timeZone === "UTC" ? "UTC" : undefined })}</td>
                  {row.values.map((value, index) => (
                    <td key={data.series[index]?.label ?? index} className="pr-3">
                      {value === null ? "—" : Math.round(value * 1000) / 1000}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
