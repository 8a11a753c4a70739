import { queryOptions } from "@tanstack/react-query";
import type { JobKind, JobResponse, JobSnapshot, LatestJobResponse, StartJobResponse } from "@/lib/jobs/job-types";
import { fetchJson } from "./fetch-json";

export const jobsKeys = {
  latest: (table: string, kind: JobKind) => ["jobs", "latest", table, kind] as const,
};

export const jobsQueries = {
  /** The newest job of a kind for a table; polls once a second while it runs, and stops when it ends. */
  latest: <P, R>(table: string, kind: JobKind) =>
    queryOptions({
      queryKey: jobsKeys.latest(table, kind),
      queryFn: ({ signal }) => fetchJson<LatestJobResponse<P, R>>(`/api/tables/${encodeURIComponent(table)}/jobs?kind=${kind}`, { signal }),
      refetchInterval: (query) => (query.state.data?.job?.status === "running" ? 1_000 : false),
    }),
};

export function startJob(table: string, body: object): Promise<StartJobResponse> {
  return fetchJson<StartJobResponse>(`/api/tables/${encodeURIComponent(table)}/jobs`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function cancelJob<P, R>(id: string): Promise<JobResponse<P, R>> {
  return fetchJson<JobResponse<P, R>>(`/api/jobs/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export type { JobSnapshot };
