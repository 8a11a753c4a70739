"use client";

import { useScope } from "@/components/layout/scope-context";
import { useInfiniteQuery } from "@tanstack/react-query";
import { TermHint } from "@/components/glossary/term-hint";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState, type FormEvent } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { NUMBER_PATTERN } from "@/lib/dynamo/wire-value";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatCount } from "@/lib/format/format-count";
import type { PartitionSegments, PartitionSummary } from "@/lib/items/items-api";
import { keyText } from "@/lib/items/value-preview";
import { itemsQueries } from "@/lib/queries/items-queries";
import type { ResolvedIndex } from "@/lib/tables/index-keys";

const ROW_HEIGHT = 52;

/** Partition keys found so far by a bounded scan, merged across "load more" pages (a partition may span pages). */
function mergePartitions(pages: ReadonlyArray<{ partitions: PartitionSummary[] }>): PartitionSummary[] {
  const merged = new Map<string, PartitionSummary>();
  for (const page of pages) {
    for (const partition of page.partitions) {
      const id = JSON.stringify(partition.key);
      const seen = merged.get(id);
      merged.set(id, seen ? { key: partition.key, items: seen.items + partition.items, bytes: seen.bytes + partition.bytes } : partition);
    }
  }
  return [...merged.values()];
}

type PageSegments = { segments: PartitionSegments };

/**
 * "spread over 157 of the key space's hash ranges (segments), 6 items from each; 12 read to their end": the page reads
 * the start of many partitions instead of a few whole ones. Nothing for a plain one-segment Scan.
 */
function segmentCoverage(pages: readonly PageSegments[]): string {
  const first = pages[0]?.segments;
  const last = pages.at(-1)?.segments;
  if (!first || !last || first.total <= 1) return "";
  const each = pages.length === 1 ? `, ${formatCount(first.perSegment)} items from each` : "";
  return `spread over ${formatCount(first.total)} segments (hash ranges of the key space)${each}; ${formatCount(last.done)} read to their end`;
}

function openSegments(pages: readonly PageSegments[]): number {
  return pages.at(-1)?.segments.open ?? 0;
}

/** Says the scan ended, and whether segments were left out because their positions did not fit in the cursor. */
function endOfScan(pages: readonly PageSegments[], what: "index" | "table"): string {
  const dropped = pages.reduce((sum, page) => sum + page.segments.dropped, 0);
  if (dropped === 0) return `The whole ${what} has been scanned.`;
  return `The scan stopped: ${formatCount(dropped)} segment${dropped === 1 ? "" : "s"} could not be continued (their keys are too long to carry in a link), so part of the ${what} was not read.`;
}

