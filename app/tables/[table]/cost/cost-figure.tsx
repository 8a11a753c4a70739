"use client";

import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { formulaTitle, pricesAsOf } from "@/lib/cost/cost-labels";
import { formatUsd } from "@/lib/cost/cost-numbers";
import type { CostLine } from "@/lib/cost/cost-types";

type FormulaSettings = { showAll: boolean; pricesDate: string };

const FormulaContext = createContext<FormulaSettings>({ showAll: false, pricesDate: "" });

/** Whether every figure prints its formula ("Show formulas"), and the prices' date each formula names. */
export function FormulaProvider({ showAll, pricesDate, children }: FormulaSettings & { children: ReactNode }) {
  return <FormulaContext.Provider value={{ showAll, pricesDate }}>{children}</FormulaContext.Provider>;
}

const SIZES = { lg: "text-2xl font-semibold", md: "text-sm font-medium", sm: "text-xs" } as const;

/**
 * A dollar figure that shows how it was worked out: its formula on hover (title), and, because a title reaches
 * neither touch nor keyboard users, a button that prints the formula under the figure. "Show formulas" prints them all.
 */
export function CostFigure({ line, size = "md", testId }: { line: CostLine; size?: keyof typeof SIZES; testId?: string }) {
  const { showAll, pricesDate } = useContext(FormulaContext);
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = showAll || open;
  return (
    // relative: the button's screen-reader text is absolutely placed; anchored here, it stays inside any scrolling box
    // the figure sits in, instead of widening the page (it pushed a phone 127 px sideways from the alternatives table).
    <span className="relative inline-flex max-w-full min-w-0 flex-col items-start align-top">
      <button
        type="button"
        title={formulaTitle(line, pricesDate)}
        aria-expanded={shown}
        aria-controls={shown ? id : undefined}
        onClick={() => setOpen((value) => !value)}
        data-testid={testId}
        data-usd={line.usd}
        className={`${SIZES[size]} cursor-help rounded-sm tabular-nums underline decoration-slate-400 decoration-dotted underline-offset-4 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-sky-600`}
      >
        {formatUsd(line.usd)}
        <span className="sr-only">{shown ? " (hide its formula)" : " (show its formula)"}</span>
      </button>
      {shown ? <FormulaText id={id} formula={line.formula} pricesDate={pricesDate} /> : null}
    </span>
  );
}

export function FormulaText({ id, formula, pricesDate }: { id?: string; formula: string; pricesDate: string }) {
  return (
    <span id={id} data-testid="cost-formula" className="mt-0.5 block max-w-prose text-left text-xs font-normal break-words whitespace-normal text-slate-600 dark:text-slate-400">
      {formula}
      {pricesDate ? <span className="text-slate-500"> · {pricesAsOf(pricesDate)}</span> : null}
    </span>
  );
}
