"use client";

import { useScope } from "@/components/layout/scope-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TermHint } from "@/components/glossary/term-hint";
import type { KeySampleParams, KeySampleRequest, KeySampleResult } from "@/lib/jobs/job-types";
import { ApiError } from "@/lib/queries/fetch-json";
import { cancelJob, jobsKeys, jobsQueries, startJob } from "@/lib/queries/jobs-queries";
import type { TableDetail } from "@/lib/tables/table-detail";
import { useRole } from "@/components/layout/role-context";
import { EngineersRunJobsNote } from "../jobs/engineers-run-jobs-note";
import { JobProgressView } from "../jobs/job-progress-view";
import { KeySampleForm } from "./key-sample-form";
import { KeySampleResults } from "./key-sample-results";

/** Storage skew: how items and bytes spread over partition keys, from a budgeted sample or a full scan. */
export function KeySampleSection({ detail }: { detail: TableDetail }) {
  const scope = useScope();
  const table = detail.name;
  const queryClient = useQueryClient();
  const latest = useQuery(jobsQueries.latest<KeySampleParams, KeySampleResult>(scope, table, "key-sample"));
  const [pending, setPending] = useState<KeySampleRequest | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobsKeys.latest(scope, table, "key-sample") });
  const start = useMutation({
    mutationFn: (request: KeySampleRequest) => startJob(scope, table, request),
    onSuccess: () => {
      setPending(null);
      return refresh();
    },
  });
  const cancel = useMutation({ mutationFn: (id: string) => cancelJob(scope, id), onSuccess: refresh });
  const job = latest.data?.job ?? null;
  const running = job?.status === "running";
  const engineer = useRole() === "engineer";
  // 409 with a request in hand: the table throttled recently; the user may start anyway, knowingly.
  const recentThrottling = start.error instanceof ApiError && start.error.status === 409 && pending !== null && !start.error.message.includes("already");

  return (
    <section aria-labelledby="key-sample-heading" className="space-y-4" data-testid="key-sample">
      <h2 id="key-sample-heading" className="flex items-center gap-2 text-lg font-semibold">
        Key distribution (storage)
        <TermHint term="key-sample" label="What the key sample measures">
          How the stored items and bytes are spread across partition keys. It shows which keys hold the most data, not which
          are used the most: for traffic, see Hot keys above.
        </TermHint>
      </h2>
      {latest.isError ? <ErrorPanel title="Could not load the last key sample" message={latest.error.message} onRetry={() => void latest.refetch()} /> : null}
      {!engineer ? <EngineersRunJobsNote noun="key sample" /> : null}
      {engineer && !running ? (
        <KeySampleForm
          detail={detail}
          starting={start.isPending}
          onStart={(request) => {
            setPending(request);
            start.mutate(request);
          }}
        />
      ) : null}
      {recentThrottling && pending ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <p>{start.error instanceof Error ? start.error.message : ""}</p>
          <button type="button" onClick={() => start.mutate({ ...pending, acknowledgeRecentThrottling: true })} className="rounded-md border border-amber-400 bg-white px-3 py-1 font-medium dark:bg-amber-900">
            Sample anyway
          </button>
        </div>
      ) : start.isError ? (
        <ErrorPanel title="The key sample did not start" message={start.error.message} />
      ) : null}
      {job ? <JobProgressView job={job} noun="key sample" onCancel={engineer ? () => cancel.mutate(job.id) : null} cancelling={cancel.isPending} /> : null}
      {job?.result ? <KeySampleResults table={table} result={job.result} linkKeys={!job.keysDigested} /> : null}
      {job?.status === "failed" && job.error ? <ErrorPanel title="The key sample failed" message={job.error.message} /> : null}
    </section>
  );
}
