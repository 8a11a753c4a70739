"use client";

import { useState, type FormEvent } from "react";
import { FILTER_OPERATORS, filterNeedsValue, type FilterOperator } from "@/lib/dynamo/filter-expression";
import type { ItemsViewState } from "@/lib/items/items-view-state";

/** An optional attribute filter. It narrows what is shown, never what is read or charged, and says so. */
export function FilterForm({ state, update }: { state: ItemsViewState; update: (patch: Partial<ItemsViewState>) => void }) {
  const [open, setOpen] = useState(Boolean(state.filterOp));
  const [attribute, setAttribute] = useState(state.filterAttr);
  const [op, setOp] = useState<FilterOperator>(state.filterOp ?? "=");
  const [value, setValue] = useState(state.filterValue);
  const [type, setType] = useState(state.filterType);
  const active = Boolean(state.filterAttr && state.filterOp);
  const input = "min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!attribute) return;
    update({ filterAttr: attribute, filterOp: op, filterValue: value, filterType: type, item: null });
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="text-sm font-medium text-sky-700 hover:underline dark:text-sky-400">
        + Filter by attribute
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-2 rounded-md border border-amber-200 bg-amber-50/60 p-2 text-sm dark:border-amber-900 dark:bg-amber-950/40" aria-label="Attribute filter">
      <p className="text-xs text-amber-900 dark:text-amber-200">
        A filter saves no capacity: DynamoDB reads and charges for every item, then drops those that do not match.
        Pages keep reading until they are full or the scan budget is spent.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input value={attribute} onChange={(event) => setAttribute(event.target.value)} placeholder="attribute" aria-label="Filter attribute" className={`${input} w-36 font-mono`} />
        <select value={op} onChange={(event) => setOp(event.target.value as FilterOperator)} aria-label="Filter operator" className={input}>
          {FILTER_OPERATORS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {candidate.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        {filterNeedsValue(op) ? (
          <>
            <input value={value} onChange={(event) => setValue(event.target.value)} placeholder="value" aria-label="Filter value" className={`${input} w-36 font-mono`} />
            <select value={type} onChange={(event) => setType(event.target.value as "S" | "N" | "BOOL")} aria-label="Filter value type" className={input}>
              <option value="S">string</option>
              <option value="N">number</option>
              <option value="BOOL">boolean</option>
            </select>
          </>
        ) : null}
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800">
          Filter
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            if (active) update({ filterAttr: "", filterOp: null, filterValue: "", item: null });
          }}
          className="rounded-md border border-slate-300 px-3 py-1 hover:bg-white dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {active ? "Clear" : "Cancel"}
        </button>
      </div>
    </form>
  );
}
