"use client";

import { useScope } from "@/components/layout/scope-context";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { formatCount } from "@/lib/format/format-count";
import { itemKeyJson } from "@/lib/items/item-key";
import { readParams, type ItemsViewState } from "@/lib/items/items-view-state";
import { itemsQueries } from "@/lib/queries/items-queries";
import type { ResolvedIndex } from "@/lib/tables/index-keys";
import { CostLine } from "./cost-line";
import { FilterForm } from "./filter-form";
import { ItemTable } from "./item-table";
import { BUTTON, ExportLinks, PageSizeSelect } from "./read-controls";
import { SortKeyForm } from "./sort-key-form";

type Props = { table: string; index: ResolvedIndex; state: ItemsViewState; update: (patch: Partial<ItemsViewState>, mode?: "push" | "replace") => void };

/** Key columns for a partition's items: its partition key is in the header already, so only the other keys are listed. */
export function keyColumnsOf(index: ResolvedIndex): string[] {
  const names = [index.keys.sortKey?.name, index.tableKeys.partitionKey.name, index.tableKeys.sortKey?.name];
  return [...new Set(names.filter((name): name is string => Boolean(name) && name !== index.keys.partitionKey.name))];
}

/** The selected partition: sort-key condition, optional filter, an exact count on demand, export, and the items. */
export function PartitionItems({ table, index, state, update }: Props) {
  if (state.pk === null) {
    return (
      <section className="flex min-h-48 items-center justify-center rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        <p>
          Pick a partition on the left, or type a <span className="font-mono">{index.keys.partitionKey.name}</span> value to go straight to it.
        </p>
      </section>
    );
  }
  // Remount the forms when the partition changes so their local drafts start from the URL again.
  return <SelectedPartition key={`${index.name}|${state.pk}`} table={table} index={index} state={state} update={update} />;
}

function SelectedPartition({ table, index, state, update }: Props) {
  const scope = useScope();
  const params = useMemo(() => readParams(state), [state]);
  const query = useInfiniteQuery(itemsQueries.query(scope, table, params));
  const countParams = useMemo(() => {
    const copy = new URLSearchParams(params);
    copy.delete("limit");
    return copy;
  }, [params]);
  const count = useQuery(itemsQueries.count(scope, table, countParams));
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const pages = query.data?.pages ?? [];
  const totals = pages.reduce((sum, page) => ({ consumed: sum.consumed + page.consumedCapacity, scanned: sum.scanned + page.scannedCount, requests: sum.requests + page.requests }), { consumed: 0, scanned: 0, requests: 0 });
  const stoppedAtBudget = pages.at(-1)?.stoppedAtBudget ?? false;
  const keyColumns = useMemo(() => keyColumnsOf(index), [index]);
  const button = BUTTON;

  return (
    <section aria-label="Partition items" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="min-w-0 text-base font-semibold">
          <span className="font-mono text-slate-500">{index.keys.partitionKey.name} =</span>{" "}
          <span className="font-mono break-all" data-testid="selected-partition">
            {state.pk}
          </span>
        </h2>
        <CopyButton text={state.pk ?? ""} label="Copy partition key" />
      </header>

      <SortKeyForm sortKey={index.keys.sortKey} state={state} update={update} />
      <div className="flex flex-wrap items-center gap-3">
        <FilterForm state={state} update={update} />
        <span className="ml-auto">
          <PageSizeSelect value={state.limit} onChange={(limit) => update({ limit }, "replace")} />
        </span>
      </div>

      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className={button} onClick={() => void count.refetch()} disabled={count.isFetching}>
          {count.isFetching ? "Counting…" : "Count items"}
        </button>
        {count.data ? (
          <span data-testid="partition-count">
            <span className="font-semibold tabular-nums">{formatCount(count.data.count)}</span> item{count.data.count === 1 ? "" : "s"}
            {count.data.complete ? "" : " so far (stopped at the count budget)"} · {Math.round(count.data.consumedCapacity * 100) / 100} RCU · {count.data.requests} request
            {count.data.requests === 1 ? "" : "s"}
          </span>
        ) : null}
        {count.isError ? <span className="text-rose-700 dark:text-rose-400">Count failed: {count.error.message}</span> : null}
        <span className="ml-auto">
          <ExportLinks table={table} params={params} source="query" />
        </span>
      </div>

      {query.isError ? <ErrorPanel title="Could not read this partition" message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <div aria-busy="true" className="h-40 animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" /> : null}
      {query.data ? (
        <>
          <CostLine consumed={totals.consumed} scanned={totals.scanned} returned={items.length} requests={totals.requests} label={`${formatCount(items.length)} items loaded`} />
          {stoppedAtBudget ? (
            <p className="text-xs text-amber-800 dark:text-amber-300">The filter examined its budget of items before filling the page; load more to keep looking.</p>
          ) : null}
          {items.length === 0 ? (
            <p className="py-6 text-center text-sm text-slate-500">No items match in this partition.</p>
          ) : (
            <ItemTable
              items={items}
              keyColumns={keyColumns}
              selectedKey={state.item}
              keyOf={(item) => itemKeyJson(item, index.tableKeys)}
              onOpen={(item) => update({ item: itemKeyJson(item, index.tableKeys) })}
              label={`Items in partition ${state.pk}`}
            />
          )}
          {query.hasNextPage ? (
            <button type="button" className={button} onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? "Loading…" : `Load ${state.limit} more`}
            </button>
          ) : (
            <p className="text-xs text-slate-500">End of partition.</p>
          )}
        </>
      ) : null}
    </section>
  );
}
