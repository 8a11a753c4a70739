import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ScalingResponse } from "@/lib/scaling/scaling-types";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const scalingKeys = {
  table: (scope: Scope, table: string, params: string) => ["scaling", scopeKey(scope), table, params] as const,
};

export const scalingQueries = {
  /** A table's auto scaling targets, policies and activities for the window the params name (as the metrics take them). */
  table: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: scalingKeys.table(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<ScalingResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/scaling?${params.toString()}`, scope), { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
