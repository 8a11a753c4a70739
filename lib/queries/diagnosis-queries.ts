import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const diagnosisKeys = {
  table: (scope: Scope, table: string, params: string) => ["diagnosis", scopeKey(scope), table, params] as const,
  overview: (scope: Scope) => ["diagnosis", scopeKey(scope), "overview"] as const,
  insights: (scope: Scope, table: string, params: string) => ["insights", scopeKey(scope), table, params] as const,
};

export const diagnosisQueries = {
  table: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: diagnosisKeys.table(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<DiagnosisResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/diagnosis?${params.toString()}`, scope), { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  overview: (scope: Scope) =>
    queryOptions({
      queryKey: diagnosisKeys.overview(scope),
      queryFn: ({ signal }) => fetchJson<DiagnosisOverviewResponse>(withScope("/api/diagnosis/overview", scope), { signal }),
      refetchInterval: 60_000,
      staleTime: 30_000,
    }),
  insights: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: diagnosisKeys.insights(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<InsightsResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/insights?${params.toString()}`, scope), { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
