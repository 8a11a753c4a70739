import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { Scope } from "@/lib/scope/scope";
import { presentItem, type Access } from "@/lib/server/auth/access";
import { parseInput } from "@/lib/server/http/route-helpers";
import { describeTable } from "@/lib/server/tables/describe-table";
import { STREAM_EVENT_NAMES, type StreamEventName, type StreamRecordView, type StreamRecordsResponse } from "@/lib/streams/stream-types";
import { formatTailCursor, parseTailCursor } from "@/lib/streams/tail-buffer";
import { assertMayTailStream, streamTails } from "./stream-tail";
import { streamOfTable } from "./table-stream";

export type StreamRecordsQuery = { limit: number; after: string | null; events: ReadonlySet<StreamEventName> | null; keyPrefix: string; resume: boolean };

const eventListSchema = z
  .string()
  .transform((text) => text.split(",").map((entry) => entry.trim()).filter((entry) => entry.length > 0))
  .pipe(z.array(z.enum(STREAM_EVENT_NAMES as [StreamEventName, ...StreamEventName[]]), { error: "must be a comma-separated list of INSERT, MODIFY and REMOVE" }).min(1, "must name at least one of INSERT, MODIFY and REMOVE"));

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z
    .string()
    .max(200)
    .refine((cursor) => parseTailCursor(cursor) !== null, "is not a cursor this API handed out")
    .optional(),
  eventName: eventListSchema.optional(),
  keyPrefix: z.string().max(2_048).default(""),
  resume: z.enum(["1", "0", "true", "false"]).optional(),
});

/** GET /api/tables/:table/stream/records query parameters (see StreamRecordsResponse); bad input is a 400 naming the field. */
export function parseStreamRecordsQuery(url: URL): StreamRecordsQuery {
  const raw = Object.fromEntries([...url.searchParams].filter(([name]) => ["limit", "after", "eventName", "keyPrefix", "resume"].includes(name)));
  const query = parseInput(querySchema, raw);
  const events = query.eventName && new Set(query.eventName).size < STREAM_EVENT_NAMES.length ? new Set(query.eventName) : null;
  return { limit: query.limit, after: query.after ?? null, events, keyPrefix: query.keyPrefix, resume: query.resume === "1" || query.resume === "true" };
}

function presentRecord(record: StreamRecordView, access: Access, keyAttributes: readonly string[]): StreamRecordView {
  return {
    ...record,
    keys: presentItem(record.keys, access, keyAttributes),
    newImage: record.newImage && presentItem(record.newImage, access, keyAttributes),
    oldImage: record.oldImage && presentItem(record.oldImage, access, keyAttributes),
  };
}

/**
 * The live tail's records for one request. Any request keeps a running tail alive; resume=1 (engineers only) starts
 * it when it is not reading. Values reach viewers as the item browser shows them: redacted attributes masked, the
 * table's key never.
 */
export async function streamRecords(scope: Scope, table: string, access: Access, query: StreamRecordsQuery): Promise<StreamRecordsResponse> {
  // Hidden and missing tables are a 404 before anything else is said about them.
  const [detail, stream] = await Promise.all([describeTable(scope, table), streamOfTable(scope, table)]);
  if (query.resume) assertMayTailStream(access);
  const redacted = access.role === "engineer" ? {} : { redacted: true as const };
  if (!stream) return { stream: null, records: [], cursor: null, reset: false, tail: null, buffered: 0, ...redacted };
  const tails = streamTails();
  const tail = query.resume ? tails.resume(scope, table, stream.arn) : tails.find(scope, table);
  const after = query.after === null ? null : parseTailCursor(query.after);
  if (!tail) return { stream, records: [], cursor: null, reset: after !== null, tail: null, buffered: 0, ...redacted };
  tails.touch(tail);
  // A cursor from an earlier tail (stopped and restarted, or a restarted server) says nothing about this one's records.
  const reset = after !== null && after.tailId !== tail.id;
  if (after !== null && !reset && after.seq > tail.buffer.lastSeq) throw new AppError("BAD_REQUEST", "after: this cursor is ahead of the tail; use a cursor this API handed out.");
  const keyAttributes = detail.keys.sortKey ? [detail.keys.partitionKey.name, detail.keys.sortKey.name] : [detail.keys.partitionKey.name];
  const records = tail.buffer.select({ afterSeq: reset || after === null ? null : after.seq, limit: query.limit, events: query.events, keyPrefix: query.keyPrefix, partitionKey: detail.keys.partitionKey.name });
  return {
    stream,
    records: access.role === "engineer" ? records : records.map((record) => presentRecord(record, access, keyAttributes)),
    cursor: formatTailCursor(tail.id, tail.buffer.lastSeq),
    reset,
    tail: tails.state(tail),
    buffered: tail.buffer.size,
    ...redacted,
  };
}
