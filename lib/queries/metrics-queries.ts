import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { MetricsResponse, OverviewMetricsResponse } from "@/lib/metrics/metrics-response";
import { fetchJson } from "./fetch-json";

export const metricsKeys = {
  table: (table: string, params: string) => ["metrics", "table", table, params] as const,
  overview: () => ["metrics", "overview"] as const,
};

export const metricsQueries = {
  /** One table's series for a window; refreshes on the chosen interval; keeps the old charts while a new range loads. */
  table: (table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: metricsKeys.table(table, params.toString()),
      queryFn: ({ signal }) => fetchJson<MetricsResponse>(`/api/tables/${encodeURIComponent(table)}/metrics?${params.toString()}`, { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  overview: () =>
    queryOptions({
      queryKey: metricsKeys.overview(),
      queryFn: ({ signal }) => fetchJson<OverviewMetricsResponse>("/api/metrics/overview", { signal }),
      refetchInterval: 60_000,
      staleTime: 30_000,
    }),
};
