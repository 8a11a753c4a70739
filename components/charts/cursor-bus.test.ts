import { describe, expect, it } from "vitest";
import { publishCursor, subscribeCursor, type CursorSource } from "./cursor-bus";

describe("cursor bus", () => {
  it("delivers a group's cursor time and its source to that group's subscribers only, until they unsubscribe", () => {
    const seen: Array<[number | null, CursorSource]> = [];
    const other: Array<number | null> = [];
    const stop = subscribeCursor("capacity-Shop", (time, source) => seen.push([time, source]));
    subscribeCursor("capacity-Events", (time) => other.push(time));
    publishCursor("capacity-Shop", 60_000, "chart");
    publishCursor("capacity-Shop", 120_000, "heat-map");
    publishCursor("capacity-Shop", null, "chart");
    stop();
    publishCursor("capacity-Shop", 180_000, "chart");
    expect(seen).toEqual([
      [60_000, "chart"],
      [120_000, "heat-map"],
      [null, "chart"],
    ]);
    expect(other).toEqual([]);
  });
});
