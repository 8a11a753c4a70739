"use client";

import { TermHint } from "@/components/glossary/term-hint";
import { Hint } from "@/components/ui/hint";
import { fleetCardCostText, fleetCostCell, fleetSavingsCell, type FleetCostCell } from "@/lib/fleet/fleet-cost-text";
import { ariaSort, FLEET_SORT_KEYS, FLEET_SORT_NAMES, fleetSortParam, nextFleetSort, parseFleetSort, sortActionText, type FleetSort, type FleetSortKey } from "@/lib/fleet/fleet-sort";
import type { FleetTableRow } from "@/lib/fleet/fleet-types";

/** /fleet's cost columns (issue 16): the month's cost and the potential saving, sortable, with a phone card line. */

const rowId = (row: FleetTableRow) => `${row.account}-${row.region}-${row.name}`;

const TONES: Record<FleetCostCell["tone"], string> = {
  value: "tabular-nums",
  saving: "font-medium tabular-nums text-emerald-700 dark:text-emerald-400",
  muted: "text-slate-400",
  error: "text-rose-700 dark:text-rose-400",
};

/** An error's reason is too long for the cell: "n/a" plus a "?" that shows it on hover, focus or tap. */
function CellText({ cell }: { cell: FleetCostCell }) {
  return (
    <>
      <span className={`inline-flex items-center gap-1 ${TONES[cell.tone]}`} title={cell.title}>
        {cell.text}
        {cell.tone === "error" ? <Hint label="Why there is no figure">{cell.title}</Hint> : <span className="sr-only">. {cell.title}</span>}
      </span>
      {cell.detail ? <div className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">{cell.detail}</div> : null}
    </>
  );
}

export function FleetCostCells({ row, className }: { row: FleetTableRow; className: string }) {
  const id = rowId(row);
  const cost = fleetCostCell(row.cost);
  const savings = fleetSavingsCell(row.cost);
  return (
    <>
      <td className={`${className} text-sm whitespace-nowrap`} data-testid={`fleet-cost-${id}`} data-state={cost.tone}>
        <CellText cell={cost} />
      </td>
      <td className={`${className} text-sm`} data-testid={`fleet-savings-${id}`} data-state={savings.tone} data-switch-to={row.cost?.ok ? (row.cost.switchTo ?? "none") : "none"}>
        <CellText cell={savings} />
      </td>
    </>
  );
}

/** A header that sorts: a real button (Tab, Enter, Space), aria-sort on the header cell, and what a click will do. */
export function SortHeader({ sortKey, label, sort, onSort, className }: { sortKey: FleetSortKey; label: string; sort: FleetSort; onSort: (next: FleetSort) => void; className: string }) {
  const state = ariaSort(sort, sortKey);
  const action = sortActionText(sort, sortKey);
  return (
    <th className={className} aria-sort={state}>
      <span className="inline-flex items-center gap-1">
        <button
          type="button"
          onClick={() => onSort(nextFleetSort(sort, sortKey))}
          title={action}
          data-testid={`fleet-sort-${sortKey}`}
          className="inline-flex items-center gap-1 rounded-sm tracking-wide uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-slate-100"
        >
          {label}
          <span aria-hidden className={state === "none" ? "opacity-40" : ""}>
            {state === "descending" ? "▼" : state === "ascending" ? "▲" : "↕"}
          </span>
          <span className="sr-only">: {action}</span>
        </button>
        {sortKey === "savings" ? (
          <TermHint term="capacity-mode-cost" label="What the potential saving is">
            What the cheapest other capacity mode would save a month, where it is at least 10% cheaper and turns away no more requests than now. A dash: the
            current mode is fine.
          </TermHint>
        ) : null}
      </span>
    </th>
  );
}

/** On a phone the table's headers are hidden, so the order is a select. */
export function FleetSortSelect({ sort, onSort }: { sort: FleetSort; onSort: (next: FleetSort) => void }) {
  const options = [
    { value: "", label: "trouble first" },
    ...FLEET_SORT_KEYS.flatMap((key) => [
      { value: key, label: `${FLEET_SORT_NAMES[key]}, highest first` },
      { value: `${key}-asc`, label: `${FLEET_SORT_NAMES[key]}, lowest first` },
    ]),
  ];
  return (
    <label className="inline-flex items-center gap-1 text-sm text-slate-600 md:hidden dark:text-slate-400">
      Order
      <select
        aria-label="Order the tables by"
        value={fleetSortParam(sort)}
        onChange={(event) => onSort(parseFleetSort(event.target.value || null))}
        data-testid="fleet-sort-select"
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FleetCardCost({ row }: { row: FleetTableRow }) {
  const text = fleetCardCostText(row.cost);
  if (text === null) return null;
  const tone = row.cost?.ok === false ? "text-rose-700 dark:text-rose-400" : row.cost?.ok && row.cost.switchTo ? "text-emerald-700 dark:text-emerald-400" : "text-slate-600 dark:text-slate-400";
  return (
    <p className={`mt-1 text-xs break-words ${tone}`} data-testid={`fleet-card-cost-${rowId(row)}`}>
      {text}
    </p>
  );
}
