import { KeyLink } from "@/components/items/key-link";
import { TermHint } from "@/components/glossary/term-hint";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatCount } from "@/lib/format/format-count";
import { DEFAULT_VIEW_STATE, viewStateToParams } from "@/lib/items/items-view-state";
import { keyText } from "@/lib/items/value-preview";
import type { KeyEstimate, KeySampleResult, KeySkewEntry } from "@/lib/jobs/job-types";

const share = (value: number | null) => (value === null ? "—" : `${Math.round(value * 1000) / 10}%`);

/** A key's total in the table, said for what it is: exact, confirmed by COUNT, at least, or estimated with its interval. */
function estimateText(estimate: KeyEstimate, measure: "items" | "bytes"): string {
  const value = (n: number) => (measure === "items" ? formatCount(n) : formatBytes(n));
  const point = measure === "items" ? estimate.items : estimate.bytes;
  const low = measure === "items" ? estimate.itemsLow : estimate.bytesLow;
  const high = measure === "items" ? estimate.itemsHigh : estimate.bytesHigh;
  switch (estimate.basis) {
    case "whole":
      return `${value(point)} (whole key read)`;
    case "at-least":
      return `at least ${value(point)}`;
    case "scaled":
      return `≈ ${value(point)} (${value(low)}–${high === null ? "?" : value(high)}, 95%)`;
    case "confirmed":
      if (!estimate.complete) return `at least ${value(low)} (counting stopped)`;
      return measure === "items" || high === null || high === low ? `${value(point)}, confirmed` : `${value(point)}, confirmed (${value(low)}–${value(high)})`;
  }
}

type ListProps = { title: string; entries: KeySkewEntry[]; measure: "items" | "bytes"; table: string; index: string | null; linkKeys: boolean };

/** The sample's top keys: what the sample counted and its share, then (sample mode) the key's total in the table. */
function TopList({ title, entries, measure, table, index, linkKeys }: ListProps) {
  const showEstimates = entries.some((entry) => entry.estimate);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
        {showEstimates ? <span className="font-normal normal-case"> · in the sample, share, and in the {index ? "index" : "table"}</span> : null}
      </h3>
      <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {entries.slice(0, 10).map((entry) => {
          const key = keyText(entry.key);
          return (
            <li key={key} className="flex items-center gap-3 py-1">
              <KeyLink
                href={linkKeys ? `/tables/${encodeURIComponent(table)}/items?${viewStateToParams({ ...DEFAULT_VIEW_STATE, index, pk: key }).toString()}` : null}
                className="min-w-0 flex-1 truncate font-mono text-xs"
              >
                {key}
              </KeyLink>
              <span className="w-24 text-right text-xs tabular-nums">{measure === "items" ? `${formatCount(entry.items)} items` : formatBytes(entry.bytes)}</span>
              <span className="w-14 text-right text-xs text-slate-500 tabular-nums">{share(entry.share)}</span>
              {showEstimates ? (
                <span className="w-44 text-right text-xs text-slate-600 tabular-nums dark:text-slate-400" data-testid="key-estimate">
                  {entry.estimate ? estimateText(entry.estimate, measure) : "—"}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Storage skew, labelled as such, with what it is based on. */
/** `linkKeys`: false when the keys are digests (see KeyLink). */
export function KeySampleResults({ table, result, linkKeys }: { table: string; result: KeySampleResult; linkKeys: boolean }) {
  const { items } = result.concentration;
  return (
    <div className="space-y-3" data-testid="key-sample-results">
      <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
        <span className="font-semibold">Storage skew</span> <TermHint term="key-sample" label="What storage skew is" /> from {result.complete ? "a full scan" : "a sample"} of {formatCount(result.sampleSize)} items: the top key holds {share(items.top1Share)} of them, the top 10 keys {share(items.top10Share)}; Gini {items.gini === null ? "—" : items.gini.toFixed(2)}; about {formatCount(result.distinctKeys.value)} distinct keys{result.distinctKeys.approximate ? " (estimated)" : ""}; coverage {share(result.coverage.fraction)} of the {result.coverage.of} (approximate).
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        <TopList title="Most items" entries={result.topByItems} measure="items" table={table} index={result.index} linkKeys={linkKeys} />
        <TopList title="Most bytes" entries={result.topByBytes} measure="bytes" table={table} index={result.index} linkKeys={linkKeys} />
      </div>
      {result.confirmation && result.confirmation.keys.length > 0 ? (
        <TopList
          title={`Counted exactly after the sample (${formatCount(result.confirmation.queries)} COUNT queries, ${Math.round(result.confirmation.rcuUsed * 10) / 10} RCU)`}
          entries={result.confirmation.keys}
          measure="items"
          table={table}
          index={result.index}
          linkKeys={linkKeys}
        />
      ) : null}
      <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600 dark:text-slate-400">
        {[...result.notes, ...result.warnings].map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
