"use client";

import { TermHint } from "@/components/glossary/term-hint";
import { Badge } from "@/components/ui/status-badge";
import { costBreakdown, pricesAsOf, TABLE_CLASS_LABELS } from "@/lib/cost/cost-labels";
import type { CostLine, CostResponse, TableClass } from "@/lib/cost/cost-types";
import { CostFigure } from "./cost-figure";

/**
 * The response gives the two classes' totals without their own formula lines. The current class's total is the cost
 * now (the engine prices both from the same throughput and storage), so it shows that formula; the other class's
 * figure points at the break-even, which spells out the difference.
 */
function classLine(cost: CostResponse, tableClass: TableClass, usd: number): CostLine {
  const month = costBreakdown(cost.current.lines).month;
  if (tableClass === cost.tableClass.current && month && Math.abs(month.usd - usd) < 0.005) return { usd, formula: month.formula };
  return {
    usd,
    formula: `The same throughput and storage at ${cost.prices.region} ${TABLE_CLASS_LABELS[tableClass]} prices; the break-even below shows the difference from the cost now, term by term.`,
  };
}

export function CostTableClass({ cost }: { cost: CostResponse }) {
  const { tableClass } = cost;
  const rows: Array<[TableClass, number | null]> = [
    ["STANDARD", tableClass.standardMonthlyUsd],
    ["STANDARD_INFREQUENT_ACCESS", tableClass.standardIaMonthlyUsd],
  ];
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="cost-table-class" data-current={tableClass.current}>
      <h3 className="flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Table class
        <TermHint term="table-class" label="What the table class is" />
      </h3>
      <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
        {rows.map(([name, usd]) => (
          <div key={name} className="contents" data-testid={`cost-class-${name}`}>
            <dt className="flex flex-wrap items-center gap-1 text-slate-600 dark:text-slate-400">
              {TABLE_CLASS_LABELS[name]}
              {name === tableClass.current ? <Badge tone="neutral">current</Badge> : null}
            </dt>
            <dd>
              {usd === null ? (
                <span className="text-xs text-slate-500">no prices for this class</span>
              ) : (
                <>
                  <CostFigure line={classLine(cost, name, usd)} />
                  <span className="ml-1 text-xs text-slate-500">a month</span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-xs text-slate-500">Same capacity mode, traffic and storage; {pricesAsOf(cost.prices.date)}.</p>
      {tableClass.breakEvenNote ? (
        <p className="mt-2 text-xs break-words text-slate-700 dark:text-slate-300" data-testid="cost-break-even">
          {tableClass.breakEvenNote}
        </p>
      ) : null}
    </div>
  );
}
