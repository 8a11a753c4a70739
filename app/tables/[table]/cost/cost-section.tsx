"use client";

import { useQuery } from "@tanstack/react-query";
import { useScope } from "@/components/layout/scope-context";
import { TermHint } from "@/components/glossary/term-hint";
import { ErrorPanel } from "@/components/ui/error-panel";
import { costErrorText } from "@/lib/cost/cost-error-text";
import { noTrafficText } from "@/lib/cost/cost-labels";
import { costSummary } from "@/lib/cost/cost-summary";
import type { CostResponse } from "@/lib/cost/cost-types";
import { rangeDaysText, type CostRangeChoice } from "@/lib/cost/cost-view-state";
import { costQueries } from "@/lib/queries/cost-queries";
import { CostAlternatives } from "./cost-alternatives";
import { CostBasis, CostNotes } from "./cost-basis";
import { CostControls } from "./cost-controls";
import { FormulaProvider } from "./cost-figure";
import { CostNow, CostVerdict } from "./cost-now";
import { CostTableClass } from "./cost-table-class";
import { useCostViewState } from "./use-cost-view-state";

function Reading({ table, range }: { table: string; range: CostRangeChoice }) {
  return (
    <div aria-busy="true" className="space-y-2" data-testid="cost-loading">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Reading the last {rangeDaysText(range)} of one-minute CloudWatch data for {table} and its indexes, then pricing it under each capacity mode. This can take a
        few seconds.
      </p>
      <div className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

function CostBody({ cost, showFormulas }: { cost: CostResponse; showFormulas: boolean }) {
  const summary = costSummary(cost);
  const idle = noTrafficText(cost);
  return (
    <FormulaProvider showAll={showFormulas} pricesDate={cost.prices.date}>
      <CostNotes notes={cost.notes} />
      {idle ? (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200" data-testid="cost-no-traffic">
          {idle}
        </p>
      ) : null}
      {/* An idle provisioned table still pays for its capacity, so the verdict (switch to on-demand) stays useful. */}
      {!idle || summary.switchTo ? <CostVerdict cost={cost} summary={summary} /> : null}
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <CostNow cost={cost} />
        <CostTableClass cost={cost} />
      </div>
      <CostAlternatives cost={cost} summary={summary} />
      <CostBasis cost={cost} />
    </FormulaProvider>
  );
}

/**
 * What the table costs a month and what the same traffic would cost under each capacity mode (issue 16), from
 * GET /api/tables/:table/cost. If it fails (no prices for the region, CloudWatch down) the section says why and the
 * rest of the page works.
 */
export function CostSection({ table }: { table: string }) {
  const scope = useScope();
  const state = useCostViewState();
  const query = useQuery(costQueries.table(scope, table, state.range));
  const updating = query.isFetching && (query.isPlaceholderData || query.data === undefined);
  const error = query.isError ? costErrorText(query.error) : null;
  return (
    <section aria-labelledby="cost-heading" className="space-y-3" data-testid="cost-section" data-range={state.range}>
      <h2 id="cost-heading" className="flex items-center gap-2 text-lg font-semibold">
        Cost
        <TermHint term="capacity-mode-cost" label="What this section shows">
          What this table costs a month in its current capacity mode, and what the same traffic would have cost on-demand, provisioned at its peak, with auto
          scaling, or with reserved capacity, including any requests each option would have turned away. Every dollar figure shows its formula.
        </TermHint>
      </h2>
      <CostControls state={state} updating={updating} />
      {query.isPending ? <Reading table={table} range={state.range} /> : null}
      {error ? (
        <div data-testid="cost-error">
          <ErrorPanel title={error.title} message={error.message} onRetry={error.retry ? () => void query.refetch() : undefined} />
        </div>
      ) : null}
      {query.data ? (
        <div aria-busy={updating} className={`space-y-4 transition-opacity ${updating ? "opacity-60" : ""}`}>
          <CostBody cost={query.data} showFormulas={state.showFormulas} />
        </div>
      ) : null}
    </section>
  );
}
