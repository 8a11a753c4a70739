"use client";

import { useEffect, useState } from "react";
import { KeyLink } from "@/components/items/key-link";
import { buildHeatMap, heatColor } from "@/lib/insights/heat-map";
import type { Contributor } from "@/lib/insights/insights-types";
import { formatCount } from "@/lib/format/format-count";
import { publishCursor, subscribeCursor } from "./cursor-bus";

type Props = {
  contributors: readonly Contributor[];
  start: number;
  end: number;
  period: number;
  mode: "accessed" | "throttled";
  timeZone: "UTC" | "local";
  /** Opens the key's partition in the browser; null when keys are digests, which open nothing. */
  partitionHref: ((key: string) => string) | null;
  /** The capacity charts' sync group: their crosshair shows here as a line, and the hovered minute shows there. */
  syncKey?: string;
  /** What a cell's value is, when not Contributor Insights' per-minute figures (a stream sample's write units per second). */
  unit?: string;
};

const CELL_HEIGHT = 22;

/**
 * Key Visualizer style: top keys as rows, time as columns, colour as consumed throughput units (or throttled
 * requests) per minute. Hover shows the exact value and minute; a click on a row opens the partition.
 */
export function KeyHeatMap({ contributors, start, end, period, mode, timeZone, partitionHref, syncKey, unit: unitLabel }: Props) {
  const map = buildHeatMap(contributors, start, end, period);
  const [hover, setHover] = useState<{ row: number; column: number } | null>(null);
  const [cursorMs, setCursorMs] = useState<number | null>(null);
  useEffect(() => (syncKey ? subscribeCursor(syncKey, (timeMs) => setCursorMs(timeMs)) : undefined), [syncKey]);
  const hoverCell = (cell: { row: number; column: number } | null) => {
    setHover(cell);
    const columnStart = cell ? map.columns[cell.column] : undefined;
    if (syncKey) publishCursor(syncKey, columnStart === undefined ? null : columnStart, "heat-map");
  };
  const cursorColumn = cursorMs === null ? null : (cursorMs - start) / (period * 1000);
  const unit = unitLabel ?? (mode === "accessed" ? "consumed units/min" : "throttled requests/min");
  // Columns shorter than a minute (a stream sample's) need the seconds to tell them apart.
  const time = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: period < 60 ? "2-digit" : undefined, timeZone: timeZone === "UTC" ? "UTC" : undefined });
  const hovered = hover ? { row: map.rows[hover.row], column: map.columns[hover.column] } : null;
  if (map.rows.length === 0) return <p className="text-sm text-slate-500">No contributors in this window.</p>;
  return (
    <div className="space-y-2" data-testid={`heat-map-${mode}`}>
      <div className="flex gap-2">
        <ol className="w-40 shrink-0 text-xs sm:w-56">
          {map.rows.map((row) => (
            <li key={row.label} style={{ height: CELL_HEIGHT }} className="flex items-center">
              <KeyLink href={partitionHref ? partitionHref(row.key) : null} className="truncate font-mono" title={`${row.label}: ${formatCount(Math.round(row.total))} in the window`} testId="heat-map-key">
                {row.label}
              </KeyLink>
            </li>
          ))}
        </ol>
        <div className="min-w-0 flex-1 overflow-x-auto">
          <svg width="100%" height={map.rows.length * CELL_HEIGHT} viewBox={`0 0 ${map.columns.length} ${map.rows.length}`} preserveAspectRatio="none" role="img" aria-label={`Heat map of ${unit} for the top ${map.rows.length} keys`} onMouseLeave={() => hoverCell(null)} className="rounded bg-slate-50 dark:bg-slate-950">
            {map.rows.map((row, rowIndex) =>
              row.cells.map((value, column) => (
                <rect
                  key={`${rowIndex}-${column}`}
                  x={column}
                  y={rowIndex}
                  width={1}
                  height={0.92}
                  fill={heatColor(value, map.max, mode)}
                  onMouseEnter={() => hoverCell({ row: rowIndex, column })}
                  onClick={partitionHref ? () => window.location.assign(partitionHref(row.key)) : undefined}
                  className={partitionHref ? "cursor-pointer" : undefined}
                />
              )),
            )}
            {cursorColumn !== null && cursorColumn >= 0 && cursorColumn <= map.columns.length ? (
              <rect x={cursorColumn} y={0} width={0.15} height={map.rows.length} className="fill-slate-900 dark:fill-white" pointerEvents="none" data-testid="heat-map-crosshair" />
            ) : null}
          </svg>
          <div className="flex justify-between text-[10px] text-slate-500">
            <span>{time(start)}</span>
            <span>{time(end)} {timeZone === "UTC" ? "UTC" : ""}</span>
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
        <span className="flex items-center gap-1">
          0
          <span className="inline-block h-2.5 w-24 rounded" style={{ background: `linear-gradient(to right, ${heatColor(map.max * 0.01, map.max, mode)}, ${heatColor(map.max * 0.25, map.max, mode)}, ${heatColor(map.max, map.max, mode)})` }} />
          {formatCount(Math.round(map.max))} {unit}
        </span>
        <span aria-live="polite" className="tabular-nums">
          {hovered?.row && hovered.column !== undefined
            ? `${hovered.row.label} at ${time(hovered.column)}: ${hovered.row.cells[hover?.column ?? 0] === null ? "no data" : `${formatCount(Math.round(hovered.row.cells[hover?.column ?? 0] ?? 0))} ${unit}`}`
            : partitionHref
              ? "Hover a cell for its value; click a key to open its partition."
              : "Hover a cell for its value."}
        </span>
      </div>
    </div>
  );
}
