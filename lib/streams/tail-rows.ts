import type { StreamEventName, StreamRecordView, StreamRecordsResponse } from "./stream-types";

/** Rows the page keeps: enough to read back a burst, few enough that re-rendering every second stays cheap. */
export const TAIL_MAX_ROWS = 500;

/** What the live tail shows: the rows it has merged so far, and the newest response's cursor and state. */
export type TailSnapshot = Omit<StreamRecordsResponse, "records"> & { rows: StreamRecordView[] };

/**
 * Merges one records response into what the page holds, newest first.
 * - No earlier snapshot, or `reset` (the cursor belonged to an earlier tail the server replaced): the page's rows.
 * - Otherwise the response holds records newer than the cursor: they go on top. A record already held (same
 *   eventID) is not shown twice, in case a response repeats one.
 * Rows already held keep their object identity, so a memoised row does not re-render.
 */
export function applyTailResponse(previous: TailSnapshot | undefined, response: StreamRecordsResponse, max = TAIL_MAX_ROWS): TailSnapshot {
  const { records, ...meta } = response;
  if (previous === undefined || response.reset) return { ...meta, rows: records.slice(0, max) };
  const held = new Set(previous.rows.map((row) => row.id));
  const newer = records.filter((record) => !held.has(record.id));
  // A response with nothing new keeps the same array, so nothing below it re-renders.
  const rows = newer.length === 0 ? previous.rows : [...newer, ...previous.rows].slice(0, max);
  // An empty poll may come back without a cursor; keep the one we had so the next poll still asks for newer records.
  return { ...meta, cursor: meta.cursor ?? previous.cursor, rows };
}

/** What one poll asks the records API for. */
export type TailRequest = {
  limit: number;
  /** The previous response's cursor: only records newer than it. */
  after: string | null;
  events: readonly StreamEventName[];
  keyPrefix: string;
  /** Start the tail if it is not reading (engineers only; the server refuses it for viewers). */
  resume: boolean;
};

/**
 * The query string of GET /api/tables/:table/stream/records. The event filter is left out when it names all three
 * (no filter), and sent as one comma-separated `eventName` otherwise.
 */
export function tailRequestParams(request: TailRequest, allEvents: readonly StreamEventName[]): URLSearchParams {
  const params = new URLSearchParams();
  params.set("limit", String(request.limit));
  if (request.after !== null) params.set("after", request.after);
  const events = allEvents.filter((name) => request.events.includes(name));
  if (events.length > 0 && events.length < allEvents.length) params.set("eventName", events.join(","));
  if (request.keyPrefix !== "") params.set("keyPrefix", request.keyPrefix);
  if (request.resume) params.set("resume", "1");
  return params;
}

/**
 * How often to ask for newer records: about once a second while the tail reads; rarely while it is stopped (to
 * notice an engineer starting it); never while the reader paused. The server reads the stream on its own schedule,
 * so polling faster would not fetch anything sooner.
 */
export function tailPollInterval(snapshot: TailSnapshot | undefined, paused: boolean): number | false {
  if (paused) return false;
  if (snapshot?.stream === null) return false;
  return snapshot?.tail?.status === "running" ? 1_000 : 5_000;
}
