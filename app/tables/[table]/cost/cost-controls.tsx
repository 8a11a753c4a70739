"use client";

import { COST_RANGE_CHOICES } from "@/lib/cost/cost-range";
import { rangeDaysText } from "@/lib/cost/cost-view-state";
import type { CostViewState } from "./use-cost-view-state";

/** The window to price (1, 7 or 14 days, in the URL) and the switch that prints every figure's formula. */
export function CostControls({ state, updating }: { state: CostViewState; updating: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <div role="group" aria-label="Window to price" className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        {COST_RANGE_CHOICES.map((range) => {
          const active = state.range === range;
          return (
            <button
              key={range}
              type="button"
              aria-pressed={active}
              aria-label={`Last ${rangeDaysText(range)}`}
              data-testid={`cost-range-${range}`}
              onClick={() => state.setRange(range)}
              className={`px-2.5 py-1 tabular-nums ${active ? "bg-sky-700 text-white" : "bg-white hover:bg-slate-50 dark:bg-slate-900 dark:hover:bg-slate-800"}`}
            >
              {range}
            </button>
          );
        })}
      </div>
      <button
        type="button"
        aria-pressed={state.showFormulas}
        onClick={() => state.setShowFormulas(!state.showFormulas)}
        data-testid="cost-show-formulas"
        className={`rounded-md border px-2.5 py-1 ${
          state.showFormulas
            ? "border-slate-800 bg-slate-800 text-white dark:border-slate-200 dark:bg-slate-200 dark:text-slate-900"
            : "border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        }`}
      >
        {state.showFormulas ? "Hide formulas" : "Show formulas"}
      </button>
      <span className="text-xs text-slate-500" aria-live="polite">
        {updating ? `Reading the last ${rangeDaysText(state.range)}…` : "Click or hover any $ figure for its formula"}
      </span>
    </div>
  );
}
