import type { WireValue } from "@/lib/dynamo/wire-value";
import type { StreamEventName, StreamRecordView } from "./stream-types";

/** Records one tail keeps in memory: a few minutes of a busy table's writes, a few MB at most. */
export const TAIL_BUFFER_SIZE = 2_000;

export type TailSelection = {
  /** Only records after this position (a cursor's seq); null for the newest. */
  afterSeq: number | null;
  limit: number;
  /** null: every event name. */
  events: ReadonlySet<StreamEventName> | null;
  /** Matches the start of the partition key value's text (S and N as written, B as base64); "" matches all. */
  keyPrefix: string;
  partitionKey: string;
};

/** A key value's text, as the key prefix filter matches it: S and N as written, B as base64. */
export function keyValueText(value: WireValue | undefined): string | null {
  if (value === undefined) return null;
  if ("S" in value) return value.S;
  if ("N" in value) return value.N;
  if ("B" in value) return value.B;
  return null;
}

/**
 * The newest stream records a tail has read, each numbered in the order it was read (its position, for cursors).
 * Records of one shard arrive in their sequence order; across shards, the order read is as close to the order written
 * as the poll interval allows. The oldest are dropped past `capacity`. Client-safe and pure.
 */
export class TailBuffer {
  private readonly entries: Array<{ seq: number; record: StreamRecordView }> = [];
  private seq = 0;

  constructor(private readonly capacity = TAIL_BUFFER_SIZE) {}

  push(records: readonly StreamRecordView[]): void {
    for (const record of records) this.entries.push({ seq: ++this.seq, record });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** The position of the newest record read (0 before any). */
  get lastSeq(): number {
    return this.seq;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Newest first, filtered, at most `limit`. */
  select(selection: TailSelection): StreamRecordView[] {
    const result: StreamRecordView[] = [];
    for (let index = this.entries.length - 1; index >= 0 && result.length < selection.limit; index--) {
      const entry = this.entries[index];
      if (entry === undefined) continue;
      if (selection.afterSeq !== null && entry.seq <= selection.afterSeq) break;
      const record = entry.record;
      if (selection.events && !selection.events.has(record.eventName)) continue;
      if (selection.keyPrefix !== "" && !(keyValueText(record.keys[selection.partitionKey])?.startsWith(selection.keyPrefix) ?? false)) continue;
      result.push(record);
    }
    return result;
  }
}

/** The opaque cursor a response hands out: which tail, and the position of the newest record it had read. */
export function formatTailCursor(tailId: string, seq: number): string {
  return `${tailId}.${seq}`;
}

export function parseTailCursor(cursor: string): { tailId: string; seq: number } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,15})$/.exec(cursor);
  if (!match?.[1] || !match[2]) return null;
  return { tailId: match[1], seq: Number(match[2]) };
}
