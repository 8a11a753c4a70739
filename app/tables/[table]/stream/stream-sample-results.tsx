import { KeyHeatMap } from "@/components/charts/key-heat-map";
import { TermHint } from "@/components/glossary/term-hint";
import { DEFAULT_VIEW_STATE, viewStateToParams } from "@/lib/items/items-view-state";
import { formatCount } from "@/lib/format/format-count";
import { STREAM_EVENT_NAMES, type StreamSampleResult } from "@/lib/streams/stream-types";
import { formatRate, heatContributors, sampleHeadline } from "@/lib/streams/stream-sample-view";
import { ReadCost } from "./read-cost";
import { StreamKeyTable } from "./stream-key-table";

type Props = { table: string; result: StreamSampleResult; linkKeys: boolean; timeZone: "UTC" | "local"; clock: (ms: number) => string };

/** Write traffic per key, labelled as writes (reads never reach a stream) and its write units as an estimate. */
export function StreamSampleResults({ table, result, linkKeys, timeZone, clock }: Props) {
  const partitionHref = linkKeys ? (key: string) => `/tables/${encodeURIComponent(table)}/items?${viewStateToParams({ ...DEFAULT_VIEW_STATE, pk: key }).toString()}` : null;
  return (
    <div className="space-y-3" data-testid="stream-sample-results">
      <div className="space-y-1 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
        <p data-testid="stream-sample-headline">
          <span className="font-semibold">Write traffic</span> {sampleHeadline(result)}
        </p>
        <p data-testid="stream-sample-units">
          <span className="font-medium">≈ {formatRate(result.writeUnitsPerSecond)} write units/s (estimated)</span> <TermHint term="wcu" label="What write units are" />{" "}
          <span className="text-slate-600 dark:text-slate-400">
            {formatCount(Math.round(result.writeUnits))} in all. {result.writeUnitEstimate.note}
          </span>
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {STREAM_EVENT_NAMES.map((name) => `${formatCount(result.events[name])} ${name}`).join(" · ")} · {result.distinctPartitions.approximate ? "about " : ""}{formatCount(result.distinctPartitions.value)} partition keys{result.distinctPartitions.approximate ? " (estimated)" : ""} · stream view type {result.stream.viewType}
        </p>
      </div>
      <div className="grid gap-3">
        <StreamKeyTable title="Partition keys with the most writes" rows={result.topPartitions} table={table} partitionKey={result.partitionKey} sortKey={null} linkKeys={linkKeys} partitionLimit={result.partitionWriteUnitsPerSecond} testId="stream-top-partitions" />
        {result.topItems ? (
          <StreamKeyTable title="Items (partition and sort key) with the most writes" rows={result.topItems} table={table} partitionKey={result.partitionKey} sortKey={result.sortKey} linkKeys={linkKeys} partitionLimit={result.partitionWriteUnitsPerSecond} testId="stream-top-items" />
        ) : null}
      </div>
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="stream-heat">
        <h3 className="flex items-center gap-1.5 text-sm font-medium">
          Stream-sampled writes, {clock(result.heat.start)} to {clock(result.heat.end)}
          {timeZone === "UTC" ? " UTC" : ""}
          <TermHint term="hot-key" label="How to read this heat map">
            Each row is one of the keys that took the most writes, each column {result.heat.periodSeconds === 1 ? "a second" : `${result.heat.periodSeconds} seconds`} of the sample; the darker the cell, the more estimated write units that key took. One dark row while the others stay pale is a hot key. {result.peakMethod}
          </TermHint>
        </h3>
        <KeyHeatMap contributors={heatContributors(result.heat)} start={result.heat.start} end={result.heat.end} period={result.heat.periodSeconds} mode="accessed" timeZone={timeZone} partitionHref={partitionHref} unit="est. write units/s" />
      </section>
      <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <ReadCost stats={result.reads} title="What the sample cost the stream" testId="sample-read-cost" />
      </div>
      {result.warnings.length > 0 ? (
        <ul className="list-disc space-y-1 rounded-md border border-amber-300 bg-amber-50 py-2 pr-3 pl-8 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="stream-sample-warnings">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600 dark:text-slate-400">
        {[...result.notes, result.peakMethod, result.counting.mode === "summary" ? `Counting summarised ${formatCount(result.counting.counters)} keys (Space-Saving): rates of the keys listed may be overstated by the amount shown on hover.` : null]
          .filter((note): note is string => note !== null)
          .map((note) => (
            <li key={note}>{note}</li>
          ))}
      </ul>
    </div>
  );
}
