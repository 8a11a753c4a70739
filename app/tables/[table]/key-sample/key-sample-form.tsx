"use client";

import { useState, type FormEvent } from "react";
import type { KeySampleRequest } from "@/lib/jobs/job-types";
import type { TableDetail } from "@/lib/tables/table-detail";

export function KeySampleForm({ detail, onStart, starting }: { detail: TableDetail; onStart: (request: KeySampleRequest) => void; starting: boolean }) {
  const [mode, setMode] = useState<"sample" | "full">("sample");
  const [sampleSize, setSampleSize] = useState("5000");
  const [rcuBudget, setRcuBudget] = useState("500");
  const [rate, setRate] = useState("");
  const [segments, setSegments] = useState("4");
  const [index, setIndex] = useState("");
  const input = "w-28 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-950";
  const field = "flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart({
      kind: "key-sample",
      mode,
      sampleSize: mode === "sample" ? Number(sampleSize) : undefined,
      rcuBudget: Number(rcuBudget),
      rcuPerSecond: rate.trim() === "" ? undefined : Number(rate),
      segments: Number(segments),
      index: index || undefined,
    });
  };

  return (
    <form onSubmit={submit} aria-label="Key sample settings" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
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
        <input value={rate} onChange={(event) => setRate(event.target.value)} inputMode="decimal" placeholder="auto" className={input} />
      </label>
      <label className={field}>
        Segments
        <input value={segments} onChange={(event) => setSegments(event.target.value)} inputMode="numeric" className={`${input} w-20`} />
      </label>
      {detail.gsis.length > 0 ? (
        <label className={field}>
          Count by
          <select value={index} onChange={(event) => setIndex(event.target.value)} className={`${input} w-36`}>
            <option value="">the table&apos;s key</option>
            {detail.gsis.map((gsi) => (
              <option key={gsi.name} value={gsi.name}>
                GSI {gsi.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" disabled={starting} className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {starting ? "Starting…" : "Sample keys"}
      </button>
      <p className="w-full text-xs text-slate-500">Auto rate: a tenth of the provisioned reads, or a small fixed rate on on-demand tables. It stops at once if the table throttles.</p>
    </form>
  );
}
