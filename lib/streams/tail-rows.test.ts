import { describe, expect, it } from "vitest";
import { STREAM_EVENT_NAMES, type StreamRecordView, type StreamRecordsResponse, type TailState } from "./stream-types";
import { applyTailResponse, tailPollInterval, tailRequestParams, type TailRequest } from "./tail-rows";

const record = (n: number): StreamRecordView => ({
  id: `event-${n}`,
  shardId: "shardId-1",
  sequenceNumber: String(1000 + n),
  eventName: "MODIFY",
  createdAt: 1_700_000_000_000 + n * 1000,
  readAt: 1_700_000_000_500 + n * 1000,
  keys: { PK: { S: `CUSTOMER#${n}` } },
  newImage: { PK: { S: `CUSTOMER#${n}` }, total: { N: "12345678901234567890123456789012345678" } },
  oldImage: null,
  sizeBytes: 100 + n,
  ttlDelete: false,
});

const tail: TailState = {
  status: "running",
  stoppedReason: null,
  startedAt: 1_700_000_000_000,
  stopsAt: 1_700_000_900_000,
  error: null,
  stats: { getRecordsCalls: 10, throttledCalls: 0, callsPerShardPerSecond: 1, shardsReading: 1, shardsFinished: 0, shardsRead: 1, pollIntervalMs: 1000 },
};

/** A response holding records `from`..`to`, newest first, as the API sends them. */
const page = (from: number, to: number, extra: Partial<StreamRecordsResponse> = {}): StreamRecordsResponse => ({
  stream: { arn: "arn:stream", label: "2026-01-01T00:00:00.000", viewType: "NEW_AND_OLD_IMAGES", status: "ENABLED", shards: { open: 1, closed: 0 } },
  records: Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => record(to - i)),
  cursor: `cursor-${to}`,
  reset: false,
  tail,
  buffered: to,
  ...extra,
});

describe("merging tail pages", () => {
  it("takes the first page as it comes", () => {
    const snapshot = applyTailResponse(undefined, page(1, 3));
    expect(snapshot.rows.map((row) => row.id)).toEqual(["event-3", "event-2", "event-1"]);
    expect(snapshot.cursor).toBe("cursor-3");
    expect(snapshot.tail).toEqual(tail);
    expect(snapshot).not.toHaveProperty("records");
  });

  it("puts newer records on top, keeps the held rows' identity, and takes the newest cursor and state", () => {
    const first = applyTailResponse(undefined, page(1, 3));
    const stopped = { ...tail, status: "stopped" as const, stoppedReason: "cap" as const };
    const second = applyTailResponse(first, page(4, 5, { tail: stopped }));
    expect(second.rows.map((row) => row.id)).toEqual(["event-5", "event-4", "event-3", "event-2", "event-1"]);
    expect(second.rows[2]).toBe(first.rows[0]);
    expect(second.cursor).toBe("cursor-5");
    expect(second.tail?.stoppedReason).toBe("cap");
  });

  it("does not show a record twice when a page repeats one", () => {
    const first = applyTailResponse(undefined, page(1, 3));
    const second = applyTailResponse(first, page(3, 4));
    expect(second.rows.map((row) => row.id)).toEqual(["event-4", "event-3", "event-2", "event-1"]);
  });

  it("keeps the same rows array and the old cursor when a poll brings nothing", () => {
    const first = applyTailResponse(undefined, page(1, 3));
    const empty = applyTailResponse(first, { ...page(1, 0), cursor: null });
    expect(empty.rows).toBe(first.rows);
    expect(empty.cursor).toBe("cursor-3");
  });

  it("replaces everything on reset", () => {
    const first = applyTailResponse(undefined, page(1, 3));
    const reset = applyTailResponse(first, page(100, 101, { reset: true }));
    expect(reset.rows.map((row) => row.id)).toEqual(["event-101", "event-100"]);
  });

  it("keeps at most `max` rows, dropping the oldest", () => {
    const first = applyTailResponse(undefined, page(1, 8), 5);
    expect(first.rows.map((row) => row.id)).toEqual(["event-8", "event-7", "event-6", "event-5", "event-4"]);
    const second = applyTailResponse(first, page(9, 10), 5);
    expect(second.rows.map((row) => row.id)).toEqual(["event-10", "event-9", "event-8", "event-7", "event-6"]);
  });

  it("keeps a response without a stream as it is", () => {
    const none = applyTailResponse(undefined, { stream: null, records: [], cursor: null, reset: false, tail: null, buffered: 0 });
    expect(none.stream).toBeNull();
    expect(none.rows).toEqual([]);
  });
});

describe("the records request", () => {
  const base: TailRequest = { limit: 500, after: null, events: STREAM_EVENT_NAMES, keyPrefix: "", resume: false };

  it("asks for the latest records without filters", () => {
    expect(tailRequestParams(base, STREAM_EVENT_NAMES).toString()).toBe("limit=500");
  });

  it("carries the cursor, the filters and resume", () => {
    const params = tailRequestParams({ ...base, after: "abc=", events: ["REMOVE", "INSERT"], keyPrefix: "CUSTOMER#1", resume: true }, STREAM_EVENT_NAMES);
    expect(params.toString()).toBe("limit=500&after=abc%3D&eventName=INSERT%2CREMOVE&keyPrefix=CUSTOMER%231&resume=1");
  });
});

describe("polling", () => {
  it("polls about once a second while the tail reads, rarely while it is stopped, never when paused or streamless", () => {
    const running = applyTailResponse(undefined, page(1, 1));
    expect(tailPollInterval(running, false)).toBe(1_000);
    expect(tailPollInterval(running, true)).toBe(false);
    const stopped = applyTailResponse(undefined, page(1, 1, { tail: { ...tail, status: "stopped", stoppedReason: "idle" } }));
    expect(tailPollInterval(stopped, false)).toBe(5_000);
    expect(tailPollInterval(applyTailResponse(undefined, page(1, 1, { tail: null })), false)).toBe(5_000);
    expect(tailPollInterval(applyTailResponse(undefined, { ...page(1, 0), stream: null, tail: null }), false)).toBe(false);
  });
});
