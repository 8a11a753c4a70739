import { queryOptions } from "@tanstack/react-query";
import type { TableResponse, TablesResponse } from "@/lib/tables/table-detail";
import { fetchJson } from "./fetch-json";

export const tablesKeys = {
  all: ["tables"] as const,
  list: () => [...tablesKeys.all, "list"] as const,
  detail: (table: string) => [...tablesKeys.all, "detail", table] as const,
};

export const tablesQueries = {
  list: () =>
    queryOptions({
      queryKey: tablesKeys.list(),
      queryFn: () => fetchJson<TablesResponse>("/api/tables"),
    }),
  detail: (table: string) =>
    queryOptions({
      queryKey: tablesKeys.detail(table),
      queryFn: () => fetchJson<TableResponse>(`/api/tables/${encodeURIComponent(table)}`),
    }),
};
