"use client";

import { useState, type FormEvent } from "react";
import type { StreamSampleRequest, StreamStartingPosition } from "@/lib/streams/stream-types";

const POSITION_TEXT: Record<StreamStartingPosition, string> = {
  LATEST: "LATEST counts the writes made from now on, for the duration.",
  TRIM_HORIZON: "TRIM_HORIZON starts with everything the stream still holds (up to the last 24 hours), so it reads a backlog first.",
};

/**
 * The stream sample's settings. The limits (the longest duration this deployment allows, STREAM_SAMPLE_MAX_SECONDS)
 * live on the server, which names them when a request exceeds them.
 */
export function StreamSampleForm({ onStart, starting }: { onStart: (request: StreamSampleRequest) => void; starting: boolean }) {
  const [duration, setDuration] = useState("60");
  const [maxRecords, setMaxRecords] = useState("");
  const [position, setPosition] = useState<StreamStartingPosition>("LATEST");
  const input = "w-28 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-950";
  const field = "flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart({
      kind: "stream-sample",
      durationSeconds: Number(duration),
      maxRecords: maxRecords.trim() === "" ? undefined : Number(maxRecords),
      startingPosition: position,
    });
  };

  return (
    <form onSubmit={submit} aria-label="Stream sample settings" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <label className={field}>
        Duration (seconds)
        <input value={duration} onChange={(event) => setDuration(event.target.value)} inputMode="numeric" required className={input} />
      </label>
      <label className={field}>
        Stop after (records)
        <input value={maxRecords} onChange={(event) => setMaxRecords(event.target.value)} inputMode="numeric" placeholder="no limit" className={input} />
      </label>
      <label className={field}>
        Start from
        <select value={position} onChange={(event) => setPosition(event.target.value === "TRIM_HORIZON" ? "TRIM_HORIZON" : "LATEST")} className={`${input} w-36`}>
          <option value="LATEST">LATEST</option>
          <option value="TRIM_HORIZON">TRIM_HORIZON</option>
        </select>
      </label>
      <button type="submit" disabled={starting} className="rounded-md bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
        {starting ? "Starting…" : "Start stream sample"}
      </button>
      <p className="w-full text-xs text-slate-500" data-testid="starting-position-note">
        {POSITION_TEXT[position]} Each shard is read about once a second, backing off if the stream throttles; no table capacity is used.
      </p>
    </form>
  );
}