function validKeyInput(value: string, type: "S" | "N" | "B"): string | null {
  if (value === "") return "Type a value.";
  if (type === "N" && !NUMBER_PATTERN.test(value)) return "This key is a number.";
  if (type === "B" && !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return "This key is binary: type it as base64.";
  return null;
}

export function PartitionList({ table, index, selected, onSelect }: { table: string; index: ResolvedIndex; selected: string | null; onSelect: (pk: string) => void }) {
  const scope = useScope();
  const query = useInfiniteQuery(itemsQueries.partitions(scope, table, index.name));
  const partitions = useMemo(() => mergePartitions(query.data?.pages ?? []), [query.data]);
  const scanned = query.data?.pages.reduce((sum, page) => sum + page.scannedItems, 0) ?? 0;
  const consumed = query.data?.pages.reduce((sum, page) => sum + page.consumedCapacity, 0) ?? 0;
  const coverage = segmentCoverage(query.data?.pages ?? []);
  // The server shares a partitions scan between viewers for a few seconds; say so, since this view cost nothing then.
  const shared = query.data?.pages.find((page) => page.cache !== "miss");
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: partitions.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const [jump, setJump] = useState("");
  const [jumpError, setJumpError] = useState<string | null>(null);
  const keyType = index.keys.partitionKey.type;

  const submitJump = (event: FormEvent) => {
    event.preventDefault();
    const problem = validKeyInput(jump, keyType);
    setJumpError(problem);
    if (!problem) onSelect(jump);
  };

  return (
    <section aria-label="Partitions" className="flex min-h-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <form onSubmit={submitJump} className="border-b border-slate-200 p-3 dark:border-slate-800">
        <label htmlFor="partition-jump" className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Go to partition · <span className="font-mono">{index.keys.partitionKey.name}</span> ({keyType})
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="partition-jump"
            value={jump}
            onChange={(event) => setJump(event.target.value)}
            placeholder={keyType === "N" ? "e.g. 42" : keyType === "B" ? "base64" : "exact value"}
            aria-invalid={jumpError !== null}
            aria-describedby={jumpError ? "partition-jump-error" : undefined}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-950"
          />
          <button type="submit" className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800">
            Go
          </button>
        </div>
        {jumpError ? (
          <p id="partition-jump-error" className="mt-1 text-xs text-rose-700 dark:text-rose-400">
            {jumpError}
          </p>
        ) : null}
      </form>

      {query.isError ? (
        <div className="p-3">
          <ErrorPanel title="Could not scan for partitions" message={query.error.message} onRetry={() => void query.refetch()} />
        </div>
      ) : null}
      {query.isPending ? <p className="p-3 text-sm text-slate-500">Scanning for partition keys…</p> : null}
      {query.data && partitions.length === 0 ? <p className="p-3 text-sm text-slate-500">This {index.name ? "index" : "table"} is empty.</p> : null}

      <div ref={scrollRef} className="h-[22rem] overflow-auto lg:h-[calc(100vh-20rem)]" data-testid="partition-list">
        <ul style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((row) => {
            const partition = partitions[row.index];
            if (!partition) return null;
            const text = keyText(partition.key);
            const isSelected = text === selected;
            return (
              <li key={row.key} style={{ position: "absolute", top: 0, left: 0, width: "100%", height: row.size, transform: `translateY(${row.start}px)` }}>
                <button
                  type="button"
                  onClick={() => onSelect(text)}
                  aria-current={isSelected ? "true" : undefined}
                  className={`flex h-full w-full flex-col justify-center border-b border-slate-100 px-3 text-left hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60 ${isSelected ? "bg-sky-50 dark:bg-sky-950" : ""}`}
                >
                  <span className="truncate font-mono text-sm" title={text}>
                    {text === "" ? <span className="text-slate-400 italic">(empty)</span> : text}
                  </span>
                  <span className="text-xs text-slate-500 tabular-nums">
                    {formatCount(partition.items)} item{partition.items === 1 ? "" : "s"} · {formatBytes(partition.bytes)} seen so far
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>

      <footer className="space-y-2 border-t border-slate-200 p-3 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <p data-testid="partition-scan-label">
          {formatCount(partitions.length)} partition keys seen so far, from a scan of {formatCount(scanned)} items{coverage ? ` ${coverage}` : ""} (storage order, not traffic) ·{" "}
          {Math.round(consumed * 10) / 10} RCU{shared ? `, scanned ${new Date(shared.fetchedAt).toLocaleTimeString()} and shared with other viewers` : ""}{" "}
          <TermHint term="partition" label="What a partition is" />
        </p>
        {query.hasNextPage ? (
          <button
            type="button"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetchingNextPage}
            className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {query.isFetchingNextPage ? "Scanning…" : `Scan 1,000 more items${openSegments(query.data?.pages ?? []) > 1 ? `, continuing ${formatCount(openSegments(query.data?.pages ?? []))} segments` : ""}`}
          </button>
        ) : query.data ? (
          <p>{endOfScan(query.data.pages, index.name ? "index" : "table")}</p>
        ) : null}
      </footer>
    </section>
  );
}
