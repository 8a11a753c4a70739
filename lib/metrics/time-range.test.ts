import { describe, expect, it } from "vitest";
import { isMetricRange, parseInstant } from "./time-range";

describe("parseInstant", () => {
  it("reads epoch milliseconds and zoned ISO 8601 times", () => {
    expect(parseInstant("1750257443000")).toBe(1_750_257_443_000);
    expect(parseInstant("2025-06-18T14:37:23Z")).toBe(Date.UTC(2025, 5, 18, 14, 37, 23));
    expect(parseInstant("2025-06-18T16:37:23.5+02:00")).toBe(Date.UTC(2025, 5, 18, 14, 37, 23, 500));
  });

  it("refuses zone-less, partial and garbage input", () => {
    for (const text of ["2025-06-18T14:37:23", "2025-06-18", "yesterday", "-5", "1e12", ""]) expect(parseInstant(text)).toBeNull();
  });
});

describe("isMetricRange", () => {
  it("knows the offered ranges only", () => {
    expect(isMetricRange("1w")).toBe(true);
    expect(isMetricRange("5m")).toBe(false);
  });
});
