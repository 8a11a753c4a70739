import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { CountResult, ItemResponse, ItemsPage, PartitionsPage } from "@/lib/items/items-api";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

const base = (table: string) => `/api/tables/${encodeURIComponent(table)}`;
const scoped = (scope: Scope, path: string) => withScope(path, scope);

function withCursor(params: URLSearchParams, cursor: string | null): string {
  const copy = new URLSearchParams(params);
  if (cursor) copy.set("cursor", cursor);
  return copy.toString();
}

export const itemsKeys = {
  all: (scope: Scope, table: string) => ["items", scopeKey(scope), table] as const,
  partitions: (scope: Scope, table: string, index: string | null) => [...itemsKeys.all(scope, table), "partitions", index] as const,
  query: (scope: Scope, table: string, params: string) => [...itemsKeys.all(scope, table), "query", params] as const,
  scan: (scope: Scope, table: string, params: string) => [...itemsKeys.all(scope, table), "scan", params] as const,
  count: (scope: Scope, table: string, params: string) => [...itemsKeys.all(scope, table), "count", params] as const,
  item: (scope: Scope, table: string, key: string) => [...itemsKeys.all(scope, table), "item", key] as const,
};

export const itemsQueries = {
  /** Partition keys from a bounded scan; each "load more" continues the same scan. */
  partitions: (scope: Scope, table: string, index: string | null) =>
    infiniteQueryOptions({
      queryKey: itemsKeys.partitions(scope, table, index),
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams({ limit: "1000" });
        if (index) params.set("index", index);
        return fetchJson<PartitionsPage>(scoped(scope, `${base(table)}/partitions?${withCursor(params, pageParam)}`), { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  query: (scope: Scope, table: string, params: URLSearchParams) =>
    infiniteQueryOptions({
      queryKey: itemsKeys.query(scope, table, params.toString()),
      queryFn: ({ pageParam, signal }) => fetchJson<ItemsPage>(scoped(scope, `${base(table)}/items?${withCursor(params, pageParam)}`), { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  scan: (scope: Scope, table: string, params: URLSearchParams) =>
    infiniteQueryOptions({
      queryKey: itemsKeys.scan(scope, table, params.toString()),
      queryFn: ({ pageParam, signal }) => fetchJson<ItemsPage>(scoped(scope, `${base(table)}/scan?${withCursor(params, pageParam)}`), { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /** Counting costs RCU, so it only runs when asked (enabled: false until the user clicks). */
  count: (scope: Scope, table: string, params: URLSearchParams) =>
    queryOptions({
      queryKey: itemsKeys.count(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<CountResult>(scoped(scope, `${base(table)}/count?${params.toString()}`), { signal }),
      enabled: false,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  item: (scope: Scope, table: string, key: string) =>
    queryOptions({
      queryKey: itemsKeys.item(scope, table, key),
      queryFn: ({ signal }) => fetchJson<ItemResponse>(scoped(scope, `${base(table)}/item?key=${encodeURIComponent(key)}`), { signal }),
    }),
};

export function exportUrl(scope: Scope, table: string, params: URLSearchParams, source: "query" | "scan", format: "jsonl" | "csv"): string {
  const copy = new URLSearchParams(params);
  copy.delete("limit");
  copy.set("source", source);
  copy.set("format", format);
  return scoped(scope, `${base(table)}/export?${copy.toString()}`);
}
