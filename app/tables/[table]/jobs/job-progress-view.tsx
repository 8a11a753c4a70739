import type { JobSnapshot } from "@/lib/jobs/job-types";
import { formatCount } from "@/lib/format/format-count";

const STOP_TEXT = {
  end: "read the whole table",
  "sample-size": "read the sample",
  budget: "stopped at the RCU budget",
  throttled: "stopped because DynamoDB throttled it",
  cancelled: "was cancelled",
  failed: "failed",
} as const;

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

// A stream sample has no mode: it reads a stream, not a sample or all of the table.
type AnyJob = JobSnapshot<{ kind: string; mode?: "sample" | "full" }, unknown>;

/**
 * A running job's progress (items, RCU against budget, ETA) with Cancel, unless onCancel is null (viewers); or how the
 * last one ended. Shared by every job kind: one that reads no table (a stream sample spends no RCU) passes its own
 * `summary` of what it read, and `endedText` for how it ended.
 */
export function JobProgressView({ job, noun, onCancel, cancelling, summary, endedText }: { job: AnyJob; noun: string; onCancel: (() => void) | null; cancelling: boolean; summary?: string; endedText?: string }) {
  const { progress } = job;
  const running = job.status === "running";
  const percent = progress.fraction === null ? null : Math.round(progress.fraction * 100);
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="job-progress" data-status={job.status}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium">
          {running ? `Running the ${noun}…` : (endedText ?? `The ${job.params.mode === "full" ? "full" : "sample"} ${noun} ${job.stopReason ? STOP_TEXT[job.stopReason] : job.status}`)}
        </span>
        <span className="text-slate-600 tabular-nums dark:text-slate-400">
          {summary ?? `${formatCount(progress.itemsRead)} items · ${Math.round(progress.rcuUsed * 10) / 10} of ${formatCount(progress.rcuBudget)} RCU`} · {duration(progress.elapsedMs)}
          {running && progress.etaMs !== null ? ` · about ${duration(progress.etaMs)} left` : ""}
        </span>
        {running && onCancel ? (
          <button type="button" onClick={onCancel} disabled={cancelling} className="ml-auto rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
            {cancelling ? "Cancelling…" : "Cancel"}
          </button>
        ) : running ? null : (
          <span className="ml-auto text-xs text-slate-500">{job.finishedAt ? `finished ${new Date(job.finishedAt).toLocaleString()}` : ""}</span>
        )}
      </div>
      {running ? (
        <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label={`${noun} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent ?? undefined}>
          <div className={`h-full bg-sky-600 ${percent === null ? "w-1/3 animate-pulse" : ""}`} style={percent === null ? undefined : { width: `${percent}%` }} />
        </div>
      ) : null}
      {job.throttle ? (
        <p className="text-amber-800 dark:text-amber-300">
          DynamoDB throttled the {noun} ({job.throttle.reason ?? "no reason given"}), so it stopped to leave the table alone. The results cover what it read.
        </p>
      ) : null}
    </div>
  );
}
