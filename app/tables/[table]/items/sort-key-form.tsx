"use client";

import { useState, type FormEvent } from "react";
import { SORT_KEY_OPERATORS, type SortKeyOperator } from "@/lib/dynamo/key-condition";
import type { ItemsViewState } from "@/lib/items/items-view-state";
import type { KeyAttribute } from "@/lib/tables/table-detail";

const LABELS: Record<SortKeyOperator, string> = { "=": "=", "<": "<", "<=": "≤", ">": ">", ">=": "≥", between: "between", begins_with: "begins with" };

/** The sort-key condition, order and page size. Applied on submit, so typing does not fire a Query per keystroke. */
export function SortKeyForm({ sortKey, state, update }: { sortKey: KeyAttribute | null; state: ItemsViewState; update: (patch: Partial<ItemsViewState>) => void }) {
  const [op, setOp] = useState<SortKeyOperator | "">(state.skOp ?? "");
  const [value, setValue] = useState(state.sk);
  const [value2, setValue2] = useState(state.sk2);
  const operators = SORT_KEY_OPERATORS.filter((candidate) => candidate !== "begins_with" || sortKey?.type !== "N");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update(op ? { skOp: op, sk: value, sk2: value2, item: null } : { skOp: null, sk: "", sk2: "", item: null });
  };
  const input = "min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950";

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2 text-sm" aria-label="Sort key condition">
      {sortKey ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-slate-600 dark:text-slate-400">
              <span className="font-mono">{sortKey.name}</span> ({sortKey.type})
            </span>
            <select value={op} onChange={(event) => setOp(event.target.value as SortKeyOperator | "")} className={input} aria-label="Sort key operator">
              <option value="">any</option>
              {operators.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {LABELS[candidate]}
                </option>
              ))}
            </select>
          </label>
          {op ? <input value={value} onChange={(event) => setValue(event.target.value)} aria-label="Sort key value" placeholder="value" className={`${input} w-40`} /> : null}
          {op === "between" ? (
            <>
              <span className="pb-1.5 text-xs text-slate-500">and</span>
              <input value={value2} onChange={(event) => setValue2(event.target.value)} aria-label="Second sort key value" placeholder="value" className={`${input} w-40`} />
            </>
          ) : null}
        </>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600 dark:text-slate-400">Order</span>
        <select value={state.order} onChange={(event) => update({ order: event.target.value === "desc" ? "desc" : "asc", item: null })} className={input} aria-label="Order">
          <option value="asc">ascending</option>
          <option value="desc">descending</option>
        </select>
      </label>
      {sortKey ? (
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800">
          Apply
        </button>
      ) : null}
    </form>
  );
}
