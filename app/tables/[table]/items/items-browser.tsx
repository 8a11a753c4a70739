"use client";

import { useScope } from "@/components/layout/scope-context";
import { Breadcrumbs, tableCrumbs } from "@/components/layout/breadcrumbs";
import { useQuery } from "@tanstack/react-query";
import { ViewTabs } from "@/components/items/view-tabs";
import { ErrorPanel } from "@/components/ui/error-panel";
import { tablesQueries } from "@/lib/queries/tables-queries";
import { resolveIndex, UnknownIndexError, type ResolvedIndex } from "@/lib/tables/index-keys";
import { keySchemaLabel } from "@/lib/tables/describe-labels";
import type { TableDetail } from "@/lib/tables/table-detail";
import { PartitionList } from "./partition-list";
import { PartitionItems } from "./partition-items";
import { ScanGroups } from "./scan-groups";
import { SelectedItemPanel } from "./selected-item-panel";
import { useItemsViewState } from "./use-items-view-state";

const VIEW_TABS = [
  { id: "partitions", label: "Partitions" },
  { id: "scan", label: "Scan (grouped)" },
] as const;

export function ItemsBrowser({ table }: { table: string }) {
  const scope = useScope();
  const detailQuery = useQuery(tablesQueries.detail(scope, table));
  const [state, update] = useItemsViewState();
  const detail = detailQuery.data?.table;

  let index: ResolvedIndex | null = null;
  let indexError: string | null = null;
  if (detail) {
    try {
      index = resolveIndex(detail, state.index);
    } catch (error) {
      if (!(error instanceof UnknownIndexError)) throw error;
      indexError = error.message;
    }
  }

  return (
    <div className="space-y-4">
      <Breadcrumbs crumbs={tableCrumbs(table, "Items")} />

      {detailQuery.isError ? <ErrorPanel title={`Could not describe ${table}`} message={detailQuery.error.message} onRetry={() => void detailQuery.refetch()} /> : null}
      {detailQuery.isPending ? <div aria-busy="true" className="h-64 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}

      {detail ? (
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight break-all">{table}</h1>
          <IndexPicker detail={detail} value={state.index} onChange={(next) => update({ index: next, pk: null, skOp: null, sk: "", sk2: "", item: null })} />
          <ViewTabs tabs={VIEW_TABS} selected={state.view} onSelect={(view) => update({ view, item: null })} idPrefix="items-view" label="Browse by" />
        </div>
      ) : null}

      {indexError ? (
        <ErrorPanel title="Unknown index" message={indexError} onRetry={() => update({ index: null })} />
      ) : null}

      {detail && index ? (
        <div id="items-view-panel" role="tabpanel" aria-labelledby={`items-view-tab-${state.view}`}>
          {state.view === "partitions" ? (
            <div className="grid gap-4 lg:grid-cols-[minmax(16rem,22rem)_minmax(0,1fr)]">
              <PartitionList table={table} index={index} selected={state.pk} onSelect={(pk) => update({ pk, item: null, skOp: null, sk: "", sk2: "" })} />
              <PartitionItems table={table} index={index} state={state} update={update} />
            </div>
          ) : (
            <ScanGroups table={table} index={index} state={state} update={update} />
          )}
          <SelectedItemPanel table={table} detail={detail} state={state} onClose={() => update({ item: null }, "replace")} />
        </div>
      ) : null}
    </div>
  );
}

function IndexPicker({ detail, value, onChange }: { detail: TableDetail; value: string | null; onChange: (index: string | null) => void }) {
  return (
    <label className="flex min-w-0 items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Reading</span>
      <select
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || null)}
        className="w-full max-w-[22rem] min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">Table · {keySchemaLabel(detail.keys)}</option>
        {detail.gsis.map((index) => (
          <option key={index.name} value={index.name}>
            GSI {index.name} · {keySchemaLabel(index.keys)}
          </option>
        ))}
        {detail.lsis.map((index) => (
          <option key={index.name} value={index.name}>
            LSI {index.name} · {keySchemaLabel(index.keys)}
          </option>
        ))}
      </select>
    </label>
  );
}
