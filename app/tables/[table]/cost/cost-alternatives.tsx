"use client";

import { TermHint } from "@/components/glossary/term-hint";
import { Badge, type Tone } from "@/components/ui/status-badge";
import { alternativeStatus, costBreakdown, lineOr, MODE_LABELS, pricesAsOf, throttledText, type AlternativeStatus } from "@/lib/cost/cost-labels";
import { formatUnits } from "@/lib/cost/cost-numbers";
import type { CostSummary } from "@/lib/cost/cost-summary";
import type { Alternative, CostResponse } from "@/lib/cost/cost-types";
import { resourceLabel } from "@/lib/cost/table-cost-input";
import { CostFigure } from "./cost-figure";

const STATUS_TONES: Record<AlternativeStatus["kind"], Tone> = {
  recommended: "good",
  "would-throttle": "bad",
  "same-as-now": "neutral",
  cheaper: "neutral",
  "not-cheaper": "neutral",
};

const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400";
// Below sm the table is a stack of cards: every row and cell a block, each figure with its column's name in front.
const td = "block px-3 py-1 align-top sm:table-cell sm:py-2";

/** The column's name, shown only where the header row is hidden (phones). */
const CellLabel = ({ children }: { children: string }) => <span className="mr-1 text-xs font-semibold tracking-wide text-slate-500 uppercase sm:hidden">{children}</span>;

/** "table 1,000 RCU · 1 WCU; GSI ByCustomer 20 RCU · 5 WCU": what provisioned-at-peak would set, to act on. */
function FixedCapacity({ option }: { option: Alternative }) {
  if (!option.fixedCapacity || option.fixedCapacity.length === 0) return null;
  return (
    <p className="text-xs" data-testid="cost-fixed-capacity">
      <span className="font-medium">Fixed at: </span>
      {option.fixedCapacity.map((resource) => `${resourceLabel(resource.index)} ${formatUnits(resource.read)} RCU · ${formatUnits(resource.write)} WCU`).join("; ")}
    </p>
  );
}

function AlternativeRows({ cost, option, summary }: { cost: CostResponse; option: Alternative; summary: CostSummary }) {
  const status = alternativeStatus(cost, option, summary);
  const parts = costBreakdown(option.lines);
  const recommended = status.kind === "recommended";
  const rowTone = recommended ? "bg-emerald-50/60 dark:bg-emerald-950/40" : status.kind === "would-throttle" ? "bg-rose-50/40 dark:bg-rose-950/20" : "";
  return (
    <tbody
      className={`block border-t border-slate-200 sm:table-row-group dark:border-slate-800 ${rowTone}`}
      data-testid={`cost-alternative-${option.mode}`}
      data-status={status.kind}
      data-recommended={recommended ? "true" : "false"}
    >
      <tr className="block sm:table-row">
        <th scope="row" className={`${td} pt-2 text-left font-medium`}>
          <span className="block whitespace-nowrap">{MODE_LABELS[option.mode]}</span>
          <span className="mt-1 inline-block" data-testid="cost-alternative-status">
            <Badge tone={STATUS_TONES[status.kind]}>{recommended ? `★ ${status.text}` : status.text}</Badge>
          </span>
        </th>
        <td className={td}>
          <CellLabel>A month</CellLabel>
          <CostFigure line={lineOr(parts.month, option.monthlyUsd, "The month's total as the server gave it.")} testId="cost-alternative-month" />
        </td>
        <td className={td}>
          <CellLabel>Throughput</CellLabel>
          <CostFigure line={lineOr(parts.throughput, option.throughputMonthlyUsd, "Throughput as the server gave it.")} size="sm" />
        </td>
        <td className={td}>
          <CellLabel>Storage</CellLabel>
          <CostFigure line={lineOr(parts.storage, option.storageMonthlyUsd, "Storage as the server gave it.")} size="sm" />
        </td>
        <td className={`${td} text-xs ${option.throttledRequests > cost.current.throttledRequests ? "font-semibold text-rose-700 dark:text-rose-400" : ""}`} data-testid="cost-alternative-throttled">
          <CellLabel>Would have throttled</CellLabel>
          {throttledText(option.throttledRequests)}
        </td>
      </tr>
      <tr className="block sm:table-row">
        <td colSpan={5} className="block px-3 pb-3 text-xs sm:table-cell text-slate-600 dark:text-slate-400">
          {parts.throughputParts.length > 0 ? (
            <p className="flex flex-wrap items-start gap-x-3 gap-y-1">
              {parts.throughputParts.map((line, at) => (
                <span key={at} className="inline-flex max-w-full items-start gap-1">
                  <span>{line.label || "part"}</span>
                  <CostFigure line={line} size="sm" />
                </span>
              ))}
            </p>
          ) : null}
          <FixedCapacity option={option} />
          <ul className="mt-1 list-disc space-y-0.5 pl-4" data-testid="cost-alternative-notes">
            {option.notes.map((note, at) => (
              <li key={at}>{note}</li>
            ))}
          </ul>
        </td>
      </tr>
    </tbody>
  );
}

/**
 * The same traffic under each capacity mode. The recommended row is costSummary's (bestAlternative at 10% or more,
 * never one that throttles more than now); a cheaper row that would throttle says so in red.
 */
export function CostAlternatives({ cost, summary }: { cost: CostResponse; summary: CostSummary }) {
  return (
    <div className="space-y-2" data-testid="cost-alternatives">
      <h3 className="flex items-center gap-2 text-base font-semibold">
        The same traffic under each capacity mode
        <TermHint term="reserved-capacity" label="What reserved capacity is" />
      </h3>
      <p className="text-xs text-slate-500">
        USD a month, {pricesAsOf(cost.prices.date)}. &ldquo;Would have throttled&rdquo; counts request units above the option&apos;s capacity, minute by minute over the window, compared with{" "}
        {throttledText(cost.current.throttledRequests)} now.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="block w-full text-sm sm:table sm:min-w-[40rem]">
          <thead className="hidden bg-slate-50 sm:table-header-group dark:bg-slate-950">
            <tr>
              <th scope="col" className={th}>Option</th>
              <th scope="col" className={th}>A month</th>
              <th scope="col" className={th}>Throughput</th>
              <th scope="col" className={th}>Storage</th>
              <th scope="col" className={th}>Would have throttled</th>
            </tr>
          </thead>
          {cost.alternatives.map((option) => (
            <AlternativeRows key={option.mode} cost={cost} option={option} summary={summary} />
          ))}
        </table>
      </div>
    </div>
  );
}
