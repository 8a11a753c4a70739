import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { costApiParams, type CostRangeChoice } from "@/lib/cost/cost-view-state";
import type { CostResponse } from "@/lib/cost/cost-types";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const costKeys = {
  table: (scope: Scope, table: string, range: CostRangeChoice) => ["cost", scopeKey(scope), table, range] as const,
};

/** A month's cost moves slowly and reading up to 14 days of one-minute CloudWatch data is the slow part: keep it minutes. */
export const COST_STALE_MS = 5 * 60_000;

export const costQueries = {
  /** What the table costs now and under each capacity mode, over the last `range` (GET /api/tables/:table/cost). */
  table: (scope: Scope, table: string, range: CostRangeChoice) =>
    queryOptions({
      queryKey: costKeys.table(scope, table, range),
      queryFn: ({ signal }) => fetchJson<CostResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/cost?${costApiParams(range).toString()}`, scope), { signal }),
      staleTime: COST_STALE_MS,
      // Switching range keeps the last figures on screen (marked as updating) rather than blanking the section.
      placeholderData: keepPreviousData,
    }),
};
