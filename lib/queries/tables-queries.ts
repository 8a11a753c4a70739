import { queryOptions } from "@tanstack/react-query";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import type { TableResponse, TablesResponse } from "@/lib/tables/table-detail";
import { fetchJson } from "./fetch-json";

export const tablesKeys = {
  all: (scope: Scope) => ["tables", scopeKey(scope)] as const,
  list: (scope: Scope) => [...tablesKeys.all(scope), "list"] as const,
  detail: (scope: Scope, table: string) => [...tablesKeys.all(scope), "detail", table] as const,
};

export const tablesQueries = {
  list: (scope: Scope) =>
    queryOptions({
      queryKey: tablesKeys.list(scope),
      queryFn: () => fetchJson<TablesResponse>(withScope("/api/tables", scope)),
    }),
  detail: (scope: Scope, table: string) =>
    queryOptions({
      queryKey: tablesKeys.detail(scope, table),
      queryFn: () => fetchJson<TableResponse>(withScope(`/api/tables/${encodeURIComponent(table)}`, scope)),
    }),
};
