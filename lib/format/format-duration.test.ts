import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [999.6, "1 s"],
    [1_000, "1 s"],
    [34_400, "34 s"],
    [59_600, "1 min"],
    [60_000, "1 min"],
    [252_000, "4 min 12 s"],
    [3_600_000, "1 h"],
    [7_500_000, "2 h 5 min"],
    [86_400_000, "1 day"],
    [273_600_000, "3 days 4 h"],
  ])("%f ms is %s", (ms, text) => expect(formatDuration(ms)).toBe(text));

  it("refuses what isn't a duration", () => {
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
  });
});
