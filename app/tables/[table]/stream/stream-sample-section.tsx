"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useScope } from "@/components/layout/scope-context";
import { TermHint } from "@/components/glossary/term-hint";
import { ErrorPanel } from "@/components/ui/error-panel";
import { formatCount } from "@/lib/format/format-count";
import { cancelJob, jobsKeys, jobsQueries, startJob } from "@/lib/queries/jobs-queries";
import type { StreamSampleParams, StreamSampleRequest, StreamSampleResult } from "@/lib/streams/stream-types";
import { streamSampleEndText } from "@/lib/streams/stream-sample-view";
import { JobProgressView } from "../jobs/job-progress-view";
import { StreamEngineersNote } from "./stream-engineers-note";
import { StreamSampleForm } from "./stream-sample-form";
import { StreamSampleResults } from "./stream-sample-results";

type Props = { table: string; engineer: boolean; timeZone: "UTC" | "local"; clock: (ms: number) => string };

/**
 * Write traffic per key, from the stream (job kind "stream-sample"): which keys take the most writes right now, even
 * without Contributor Insights. Runs on the server as a job, so it survives leaving the page; everyone sees the
 * latest result, only engineers start or cancel one.
 */
export function StreamSampleSection({ table, engineer, timeZone, clock }: Props) {
  const scope = useScope();
  const queryClient = useQueryClient();
  const latest = useQuery(jobsQueries.latest<StreamSampleParams, StreamSampleResult>(scope, table, "stream-sample"));
  const refresh = () => queryClient.invalidateQueries({ queryKey: jobsKeys.latest(scope, table, "stream-sample") });
  // Refreshed on failure too: a 409 because another engineer's sample is running should show that sample.
  const start = useMutation({ mutationFn: (request: StreamSampleRequest) => startJob(scope, table, request), onSettled: refresh });
  const cancel = useMutation({ mutationFn: (id: string) => cancelJob(scope, id), onSuccess: refresh });
  const job = latest.data?.job ?? null;
  const running = job?.status === "running";

  return (
    <section aria-labelledby="stream-sample-heading" className="space-y-4" data-testid="stream-sample">
      <h2 id="stream-sample-heading" className="flex items-center gap-2 text-lg font-semibold">
        Write sample
        <TermHint term="hot-key" label="What the write sample measures">
          It reads the table&apos;s stream for a while and counts the writes each key takes: the write traffic per key, right now. A key that takes more than one partition&apos;s write limit gets throttled however much capacity the table has. Reads never appear in a stream.
        </TermHint>
      </h2>
      {latest.isError ? <ErrorPanel title="Could not load the last stream sample" message={latest.error.message} onRetry={() => void latest.refetch()} /> : null}
      {latest.isPending ? <div aria-busy="true" className="h-24 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" /> : null}
      {!engineer ? <StreamEngineersNote /> : null}
      {engineer && !running && !latest.isPending ? <StreamSampleForm starting={start.isPending} onStart={(request) => start.mutate(request)} /> : null}
      {start.isError ? <ErrorPanel title="The stream sample did not start" message={start.error.message} /> : null}
      {job ? (
        <JobProgressView
          job={job}
          noun="stream sample"
          onCancel={engineer ? () => cancel.mutate(job.id) : null}
          cancelling={cancel.isPending}
          summary={`${formatCount(job.progress.itemsRead)} records read`}
          endedText={streamSampleEndText(job)}
        />
      ) : null}
      {cancel.isError ? <ErrorPanel title="Could not cancel the stream sample" message={cancel.error.message} /> : null}
      {job?.result ? <StreamSampleResults table={table} result={job.result} linkKeys={!job.keysDigested} timeZone={timeZone} clock={clock} /> : null}
      {job?.status === "failed" && job.error ? <ErrorPanel title="The stream sample failed" message={job.error.message} /> : null}
      {latest.data && job === null && !engineer ? <p className="text-sm text-slate-600 dark:text-slate-400">No stream sample has been run on this table yet.</p> : null}
    </section>
  );
}
