"use client";

import { useScope } from "@/components/layout/scope-context";
import { useQuery } from "@tanstack/react-query";
import { ItemDetailPanel } from "@/components/items/item-detail-panel";
import { ItemSizePanel } from "@/components/items/item-size-panel";
import { lsiProjections } from "@/lib/tables/lsi-projections";
import { ErrorPanel } from "@/components/ui/error-panel";
import { itemHref } from "@/lib/items/item-key";
import { keyText } from "@/lib/items/value-preview";
import type { WireItem } from "@/lib/dynamo/wire-value";
import type { ItemsViewState } from "@/lib/items/items-view-state";
import { itemsQueries } from "@/lib/queries/items-queries";
import type { TableDetail } from "@/lib/tables/table-detail";

function keyTitle(item: WireItem, keys: { partitionKey: string; sortKey: string | null }): string {
  const pk = keyText(item[keys.partitionKey]);
  return keys.sortKey ? `${pk} · ${keyText(item[keys.sortKey])}` : pk;
}

/**
 * The item named by ?item=, read fresh by its key (GetItem, half an RCU), so a shared link works and an index that
 * projects only keys still shows the whole item.
 */
export function SelectedItemPanel({ table, detail, state, onClose }: { table: string; detail: TableDetail; state: ItemsViewState; onClose: () => void }) {
  const scope = useScope();
  const key = state.item;
  const query = useQuery({ ...itemsQueries.item(scope, table, key ?? ""), enabled: key !== null });
  if (key === null) return null;
  const keyAttributes = { partitionKey: detail.keys.partitionKey.name, sortKey: detail.keys.sortKey?.name ?? null };
  return (
    <div className="fixed inset-y-0 right-0 z-30 flex w-full flex-col border-l border-slate-200 bg-white shadow-2xl sm:w-[36rem] dark:border-slate-800 dark:bg-slate-900">
      {query.data ? (
        <ItemDetailPanel item={query.data.item} keyAttributes={keyAttributes} title={keyTitle(query.data.item, keyAttributes)} itemHref={itemHref(table, key)} onClose={onClose}>
          <ItemSizePanel item={query.data.item} tableKeys={keyAttributes} lsis={lsiProjections(detail)} />
        </ItemDetailPanel>
      ) : (
        <div className="space-y-3 p-4">
          <button type="button" onClick={onClose} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
            Close
          </button>
          {query.isPending ? <p className="text-sm text-slate-500">Loading item…</p> : null}
          {query.isError ? <ErrorPanel title="Could not read this item" message={query.error.message} onRetry={() => void query.refetch()} /> : null}
        </div>
      )}
    </div>
  );
}
