import { describe, expect, it } from "vitest";
import { frozenWindow } from "./frozen-window";

describe("frozenWindow", () => {
  it("keeps a zoomed window and ends a relative range at the last whole minute", () => {
    expect(frozenWindow({ range: "1h", start: 1_000, end: 2_000 }, 99_999_999)).toEqual({ start: 1_000, end: 2_000 });
    const now = Date.UTC(2026, 11, 3, 14, 7, 42);
    expect(frozenWindow({ range: "3h", start: null, end: null }, now)).toEqual({ start: Date.UTC(2026, 11, 3, 11, 7), end: Date.UTC(2026, 11, 3, 14, 7) });
  });
});
