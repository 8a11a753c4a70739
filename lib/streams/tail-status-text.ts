import { formatCount } from "@/lib/format/format-count";
import { formatDuration } from "@/lib/format/format-duration";
import type { StreamReadStats, TailState } from "./stream-types";

/**
 * AWS's GetRecords allowance per shard, shared by every reader of the stream (the table's Lambda triggers and KCL
 * applications included). A reader's own rate is shown against it.
 */
export const SHARD_READS_PER_SECOND = 5;

export type TailStatusText = { tone: "live" | "stopped" | "error"; text: string };

/**
 * The tail's state in a sentence: reading (and until when), or stopped and why. `null` tail: nobody started one since
 * the server last restarted.
 */
export function tailStatusText(tail: TailState | null, clock: (ms: number) => string): TailStatusText {
  if (tail === null) return { tone: "stopped", text: "Not reading: no live tail has been started on this table." };
  if (tail.status === "running") return { tone: "live", text: `Reading the stream since ${clock(tail.startedAt)}; it stops by itself at ${clock(tail.stopsAt)} to spare the stream's read capacity.` };
  switch (tail.stoppedReason) {
    case "cap":
      return { tone: "stopped", text: `Stopped after ${formatDuration(tail.stopsAt - tail.startedAt)} to spare the stream's read capacity.` };
    case "idle":
      return { tone: "stopped", text: "Stopped because nobody was watching: it stops reading a minute after the last page asked for records." };
    case "error":
      return { tone: "error", text: `Stopped by an error: ${tail.error ?? "no detail given"}.` };
    default:
      return { tone: "stopped", text: "Stopped." };
  }
}

/** The rate a reader makes against the shared allowance, e.g. "0.9 of the ~5 a second each shard allows all readers". */
export function shardRateText(callsPerShardPerSecond: number | null): string {
  if (callsPerShardPerSecond === null) return "not measured yet";
  const rate = callsPerShardPerSecond < 10 ? callsPerShardPerSecond.toFixed(1) : formatCount(Math.round(callsPerShardPerSecond));
  return `${rate} a second per shard, of the ~${SHARD_READS_PER_SECOND} each shard allows all readers together`;
}

/**
 * The read cost as label/value pairs, for the tail and the stream sample alike. A rate above half the allowance is
 * flagged: AWS advises at most two readers per shard, so one reader taking more than half leaves the other (often the
 * table's own Lambda trigger) less than its share.
 */
export function readStatsRows(stats: StreamReadStats): Array<{ label: string; value: string; warn: boolean }> {
  return [
    { label: "GetRecords calls", value: formatCount(stats.getRecordsCalls), warn: false },
    { label: "Rate", value: shardRateText(stats.callsPerShardPerSecond), warn: stats.callsPerShardPerSecond !== null && stats.callsPerShardPerSecond > SHARD_READS_PER_SECOND / 2 },
    { label: "Throttled calls", value: stats.throttledCalls === 0 ? "none" : `${formatCount(stats.throttledCalls)} (it backed off after each)`, warn: stats.throttledCalls > 0 },
    { label: "Shards", value: `${formatCount(stats.shardsRead)} read: ${formatCount(stats.shardsReading)} reading now, ${formatCount(stats.shardsFinished)} finished`, warn: false },
    { label: "Poll interval", value: `each shard at most every ${formatDuration(stats.pollIntervalMs)}`, warn: false },
  ];
}
