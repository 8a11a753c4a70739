import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ChangesResponse } from "@/lib/changes/change-types";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const changesKeys = {
  table: (scope: Scope, table: string, params: string) => ["changes", scopeKey(scope), table, params] as const,
};

export const changesQueries = {
  /**
   * A table's change history for the window the params name (range, or start and end, as the metrics take them). The
   * server reads CloudTrail once a minute per account, region and window (LookupEvents allows 2 calls a second), so
   * refreshing faster than that shows nothing new.
   */
  table: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: changesKeys.table(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<ChangesResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/changes?${params.toString()}`, scope), { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
