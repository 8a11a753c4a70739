"use client";

import { useScope } from "@/components/layout/scope-context";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { formatCount } from "@/lib/format/format-count";
import { itemKeyJson } from "@/lib/items/item-key";
import { readParams, type ItemsViewState } from "@/lib/items/items-view-state";
import { keyText, previewValue } from "@/lib/items/value-preview";
import { itemsQueries } from "@/lib/queries/items-queries";
import type { ResolvedIndex } from "@/lib/tables/index-keys";
import { CostLine } from "./cost-line";
import { FilterForm } from "./filter-form";
import { BUTTON, ExportLinks, PageSizeSelect } from "./read-controls";

type Row = { kind: "group"; key: string; count: number } | { kind: "item"; item: WireItem };
const GROUP_HEIGHT = 44;
const ITEM_HEIGHT = 32;

/** A Scan returns each partition's items together (storage order), so consecutive items form groups. */
export function groupRows(items: WireItem[], partitionKey: string): Row[] {
  const rows: Row[] = [];
  let current: { kind: "group"; key: string; count: number } | null = null;
  for (const item of items) {
    const key = keyText(item[partitionKey]);
    if (!current || current.key !== key) {
      current = { kind: "group", key, count: 0 };
      rows.push(current);
    }
    current.count++;
    rows.push({ kind: "item", item });
  }
  return rows;
}

function attributePreview(item: WireItem, keys: ReadonlySet<string | undefined>): string {
  return Object.entries(item)
    .filter(([name]) => !keys.has(name))
    .slice(0, 4)
    .map(([name, value]) => `${name}=${previewValue(value, 24)}`)
    .join("  ");
}

type Props = { table: string; index: ResolvedIndex; state: ItemsViewState; update: (patch: Partial<ItemsViewState>, mode?: "push" | "replace") => void };

export function ScanGroups({ table, index, state, update }: Props) {
  const scope = useScope();
  const params = useMemo(() => readParams(state), [state]);
  const query = useInfiniteQuery(itemsQueries.scan(scope, table, params));
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const rows = useMemo(() => groupRows(items, index.keys.partitionKey.name), [items, index]);
  const pages = query.data?.pages ?? [];
  const totals = pages.reduce((sum, page) => ({ consumed: sum.consumed + page.consumedCapacity, scanned: sum.scanned + page.scannedCount, requests: sum.requests + page.requests }), { consumed: 0, scanned: 0, requests: 0 });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: (position) => (rows[position]?.kind === "group" ? GROUP_HEIGHT : ITEM_HEIGHT), overscan: 12 });
  const sortKey = index.keys.sortKey?.name;
  const keyNames = new Set([index.keys.partitionKey.name, sortKey, index.tableKeys.partitionKey.name, index.tableKeys.sortKey?.name]);
  const button = BUTTON;

  return (
    <section aria-label="Scan grouped by partition" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Items in storage order, as a Scan returns them: each partition&apos;s items arrive together. Storage order is not popularity.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <FilterForm state={state} update={update} />
        <span className="ml-auto">
          <PageSizeSelect value={state.limit} onChange={(limit) => update({ limit }, "replace")} />
        </span>
        <ExportLinks table={table} params={params} source="scan" />
      </div>
      {query.isError ? <ErrorPanel title="Could not scan" message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <div aria-busy="true" className="h-40 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" /> : null}
      {query.data ? <CostLine consumed={totals.consumed} scanned={totals.scanned} returned={items.length} requests={totals.requests} label={`${formatCount(items.length)} items scanned so far`} /> : null}
      <div ref={scrollRef} className="h-[28rem] overflow-auto rounded-md border border-slate-200 lg:h-[calc(100vh-24rem)] dark:border-slate-800" data-testid="scan-groups">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const row = rows[virtualRow.index];
            if (!row) return null;
            const style = { position: "absolute" as const, top: 0, left: 0, width: "100%", height: virtualRow.size, transform: `translateY(${virtualRow.start}px)` };
            if (row.kind === "group") {
              return (
                <div key={virtualRow.key} style={style} className="flex items-center gap-3 border-b border-slate-200 bg-slate-50 px-3 dark:border-slate-800 dark:bg-slate-950">
                  <span className="truncate font-mono text-sm font-semibold">{row.key}</span>
                  <span className="text-xs text-slate-500">{row.count} in this run</span>
                  <button type="button" onClick={() => update({ view: "partitions", pk: row.key, item: null })} className="ml-auto shrink-0 text-xs font-medium text-sky-700 hover:underline dark:text-sky-400">
                    Open partition →
                  </button>
                </div>
              );
            }
            const key = itemKeyJson(row.item, index.tableKeys);
            return (
              <button
                key={virtualRow.key}
                type="button"
                style={style}
                onClick={() => update({ item: key })}
                aria-current={key !== null && key === state.item ? "true" : undefined}
                className="flex items-center gap-4 border-b border-slate-100 pr-3 pl-8 text-left text-xs hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60"
              >
                <span className="w-[22rem] max-w-[55%] shrink-0 truncate font-mono">{sortKey ? previewValue(row.item[sortKey]) : previewValue(row.item[index.keys.partitionKey.name])}</span>
                <span className="truncate font-mono text-slate-500">{attributePreview(row.item, keyNames)}</span>
              </button>
            );
          })}
        </div>
      </div>
      {query.hasNextPage ? (
        <button type="button" className={button} onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? "Scanning…" : `Scan ${state.limit} more`}
        </button>
      ) : query.data ? (
        <p className="text-xs text-slate-500">End of {index.name ? "index" : "table"}.</p>
      ) : null}
    </section>
  );
}
