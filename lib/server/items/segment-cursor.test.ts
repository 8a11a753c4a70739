import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { encodeCursor, MAX_CURSOR_LENGTH, sealCursorBody } from "./cursor-codec";
import { decodeSegmentCursor, encodeSegmentCursor, type SegmentCursor } from "./segment-cursor";

const ATTRS = ["PK", "SK"];
const SCOPE = '["partitions","Shop",null]';
const position = (segment: number) => ({ segment, startKey: { PK: { S: `CUST#${String(segment).padStart(5, "0")}` }, SK: { S: `ORDER#${String(segment * 7).padStart(6, "0")}` } } });
const cursorOf = (open: number[], totalSegments = 200, dropped = 0): SegmentCursor => ({ totalSegments, open: open.map(position), dropped });

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).message;
  }
  throw new Error("expected a 400");
}

/** A cursor with a valid signature whose payload is whatever the test says: it reaches the checks after the signature. */
const forged = (payload: unknown) => sealCursorBody(deflateRawSync(Buffer.from(JSON.stringify(payload))).toString("base64url"));

describe("segment cursors", () => {
  it("round-trips 200 open segments of a research-shaped key well inside the URL-safe length", () => {
    const cursor = cursorOf(Array.from({ length: 197 }, (_, i) => i + 3), 200, 3);
    const { cursor: text, dropped } = encodeSegmentCursor(SCOPE, cursor, ATTRS);
    expect(dropped).toBe(0);
    expect(text?.length).toBeLessThan(MAX_CURSOR_LENGTH / 2);
    expect(decodeSegmentCursor(text ?? "", SCOPE, ATTRS)).toEqual(cursor);
  });

  it("answers no cursor when every segment is done", () => {
    expect(encodeSegmentCursor(SCOPE, cursorOf([]), ATTRS)).toEqual({ cursor: null, dropped: 0 });
  });

  it("leaves out the positions that do not fit, counting them as dropped, and carries the count on", () => {
    // Random-looking keys (two SHA-256 hex strings) do not compress, so 200 of them overflow the cursor.
    const hex = (text: string) => createHash("sha256").update(text).digest("hex");
    const long = (segment: number) => ({ segment, startKey: { PK: { S: hex(`pk${segment}`) }, SK: { S: hex(`sk${segment}`) } } });
    const cursor: SegmentCursor = { totalSegments: 201, open: Array.from({ length: 200 }, (_, i) => long(i)), dropped: 1 };
    const { cursor: text, dropped } = encodeSegmentCursor(SCOPE, cursor, ATTRS);
    expect(dropped).toBeGreaterThan(0);
    expect(text?.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
    const decoded = decodeSegmentCursor(text ?? "", SCOPE, ATTRS);
    expect(decoded.open).toEqual(cursor.open.slice(0, 200 - dropped));
    expect(decoded.dropped).toBe(1 + dropped);
  });

  it("refuses a cursor from another scope, an edited one, and a single-key cursor", () => {
    const text = encodeSegmentCursor(SCOPE, cursorOf([1, 2]), ATTRS).cursor ?? "";
    expect(rejection(() => decodeSegmentCursor(text, '["partitions","Other",null]', ATTRS))).toMatch(/another/);
    const [body = "", signature = ""] = text.split(".");
    expect(rejection(() => decodeSegmentCursor(`${body.slice(0, -2)}AA.${signature}`, SCOPE, ATTRS))).toMatch(/integrity/);
    expect(rejection(() => decodeSegmentCursor(encodeCursor(SCOPE, position(1).startKey), SCOPE, ATTRS))).toMatch(/malformed/);
  });

  it("checks every position's key attributes and types, and the segment numbers, even under a valid signature", () => {
    const base = { v: 2, s: SCOPE, n: 4, d: 0, a: ATTRS };
    const ok = forged({ ...base, o: [[0, { S: "a" }, { S: "b" }]] });
    expect(decodeSegmentCursor(ok, SCOPE, ATTRS).open).toEqual([{ segment: 0, startKey: { PK: { S: "a" }, SK: { S: "b" } } }]);
    const cases: Array<[unknown, RegExp]> = [
      [{ ...base, a: ["PK"], o: [[0, { S: "a" }]] }, /exactly the key attributes PK, SK/],
      [{ ...base, a: ["SK", "PK"], o: [[0, { S: "a" }, { S: "b" }]] }, /exactly the key attributes/],
      [{ ...base, o: [[0, { S: "a" }]] }, /exactly the key attributes/],
      [{ ...base, o: [[0, { S: "a" }, { S: "b" }, { S: "c" }]] }, /exactly the key attributes/],
      [{ ...base, o: [[0, { S: "a" }, 7]] }, /exactly the key attributes/],
      [{ ...base, o: [[0, { S: "a" }, { BOOL: true }]] }, /malformed/],
      [{ ...base, o: [[0, { S: "a" }, { L: [] }]] }, /malformed/],
      [{ ...base, o: [[4, { S: "a" }, { S: "b" }]] }, /segment/],
      [{ ...base, o: [[1, { S: "a" }, { S: "b" }], [1, { S: "c" }, { S: "d" }]] }, /segment/],
      [{ ...base, d: 4, o: [[1, { S: "a" }, { S: "b" }]] }, /segment/],
      [{ ...base, o: [[-1, { S: "a" }, { S: "b" }]] }, /malformed/],
      [{ ...base, o: [] }, /malformed/],
      [{ ...base, n: 0, o: [[0, { S: "a" }, { S: "b" }]] }, /malformed/],
      [{ ...base, v: 1, o: [[0, { S: "a" }, { S: "b" }]] }, /malformed/],
      [{ ...base, extra: 1, o: [[0, { S: "a" }, { S: "b" }]] }, /malformed/],
      [{ ...base, a: ["__proto__", "SK"], o: [[0, { S: "a" }, { S: "b" }]] }, /exactly the key attributes/],
    ];
    for (const [payload, message] of cases) expect(rejection(() => decodeSegmentCursor(forged(payload), SCOPE, ATTRS)), JSON.stringify(payload)).toMatch(message);
    // Signed, but not deflate: a v1-style JSON body.
    expect(rejection(() => decodeSegmentCursor(sealCursorBody(Buffer.from(JSON.stringify(base)).toString("base64url")), SCOPE, ATTRS))).toMatch(/malformed/);
  });

  it("keeps an attribute named __proto__ a plain key", () => {
    const attrs = ["__proto__"];
    const text = forged({ v: 2, s: SCOPE, n: 1, d: 0, a: attrs, o: [[0, { S: "x" }]] });
    const decoded = decodeSegmentCursor(text, SCOPE, attrs);
    expect(Object.keys(decoded.open[0]?.startKey ?? {})).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).S).toBeUndefined();
  });
});
