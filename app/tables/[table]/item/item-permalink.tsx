"use client";

import { useScope } from "@/components/layout/scope-context";
import { Breadcrumbs, tableCrumbs } from "@/components/layout/breadcrumbs";
import { useQuery } from "@tanstack/react-query";
import { ScopedLink as Link } from "@/components/layout/scoped-link";
import { useSearchParams } from "next/navigation";
import { ItemSizePanel } from "@/components/items/item-size-panel";
import { ItemView } from "@/components/items/item-view";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { keyText } from "@/lib/items/value-preview";
import { viewStateToParams, DEFAULT_VIEW_STATE } from "@/lib/items/items-view-state";
import { itemsQueries } from "@/lib/queries/items-queries";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { lsiProjections } from "@/lib/tables/lsi-projections";
import type { TableDetail } from "@/lib/tables/table-detail";

const keyAttributes = (detail: TableDetail) => ({ partitionKey: detail.keys.partitionKey.name, sortKey: detail.keys.sortKey?.name ?? null });

/** The shareable page of one item: /tables/T/item?key=<DynamoDB JSON of its key>. */
export function ItemPermalink({ table }: { table: string }) {
  const scope = useScope();
  const key = useSearchParams().get("key");
  const detail = useQuery(tablesQueries.detail(scope, table)).data?.table;
  const item = useQuery({ ...itemsQueries.item(scope, table, key ?? ""), enabled: key !== null });
  const pk = detail && item.data ? keyText(item.data.item[detail.keys.partitionKey.name]) : null;
  const partitionHref = pk !== null ? `/tables/${encodeURIComponent(table)}/items?${viewStateToParams({ ...DEFAULT_VIEW_STATE, pk }).toString()}` : null;

  return (
    <div className="space-y-4">
      <Breadcrumbs crumbs={tableCrumbs(table, "Item")} />
      {key === null ? <ErrorPanel title="No item key" message="This link has no ?key= with the item's key as DynamoDB JSON." /> : null}
      {key !== null ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Key</span>
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs break-all dark:bg-slate-800">{key}</code>
          <CopyButton text={key} label="Copy key" />
          {partitionHref ? (
            <Link href={partitionHref} className="ml-auto font-medium text-sky-700 hover:underline dark:text-sky-400">
              Open its partition →
            </Link>
          ) : null}
        </div>
      ) : null}
      {item.isPending && key !== null ? <div aria-busy="true" className="h-40 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}
      {item.isError ? <ErrorPanel title="Could not read this item" message={item.error.message} onRetry={() => void item.refetch()} /> : null}
      {item.data && detail ? (
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <ItemView item={item.data.item} keyAttributes={keyAttributes(detail)} />
          </div>
          {/* On narrow screens the size comes first: for a large item it is the answer the reader came for. */}
          <div className="order-first rounded-lg bg-white shadow-sm lg:order-none dark:bg-slate-900">
            <ItemSizePanel item={item.data.item} tableKeys={keyAttributes(detail)} lsis={lsiProjections(detail)} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
