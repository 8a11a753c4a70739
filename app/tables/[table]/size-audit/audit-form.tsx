"use client";

import { useState, type FormEvent } from "react";
import { DEFAULT_SIZE_THRESHOLD_BYTES, sizeAuditParamsSchema } from "@/lib/jobs/job-params";
import type { SizeAuditParams } from "@/lib/jobs/job-types";
import type { TableDetail } from "@/lib/tables/table-detail";

/** A polite default: a fifth of provisioned reads, or 50 RCU/s on on-demand tables. */
function defaultRate(detail: TableDetail): number {
  return detail.provisioned ? Math.max(1, Math.floor(detail.provisioned.read / 5)) : 50;
}

export function AuditForm({ detail, onStart, starting }: { detail: TableDetail; onStart: (params: SizeAuditParams) => void; starting: boolean }) {
  const [mode, setMode] = useState<"sample" | "full">("sample");
  const [sampleSize, setSampleSize] = useState("2000");
  const [rcuBudget, setRcuBudget] = useState("500");
  const [rcuPerSecond, setRcuPerSecond] = useState(String(defaultRate(detail)));
  const [segments, setSegments] = useState("4");
  const [thresholdKb, setThresholdKb] = useState(String(DEFAULT_SIZE_THRESHOLD_BYTES / 1024));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = sizeAuditParamsSchema.safeParse({
      kind: "size-audit",
      mode,
      sampleSize: mode === "sample" ? Number(sampleSize) : undefined,
      rcuBudget: Number(rcuBudget),
      rcuPerSecond: Number(rcuPerSecond),
      segments: Number(segments),
      thresholdBytes: Math.round(Number(thresholdKb) * 1024),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue ? `${issue.path.join(".")} ${issue.message}` : "Check the values.");
      return;
    }
    setProblem(null);
    onStart(parsed.data);
  };
  const input = "w-28 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-950";
  const field = "flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400";

  return (
    <form onSubmit={submit} aria-label="Size audit settings" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <label className={field}>
        Read
        <select value={mode} onChange={(event) => setMode(event.target.value === "full" ? "full" : "sample")} className={input}>
          <option value="sample">a sample</option>
          <option value="full">the whole table</option>
        </select>
      </label>
      {mode === "sample" ? (
        <label className={field}>
          Items
          <input value={sampleSize} onChange={(event) => setSampleSize(event.target.value)} inputMode="numeric" className={input} />
        </label>
      ) : null}
      <label className={field}>
        RCU budget
        <input value={rcuBudget} onChange={(event) => setRcuBudget(event.target.value)} inputMode="decimal" className={input} />
      </label>
      <label className={field}>
        Max RCU per second
        <input value={rcuPerSecond} onChange={(event) => setRcuPerSecond(event.target.value)} inputMode="decimal" className={input} />
      </label>
      <label className={field}>
        Parallel segments
        <input value={segments} onChange={(event) => setSegments(event.target.value)} inputMode="numeric" className={`${input} w-20`} />
      </label>
      <label className={field}>
        List items from (KB)
        <input value={thresholdKb} onChange={(event) => setThresholdKb(event.target.value)} inputMode="decimal" className={`${input} w-24`} />
      </label>
      <button type="submit" disabled={starting} className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {starting ? "Starting…" : "Run size audit"}
      </button>
      {problem ? (
        <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-400">
          {problem}
        </p>
      ) : (
        <p className="w-full text-xs text-slate-500">
          Reads are eventually consistent and cost about 1 RCU per 8 KB examined. The audit stops at the budget, or at once if the table throttles.
        </p>
      )}
    </form>
  );
}
