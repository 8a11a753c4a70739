"use client";

import { useScope } from "@/components/layout/scope-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TermHint } from "@/components/glossary/term-hint";
import type { SizeAuditParams, SizeAuditResult } from "@/lib/jobs/job-types";
import { cancelJob, jobsKeys, jobsQueries, startJob } from "@/lib/queries/jobs-queries";
import type { TableDetail } from "@/lib/tables/table-detail";
import { AuditForm } from "./audit-form";
import { useRole } from "@/components/layout/role-context";
import { EngineersRunJobsNote } from "../jobs/engineers-run-jobs-note";
import { JobProgressView } from "../jobs/job-progress-view";
import { AuditResults } from "./audit-results";

/** Start a size audit, watch it, cancel it, and read its results, which outlive the job until a newer audit replaces them. */
export function SizeAuditSection({ detail }: { detail: TableDetail }) {
  const scope = useScope();
  const table = detail.name;
  const queryClient = useQueryClient();
  const latest = useQuery(jobsQueries.latest<SizeAuditParams, SizeAuditResult>(scope, table, "size-audit"));
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobsKeys.latest(scope, table, "size-audit") });
  const start = useMutation({ mutationFn: (params: SizeAuditParams) => startJob(scope, table, params), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: (id: string) => cancelJob(scope, id), onSuccess: refresh });
  const job = latest.data?.job ?? null;
  const running = job?.status === "running";
  const engineer = useRole() === "engineer";

  return (
    <section aria-labelledby="size-audit-heading" className="space-y-4" data-testid="size-audit">
      <h2 id="size-audit-heading" className="flex items-center gap-2 text-lg font-semibold">
        Item sizes
        <TermHint term="size-audit" label="What the size audit does">
          Reads items (a sample, or the whole table) within a capacity budget and a rate limit, sizes each one exactly by
          DynamoDB&apos;s rules, and reports how close items come to the 400 KB limit. It only reads; it stops at once if
          DynamoDB starts throttling.
        </TermHint>
      </h2>
      {latest.isError ? <ErrorPanel title="Could not load the last audit" message={latest.error.message} onRetry={() => void latest.refetch()} /> : null}
      {!engineer ? <EngineersRunJobsNote noun="size audit" /> : null}
      {engineer && !running ? <AuditForm detail={detail} onStart={(params) => start.mutate(params)} starting={start.isPending} /> : null}
      {start.isError ? <ErrorPanel title="The audit did not start" message={start.error.message} /> : null}
      {job ? <JobProgressView job={job} noun="audit" onCancel={engineer ? () => cancel.mutate(job.id) : null} cancelling={cancel.isPending} /> : null}
      {job?.result ? <AuditResults table={table} result={job.result} detail={detail} linkKeys={!job.keysDigested} /> : null}
      {job?.status === "failed" && job.error ? <ErrorPanel title="The audit failed" message={job.error.message} /> : null}
    </section>
  );
}
