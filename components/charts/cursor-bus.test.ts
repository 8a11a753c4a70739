import { describe, expect, it } from "vitest";
import { publishCursor, subscribeCursor } from "./cursor-bus";

describe("cursor bus", () => {
  it("delivers a group's cursor time to its subscribers only, until they unsubscribe", () => {
    const seen: Array<number | null> = [];
    const other: Array<number | null> = [];
    const stop = subscribeCursor("capacity-Shop", (time) => seen.push(time));
    subscribeCursor("capacity-Events", (time) => other.push(time));
    publishCursor("capacity-Shop", 60_000);
    publishCursor("capacity-Shop", null);
    stop();
    publishCursor("capacity-Shop", 120_000);
    expect(seen).toEqual([60_000, null]);
    expect(other).toEqual([]);
  });
});
