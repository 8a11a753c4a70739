import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { AlarmsResponse } from "@/lib/alarms/alarm-types";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const alarmsKeys = {
  table: (scope: Scope, table: string, params: string) => ["alarms", scopeKey(scope), table, params] as const,
};

export const alarmsQueries = {
  /**
   * A table's alarms for the window the params name (range, or start and end, as the metrics take them). The server
   * reads alarm states once a minute per account and region, so refreshing faster than that shows nothing new.
   */
  table: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: alarmsKeys.table(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<AlarmsResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/alarms?${params.toString()}`, scope), { signal }),
      refetchInterval,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
};
