import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { decodeCursor, encodeCursor } from "./cursor-codec";

const key = { PK: { S: "CUSTOMER#1" }, SK: { S: "ORDER#2" } };

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

describe("cursors", () => {
  it("round-trips a LastEvaluatedKey within its scope", () => {
    const cursor = encodeCursor("query|Shop||x", key);
    expect(decodeCursor(cursor, "query|Shop||x", ["PK", "SK"])).toEqual(key);
  });

  it("refuses a cursor from another scope", () => {
    const cursor = encodeCursor("query|Shop||x", key);
    expect(rejection(() => decodeCursor(cursor, "query|Other||x", ["PK", "SK"]))).toMatch(/another account, region, table/);
  });

  it("refuses an edited cursor, whether the body or the signature changed", () => {
    const cursor = encodeCursor("scan|Shop|", key);
    const [body = "", signature = ""] = cursor.split(".");
    const forged = Buffer.from(JSON.stringify({ v: 1, s: "scan|Shop|", k: { PK: { S: "CUSTOMER#9" }, SK: { S: "x" } } })).toString("base64url");
    expect(rejection(() => decodeCursor(`${forged}.${signature}`, "scan|Shop|", ["PK", "SK"]))).toMatch(/integrity/);
    expect(rejection(() => decodeCursor(`${body}.${signature.slice(0, -2)}xx`, "scan|Shop|", ["PK", "SK"]))).toMatch(/integrity/);
    expect(rejection(() => decodeCursor("garbage", "scan|Shop|", ["PK", "SK"]))).toMatch(/not a cursor/);
    expect(rejection(() => decodeCursor("a.b.c", "scan|Shop|", ["PK", "SK"]))).toMatch(/not a cursor/);
    expect(rejection(() => decodeCursor("x".repeat(9_000), "scan|Shop|", ["PK", "SK"]))).toMatch(/too long/);
  });

  it("refuses a signed cursor whose key attributes are not exactly the expected ones", () => {
    expect(rejection(() => decodeCursor(encodeCursor("s", { PK: { S: "a" } }), "s", ["PK", "SK"]))).toMatch(/exactly the key attributes/);
    expect(rejection(() => decodeCursor(encodeCursor("s", { PK: { S: "a" }, SK: { BOOL: true } }), "s", ["PK", "SK"]))).toMatch(/exactly/);
  });
});
