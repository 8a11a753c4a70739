import { queryOptions } from "@tanstack/react-query";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import type { StreamRecordsResponse } from "@/lib/streams/stream-types";
import { fetchJson } from "./fetch-json";

export const streamKeys = {
  all: (scope: Scope, table: string) => ["stream", scopeKey(scope), table] as const,
  records: (scope: Scope, table: string, params: string) => ["stream", scopeKey(scope), table, "records", params] as const,
};

export const streamQueries = {
  /**
   * The live tail's records for the params given (limit, after, eventName, keyPrefix, resume; see
   * StreamRecordsResponse). The server reads each shard about once a second for every viewer together, so asking
   * more often than that finds nothing newer. resume=1 is for engineers only (a 403 for viewers), so a viewer's page
   * must not send it. (The app's query client does not retry a 4xx.)
   */
  records: (scope: Scope, table: string, params: URLSearchParams, refetchInterval: number | false) =>
    queryOptions({
      queryKey: streamKeys.records(scope, table, params.toString()),
      queryFn: ({ signal }) => fetchJson<StreamRecordsResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/stream/records?${params.toString()}`, scope), { signal }),
      refetchInterval,
      staleTime: 0,
    }),
};
