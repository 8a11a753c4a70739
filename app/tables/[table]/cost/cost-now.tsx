"use client";

import { TermHint } from "@/components/glossary/term-hint";
import { costBreakdown, CURRENT_MODE_LABELS, lineOr, pricesAsOf, savingLine, TABLE_CLASS_LABELS, throttledText, windowText, type LabelledLine } from "@/lib/cost/cost-labels";
import { formatGb } from "@/lib/cost/cost-numbers";
import type { CostSummary } from "@/lib/cost/cost-summary";
import type { CostResponse } from "@/lib/cost/cost-types";
import { capacityModeVerdicts } from "@/lib/diagnosis/cost-rules";
import { CostFigure } from "./cost-figure";

const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900";

/** The verdict the table's diagnosis gives (same words, same costSummary), with the saving's subtraction. */
export function CostVerdict({ cost, summary }: { cost: CostResponse; summary: CostSummary }) {
  const verdict = capacityModeVerdicts(cost)[0];
  const saving = savingLine(cost, summary);
  if (!verdict) return null;
  const tone = summary.switchTo
    ? "border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100"
    : "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200";
  return (
    <div className={`rounded-md border px-3 py-2 text-sm ${tone}`} data-testid="cost-verdict" data-switch-to={summary.switchTo ?? "none"}>
      <p className="font-medium">{verdict.title}</p>
      {saving ? (
        <p className="mt-1 text-xs">
          Saving a month: <CostFigure line={saving} size="sm" testId="cost-saving" />
        </p>
      ) : null}
      <p className="mt-1 text-xs opacity-80">{verdict.suggestion}</p>
    </div>
  );
}

function Part({ line, testId }: { line: LabelledLine; testId: string }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-3 gap-y-0.5" data-testid={testId} data-label={line.label}>
      <span className="min-w-0 break-words text-slate-600 dark:text-slate-400">{line.label || "part"}</span>
      <CostFigure line={line} size="sm" />
    </li>
  );
}

/** The cost now: the month's total, its throughput and storage, and each resource's share (table, each GSI). */
export function CostNow({ cost }: { cost: CostResponse }) {
  const { current, prices } = cost;
  const parts = costBreakdown(current.lines);
  const month = lineOr(parts.month, current.monthlyUsd, "The month's total as the server gave it (no formula line was sent).");
  const throughputUsd = parts.throughput?.usd ?? 0;
  return (
    <div className={card} data-testid="cost-current" data-mode={current.mode}>
      <h3 className="flex flex-wrap items-center gap-x-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Cost now · {CURRENT_MODE_LABELS[current.mode]} · {TABLE_CLASS_LABELS[prices.tableClass]}
        <TermHint term="capacity-mode-cost" label="How on-demand and provisioned capacity are billed" />
      </h3>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-2">
        <CostFigure line={month} size="lg" testId="cost-current-month" />
        <span className="text-sm text-slate-600 dark:text-slate-400">per month</span>
      </p>
      <p className="mt-1 text-xs text-slate-500">
        A 30-day month extrapolated from {windowText(cost.window)}, {pricesAsOf(prices.date)}.
      </p>
      <dl className="mt-3 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-500">Throughput</dt>
        <dd>
          <CostFigure line={lineOr(parts.throughput, throughputUsd, "Throughput as the server gave it.")} testId="cost-current-throughput" />
          <span className="ml-1 text-xs text-slate-500">{current.mode === "on-demand" ? "request units used" : "capacity-hours held"}</span>
        </dd>
        <dt className="text-slate-500">Storage</dt>
        <dd>
          <CostFigure line={lineOr(parts.storage, current.monthlyUsd - throughputUsd, "Storage as the server gave it.")} testId="cost-current-storage" />
          <span className="ml-1 text-xs text-slate-500">≈ {formatGb(cost.storage.gb)} GB</span>
        </dd>
        <dt className="text-slate-500">Over capacity now</dt>
        <dd className="text-sm" data-testid="cost-current-throttled">
          {throttledText(current.throttledRequests)}
          {current.throttledRequests > 0 ? (
            // Consumed units above the capacity were served from burst capacity; any demand beyond them was throttled and is not in CloudWatch's sums.
            <span className="text-xs text-slate-500"> above its capacity, minute by minute over the window: served from burst capacity, or throttled</span>
          ) : null}
        </dd>
      </dl>
      {parts.throughputParts.length > 0 || parts.storageParts.length > 0 ? (
        <div className="mt-3 border-t border-slate-100 pt-3 dark:border-slate-800">
          <h4 className="text-xs font-semibold text-slate-500">By resource (a month)</h4>
          <ul className="mt-1 space-y-1 text-xs" data-testid="cost-current-parts">
            {parts.throughputParts.map((line, at) => (
              <Part key={`t-${at}`} line={line} testId="cost-current-part" />
            ))}
            {parts.storageParts.map((line, at) => (
              <Part key={`s-${at}`} line={line} testId="cost-current-storage-part" />
            ))}
          </ul>
          {parts.storageParts.length > 0 ? <p className="mt-1 text-xs text-slate-500">Each resource&apos;s storage is part of the storage above.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
