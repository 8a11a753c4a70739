import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { MetricsResponse, OverviewMetricsResponse } from "@/lib/metrics/metrics-response";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const metricsKeys = {
  table: (scope: Scope, table: string, params: string) => ["metrics", scopeKey(scope), "table", table, params] as const,
  overview: (scope: Scope) => ["metrics", scopeKey(scope), "overview"] as const,
};

export const metricsQueries = {
  /** One table's series for a window; refreshes on the chosen interval; keeps the old charts while a new range loads. */
  table: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: metricsKeys.table(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<MetricsResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/metrics?${params.toString()}`, scope), { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  overview: (scope: Scope) =>
    queryOptions({
      queryKey: metricsKeys.overview(scope),
      queryFn: ({ signal }) => fetchJson<OverviewMetricsResponse>(withScope("/api/metrics/overview", scope), { signal }),
      refetchInterval: 60_000,
      staleTime: 30_000,
    }),
};
