import { describe, expect, it } from "vitest";
import type { StreamEventName, StreamRecordView } from "./stream-types";
import { formatTailCursor, keyValueText, parseTailCursor, TailBuffer, type TailSelection } from "./tail-buffer";

let counter = 0;
function record(eventName: StreamEventName, pk: StreamRecordView["keys"][string]): StreamRecordView {
  counter++;
  return { id: `e${counter}`, shardId: "s", sequenceNumber: String(counter), eventName, createdAt: null, readAt: counter, keys: { pk }, newImage: null, oldImage: null, sizeBytes: 10, ttlDelete: false };
}

const all: TailSelection = { afterSeq: null, limit: 100, events: null, keyPrefix: "", partitionKey: "pk" };

describe("TailBuffer", () => {
  it("answers newest first, at most limit", () => {
    const buffer = new TailBuffer();
    const records = [record("INSERT", { S: "a" }), record("MODIFY", { S: "b" }), record("REMOVE", { S: "c" })];
    buffer.push(records);
    expect(buffer.select(all).map((entry) => entry.id)).toEqual([records[2]?.id, records[1]?.id, records[0]?.id]);
    expect(buffer.select({ ...all, limit: 2 }).map((entry) => entry.id)).toEqual([records[2]?.id, records[1]?.id]);
    expect(buffer.lastSeq).toBe(3);
  });

  it("keeps only the newest `capacity` records, numbering on", () => {
    const buffer = new TailBuffer(3);
    buffer.push(Array.from({ length: 5 }, () => record("INSERT", { S: "x" })));
    expect(buffer.size).toBe(3);
    expect(buffer.lastSeq).toBe(5);
    expect(buffer.select({ ...all, afterSeq: 3 })).toHaveLength(2);
  });

  it("answers only records after a position", () => {
    const buffer = new TailBuffer();
    buffer.push([record("INSERT", { S: "old" })]);
    const position = buffer.lastSeq;
    expect(buffer.select({ ...all, afterSeq: position })).toEqual([]);
    const newer = record("MODIFY", { S: "new" });
    buffer.push([newer]);
    expect(buffer.select({ ...all, afterSeq: position })).toEqual([newer]);
  });

  it("filters by event name and by the partition key's text prefix (N as written, B as base64)", () => {
    const buffer = new TailBuffer();
    const user = record("INSERT", { S: "user#1" });
    const order = record("REMOVE", { S: "order#1" });
    const number = record("MODIFY", { N: "12345678901234567890123456789012345678" });
    const binary = record("INSERT", { B: "/wCABw==" });
    buffer.push([user, order, number, binary]);
    expect(buffer.select({ ...all, events: new Set(["INSERT"]) })).toEqual([binary, user]);
    expect(buffer.select({ ...all, keyPrefix: "user#" })).toEqual([user]);
    expect(buffer.select({ ...all, keyPrefix: "1234567890123" })).toEqual([number]);
    expect(buffer.select({ ...all, keyPrefix: "/wC" })).toEqual([binary]);
    expect(buffer.select({ ...all, keyPrefix: "user#", events: new Set(["REMOVE"]) })).toEqual([]);
  });
});

describe("tail cursors", () => {
  it("round-trip, and anything else is no cursor", () => {
    expect(parseTailCursor(formatTailCursor("t-1_A", 42))).toEqual({ tailId: "t-1_A", seq: 42 });
    for (const bad of ["", "abc", "t.", ".5", "t.-1", "t.1.2", "t.1e3", "a b.1"]) expect(parseTailCursor(bad)).toBeNull();
  });

  it("key text: S, N and B only", () => {
    expect(keyValueText({ S: "x" })).toBe("x");
    expect(keyValueText({ N: "-1.5" })).toBe("-1.5");
    expect(keyValueText({ B: "AA==" })).toBe("AA==");
    expect(keyValueText({ BOOL: true })).toBeNull();
    expect(keyValueText(undefined)).toBeNull();
  });
});
