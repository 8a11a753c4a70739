import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";
import { formatCompact, formatCount } from "./format-count";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1024, "1.00 KB"],
    [409_600, "400 KB"],
    [1536, "1.50 KB"],
    [10 * 1024 ** 3, "10.0 GB"],
  ])("%d bytes is %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it("refuses nonsense rather than printing NaN", () => {
    expect(formatBytes(Number.NaN)).toBe("—");
    expect(formatBytes(-1)).toBe("—");
  });
});

describe("counts", () => {
  it("groups thousands and compacts only large values", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCompact(9999)).toBe("9,999");
    expect(formatCompact(52_340)).toBe("52.3K");
  });
});
