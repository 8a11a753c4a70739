import type { StreamReadStats } from "@/lib/streams/stream-types";
import { readStatsRows } from "@/lib/streams/tail-status-text";

/** What reading cost the stream (GetRecords calls against the shared allowance), for the tail and the stream sample. */
export function ReadCost({ stats, title, testId }: { stats: StreamReadStats; title: string; testId: string }) {
  return (
    <div className="text-xs" data-testid={testId}>
      <p className="mb-1 font-semibold tracking-wide text-slate-500 uppercase">{title}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
        {readStatsRows(stats).map((row) => (
          <div key={row.label} className="contents">
            <dt className="text-slate-500">{row.label}</dt>
            <dd className={`tabular-nums ${row.warn ? "font-medium text-amber-800 dark:text-amber-300" : ""}`} data-stat={row.label}>
              {row.value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
