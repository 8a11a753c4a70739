import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { CountResult, ItemResponse, ItemsPage, PartitionsPage } from "@/lib/items/items-api";
import { fetchJson } from "./fetch-json";

const base = (table: string) => `/api/tables/${encodeURIComponent(table)}`;

function withCursor(params: URLSearchParams, cursor: string | null): string {
  const copy = new URLSearchParams(params);
  if (cursor) copy.set("cursor", cursor);
  return copy.toString();
}

export const itemsKeys = {
  all: (table: string) => ["items", table] as const,
  partitions: (table: string, index: string | null) => [...itemsKeys.all(table), "partitions", index] as const,
  query: (table: string, params: string) => [...itemsKeys.all(table), "query", params] as const,
  scan: (table: string, params: string) => [...itemsKeys.all(table), "scan", params] as const,
  count: (table: string, params: string) => [...itemsKeys.all(table), "count", params] as const,
  item: (table: string, key: string) => [...itemsKeys.all(table), "item", key] as const,
};

export const itemsQueries = {
  /** Partition keys from a bounded scan; each "load more" continues the same scan. */
  partitions: (table: string, index: string | null) =>
    infiniteQueryOptions({
      queryKey: itemsKeys.partitions(table, index),
      queryFn: ({ pageParam, signal }) => {
        const params = new URLSearchParams({ limit: "1000" });
        if (index) params.set("index", index);
        return fetchJson<PartitionsPage>(`${base(table)}/partitions?${withCursor(params, pageParam)}`, { signal });
      },
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  query: (table: string, params: URLSearchParams) =>
    infiniteQueryOptions({
      queryKey: itemsKeys.query(table, params.toString()),
      queryFn: ({ pageParam, signal }) => fetchJson<ItemsPage>(`${base(table)}/items?${withCursor(params, pageParam)}`, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
    }),
  scan: (table: string, params: URLSearchParams) =>
    infiniteQueryOptions({
      queryKey: itemsKeys.scan(table, params.toString()),
      queryFn: ({ pageParam, signal }) => fetchJson<ItemsPage>(`${base(table)}/scan?${withCursor(params, pageParam)}`, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  /** Counting costs RCU, so it only runs when asked (enabled: false until the user clicks). */
  count: (table: string, params: URLSearchParams) =>
    queryOptions({
      queryKey: itemsKeys.count(table, params.toString()),
      queryFn: ({ signal }) => fetchJson<CountResult>(`${base(table)}/count?${params.toString()}`, { signal }),
      enabled: false,
      staleTime: Number.POSITIVE_INFINITY,
    }),
  item: (table: string, key: string) =>
    queryOptions({
      queryKey: itemsKeys.item(table, key),
      queryFn: ({ signal }) => fetchJson<ItemResponse>(`${base(table)}/item?key=${encodeURIComponent(key)}`, { signal }),
    }),
};

export function exportUrl(table: string, params: URLSearchParams, source: "query" | "scan", format: "jsonl" | "csv"): string {
  const copy = new URLSearchParams(params);
  copy.delete("limit");
  copy.set("source", source);
  copy.set("format", format);
  return `${base(table)}/export?${copy.toString()}`;
}
