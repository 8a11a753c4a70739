"use client";

import { pricesAsOf, TABLE_CLASS_LABELS, utcMinute, windowText } from "@/lib/cost/cost-labels";
import { formatFactor, formatGb, formatPrice, formatUnits } from "@/lib/cost/cost-numbers";
import type { CostResponse } from "@/lib/cost/cost-types";
import { windowDays } from "@/lib/cost/cost-view-state";

/** The server's caveats (short history, auto scaling unreadable…): shown before any figure, since they change what the figures mean. */
export function CostNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="cost-notes">
      <p className="font-semibold">Read these figures with care</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {notes.map((note, at) => (
          <li key={at}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/** Everything the figures were computed from, so finance can redo them: window, month factor, units, storage, prices. */
export function CostBasis({ cost }: { cost: CostResponse }) {
  const { prices, window } = cost;
  const measured = window.end - window.start;
  const requestedDays = cost.requestedRangeMs / 86_400_000;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="cost-basis">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">What these figures use</h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1.5 sm:grid-cols-[max-content_minmax(0,1fr)]">
        <Row label="Window measured" testId="cost-window">
          {windowText(window)}
          {measured < cost.requestedRangeMs ? (
            <span className="font-medium text-amber-800 dark:text-amber-300">
              {" "}
              — shorter than the {formatUnits(requestedDays)} day{requestedDays === 1 ? "" : "s"} asked for
            </span>
          ) : null}
        </Row>
        <Row label="Month factor" testId="cost-month-factor">
          × {formatFactor(cost.monthFactor)} (30 days ÷ {formatFactor(windowDays(window))} days measured)
        </Row>
        <Row label="Consumed" testId="cost-consumed">
          {formatUnits(cost.consumed.readUnits)} read units and {formatUnits(cost.consumed.writeUnits)} write units (CloudWatch sums over the window, the table and all its GSIs)
        </Row>
        <Row label="Storage">
          ≈ {formatGb(cost.storage.gb)} GB ({formatUnits(cost.storage.bytes)} bytes; DynamoDB updates table sizes about every six hours)
        </Row>
        <Row label="Prices" testId="cost-prices">
          {prices.region}, {TABLE_CLASS_LABELS[prices.tableClass]}, {pricesAsOf(prices.date)}:
          <ul className="mt-0.5 space-y-0.5 text-xs">
            <li>{formatPrice(prices.onDemandReadPerMillion)} per million read request units (on-demand)</li>
            <li>{formatPrice(prices.onDemandWritePerMillion)} per million write request units (on-demand)</li>
            <li>{formatPrice(prices.rcuHour)} per RCU-hour (provisioned)</li>
            <li>{formatPrice(prices.wcuHour)} per WCU-hour (provisioned)</li>
            <li>{formatPrice(prices.storageGbMonth)} per GB-month of storage</li>
          </ul>
          {prices.derived.length > 0 ? <p className="mt-1 text-xs">Derived rather than quoted: {prices.derived.join("; ")}</p> : null}
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer text-sky-700 dark:text-sky-400">Where the prices come from</summary>
            <p className="mt-1 break-words text-slate-600 dark:text-slate-400" data-testid="cost-prices-source">
              {prices.source}
            </p>
          </details>
        </Row>
        <Row label="Worked out">{utcMinute(cost.generatedAt)}</Row>
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Free tiers (25 GB, 25 RCU and 25 WCU per account and region) are not subtracted: AWS applies them across all of an account&apos;s tables in a region.
      </p>
    </div>
  );
}
