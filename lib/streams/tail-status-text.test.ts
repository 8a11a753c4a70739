import { describe, expect, it } from "vitest";
import type { StreamReadStats, TailState } from "./stream-types";
import { readStatsRows, shardRateText, tailStatusText } from "./tail-status-text";

const stats: StreamReadStats = { getRecordsCalls: 1234, throttledCalls: 0, callsPerShardPerSecond: 0.96, shardsReading: 2, shardsFinished: 1, shardsRead: 3, pollIntervalMs: 1000 };
const tail: TailState = { status: "running", stoppedReason: null, startedAt: Date.UTC(2026, 0, 1, 9, 0, 0), stopsAt: Date.UTC(2026, 0, 1, 9, 15, 0), error: null, stats };
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

describe("the tail's state in words", () => {
  it("says a running tail reads, since when and until when", () => {
    expect(tailStatusText(tail, clock)).toEqual({ tone: "live", text: "Reading the stream since 09:00:00; it stops by itself at 09:15:00 to spare the stream's read capacity." });
  });

  it("says why a tail stopped", () => {
    expect(tailStatusText({ ...tail, status: "stopped", stoppedReason: "cap" }, clock).text).toBe("Stopped after 15 min to spare the stream's read capacity.");
    expect(tailStatusText({ ...tail, status: "stopped", stoppedReason: "idle" }, clock).text).toMatch(/nobody was watching/);
    expect(tailStatusText({ ...tail, status: "stopped", stoppedReason: "error", error: "AccessDeniedException: not allowed" }, clock)).toEqual({ tone: "error", text: "Stopped by an error: AccessDeniedException: not allowed." });
    expect(tailStatusText(null, clock).text).toMatch(/no live tail has been started/);
  });
});

describe("the read cost", () => {
  it("compares the reader's rate with the ~5 calls a second a shard allows all readers", () => {
    expect(shardRateText(0.96)).toBe("1.0 a second per shard, of the ~5 each shard allows all readers together");
    expect(shardRateText(null)).toBe("not measured yet");
  });

  it("lists calls, rate, throttling, shards and the poll interval, flagging throttling and a greedy rate", () => {
    const rows = readStatsRows(stats);
    expect(rows.map((row) => `${row.label}: ${row.value}`)).toEqual([
      "GetRecords calls: 1,234",
      "Rate: 1.0 a second per shard, of the ~5 each shard allows all readers together",
      "Throttled calls: none",
      "Shards: 3 read: 2 reading now, 1 finished",
      "Poll interval: each shard at most every 1 s",
    ]);
    expect(rows.some((row) => row.warn)).toBe(false);
    const busy = readStatsRows({ ...stats, throttledCalls: 3, callsPerShardPerSecond: 4 });
    expect(busy.filter((row) => row.warn).map((row) => row.label)).toEqual(["Rate", "Throttled calls"]);
    expect(busy[2]?.value).toBe("3 (it backed off after each)");
  });
});
