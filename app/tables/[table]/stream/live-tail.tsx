"use client";

import { useCallback, useState } from "react";
import type { KeyAttributes } from "@/components/items/attribute-labels";
import { ErrorPanel } from "@/components/ui/error-panel";
import { formatCount } from "@/lib/format/format-count";
import type { StreamInfo } from "@/lib/streams/stream-types";
import { isUnfiltered, type StreamViewState } from "@/lib/streams/stream-view-state";
import type { StreamViewPatch } from "./use-stream-view-state";
import { tailStatusText } from "@/lib/streams/tail-status-text";
import { TAIL_MAX_ROWS, type TailSnapshot } from "@/lib/streams/tail-rows";
import { NoStream } from "./no-stream";
import { ReadCost } from "./read-cost";
import { StreamEngineersNote } from "./stream-engineers-note";
import { PauseButton, TailFilters } from "./tail-controls";
import { TailRow } from "./tail-row";
import { useStreamTail } from "./use-stream-tail";

type Props = {
  table: string;
  keyAttributes: KeyAttributes;
  view: StreamViewState;
  update: (patch: StreamViewPatch) => void;
  engineer: boolean;
  clock: (ms: number) => string;
};

const STATUS_CLASSES = {
  live: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  stopped: "border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300",
  error: "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200",
} as const;

/** The newest writes to the table as the stream recorded them, newest first, about once a second. */
export function LiveTail({ table, keyAttributes, view, update, engineer, clock }: Props) {
  const [paused, setPaused] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const { query, pause, resume } = useStreamTail({ table, events: view.events, keyPrefix: view.keyPrefix, paused, startOnLoad: engineer });
  const snapshot = query.data;
  const tail = snapshot?.tail ?? null;
  const running = tail?.status === "running";
  const live = !paused && running;

  const toggleRow = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const onToggle = () => {
    if (live) {
      setPaused(true);
      pause();
    } else {
      setPaused(false);
      // Engineers restart a stopped tail; a viewer's Resume only polls again.
      resume(engineer);
    }
  };
  const onFilters = useCallback((patch: StreamViewPatch) => update(patch), [update]);
  // A viewer can pause and unpause their own view, but not start a stopped tail.
  const toggleAllowed = engineer || paused || running;

  if (snapshot?.stream === null) return <NoStream table={table} />;
  const status = paused ? { tone: "stopped" as const, text: "Paused: the rows below are frozen. The tail stops reading a minute after the last page asks for records." } : tailStatusText(tail, clock);

  return (
    <section aria-labelledby="tail-heading" className="space-y-3" data-testid="live-tail">
      <h2 id="tail-heading" className="sr-only">
        Live tail
      </h2>
      {!engineer ? <StreamEngineersNote /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className={`min-w-0 flex-1 rounded-md border px-3 py-1.5 text-sm ${STATUS_CLASSES[status.tone]}`} data-testid="tail-status" data-status={paused ? "paused" : (tail?.status ?? "none")}>
          {status.text}
        </p>
        <PauseButton live={live} onToggle={toggleAllowed ? onToggle : null} />
      </div>
      <TailFilters events={view.events} keyPrefix={view.keyPrefix} onChange={onFilters} />
      {snapshot?.stream && snapshot.stream.status !== "ENABLED" ? <StreamStatusNote stream={snapshot.stream} /> : null}
      {query.isError ? <ErrorPanel title="Could not read the stream" message={query.error.message} onRetry={() => resume(engineer && !paused)} /> : null}
      <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <div aria-hidden className="hidden border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs font-semibold text-slate-600 sm:grid sm:grid-cols-[6.5rem_9rem_minmax(0,1fr)_5rem_1rem] sm:gap-x-3 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
            <span>Read {view.tz === "UTC" ? "(UTC)" : ""}</span>
            <span>Event</span>
            <span>Key</span>
            <span className="text-right">Size</span>
            <span />
          </div>
          {query.isPending ? <div aria-busy="true" className="m-3 h-32 animate-pulse rounded bg-slate-100 dark:bg-slate-800" /> : null}
          {snapshot && snapshot.rows.length === 0 ? <EmptyTail snapshot={snapshot} filtered={!isUnfiltered(view)} engineer={engineer} /> : null}
          {snapshot && snapshot.rows.length > 0 ? (
            <ol aria-label={`Stream records, newest first${paused ? " (paused)" : ""}`} className="max-h-[70vh] overflow-y-auto" data-testid="tail-rows">
              {snapshot.rows.map((record) => (
                <TailRow key={record.id} record={record} keyAttributes={keyAttributes} viewType={snapshot.stream?.viewType ?? "KEYS_ONLY"} expanded={expanded.has(record.id)} onToggle={toggleRow} clock={clock} />
              ))}
            </ol>
          ) : null}
          {snapshot && snapshot.rows.length > 0 ? (
            <p className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500 dark:border-slate-800" data-testid="tail-count">
              {formatCount(snapshot.rows.length)} records shown (the newest {formatCount(TAIL_MAX_ROWS)} are kept here); the tail holds {formatCount(snapshot.buffered)}.
              {snapshot.redacted ? " Values you may not see are redacted." : ""}
            </p>
          ) : null}
        </div>
        <aside className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          {snapshot?.stream ? <StreamFacts stream={snapshot.stream} /> : null}
          {tail ? <ReadCost stats={tail.stats} title="What the tail costs the stream" testId="tail-read-cost" /> : <p className="text-xs text-slate-500">No reads yet.</p>}
        </aside>
      </div>
    </section>
  );
}

function EmptyTail({ snapshot, filtered, engineer }: { snapshot: TailSnapshot; filtered: boolean; engineer: boolean }) {
  const running = snapshot.tail?.status === "running";
  const text = running
    ? `Waiting for writes: nothing${filtered ? " matching these filters" : ""} has been written to the table since the tail started.`
    : engineer
      ? `No records${filtered ? " match these filters" : ""}. Resume to read the stream again.`
      : `No records${filtered ? " match these filters" : ""}, and no tail is reading. An engineer can start one.`;
  return (
    <p className="px-3 py-6 text-center text-sm text-slate-600 dark:text-slate-400" data-testid="tail-empty">
      {text}
    </p>
  );
}

function StreamFacts({ stream }: { stream: StreamInfo }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="stream-facts">
      <dt className="text-slate-500">View type</dt>
      <dd className="font-mono">{stream.viewType}</dd>
      <dt className="text-slate-500">Shards</dt>
      <dd className="tabular-nums">
        {formatCount(stream.shards.open)} open, {formatCount(stream.shards.closed)} closed
      </dd>
      <dt className="text-slate-500">Label</dt>
      <dd className="font-mono break-all">{stream.label}</dd>
    </dl>
  );
}

function StreamStatusNote({ stream }: { stream: StreamInfo }) {
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="stream-status-note">
      {stream.status === "ENABLING"
        ? "The stream is being turned on: writes reach it once it is enabled."
        : `The stream is ${stream.status.toLowerCase()}: no new writes reach it, and what it holds stays readable for 24 hours after it was turned off.`}
    </p>
  );
}
