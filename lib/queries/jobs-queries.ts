import { queryOptions } from "@tanstack/react-query";
import type { JobKind, JobResponse, JobSnapshot, LatestJobResponse, StartJobResponse } from "@/lib/jobs/job-types";
import { scopeKey, withScope, type Scope } from "@/lib/scope/scope";
import { fetchJson } from "./fetch-json";

export const jobsKeys = {
  latest: (scope: Scope, table: string, kind: JobKind) => ["jobs", scopeKey(scope), "latest", table, kind] as const,
};

export const jobsQueries = {
  /** The newest job of a kind for a table; polls once a second while it runs, and stops when it ends. */
  latest: <P, R>(scope: Scope, table: string, kind: JobKind) =>
    queryOptions({
      queryKey: jobsKeys.latest(scope, table, kind),
      queryFn: ({ signal }) => fetchJson<LatestJobResponse<P, R>>(withScope(`/api/tables/${encodeURIComponent(table)}/jobs?kind=${kind}`, scope), { signal }),
      refetchInterval: (query) => (query.state.data?.job?.status === "running" ? 1_000 : false),
    }),
};

export function startJob(scope: Scope, table: string, body: object): Promise<StartJobResponse> {
  return fetchJson<StartJobResponse>(withScope(`/api/tables/${encodeURIComponent(table)}/jobs`, scope), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function cancelJob<P, R>(scope: Scope, id: string): Promise<JobResponse<P, R>> {
  return fetchJson<JobResponse<P, R>>(withScope(`/api/jobs/${encodeURIComponent(id)}`, scope), { method: "DELETE" });
}

export type { JobSnapshot };
