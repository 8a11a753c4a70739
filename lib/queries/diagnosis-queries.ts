import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import { fetchJson } from "./fetch-json";

export const diagnosisKeys = {
  table: (table: string, params: string) => ["diagnosis", table, params] as const,
  overview: () => ["diagnosis", "overview"] as const,
  insights: (table: string, params: string) => ["insights", table, params] as const,
};

export const diagnosisQueries = {
  table: (table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: diagnosisKeys.table(table, params.toString()),
      queryFn: ({ signal }) => fetchJson<DiagnosisResponse>(`/api/tables/${encodeURIComponent(table)}/diagnosis?${params.toString()}`, { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  overview: () =>
    queryOptions({
      queryKey: diagnosisKeys.overview(),
      queryFn: ({ signal }) => fetchJson<DiagnosisOverviewResponse>("/api/diagnosis/overview", { signal }),
      refetchInterval: 60_000,
      staleTime: 30_000,
    }),
  insights: (table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: diagnosisKeys.insights(table, params.toString()),
      queryFn: ({ signal }) => fetchJson<InsightsResponse>(`/api/tables/${encodeURIComponent(table)}/insights?${params.toString()}`, { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
