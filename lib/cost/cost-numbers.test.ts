import { describe, expect, it } from "vitest";
import { formatFactor, formatGb, formatPrice, formatUnits, formatUsd } from "./cost-numbers";

describe("cost numbers", () => {
  it("shows prices at their listed precision, not rounded to cents", () => {
    expect(formatPrice(0.00013)).toBe("$0.00013");
    expect(formatPrice(0.0000001415)).toBe("$0.0000001415");
    expect(formatPrice(169.5)).toBe("$169.5");
  });

  it("shows results in dollars and cents, and sub-cent amounts with two significant digits", () => {
    expect(formatUsd(1234.567)).toBe("$1,234.57");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(0.004213)).toBe("$0.0042");
    expect(formatUsd(-12.5)).toBe("−$12.50");
  });

  it("groups counts and keeps small gigabytes visible", () => {
    expect(formatUnits(1_234_567)).toBe("1,234,567");
    expect(formatFactor(30 / 14)).toBe("2.1429");
    expect(formatGb(1.5)).toBe("1.5");
    expect(formatGb(0.0000114440918)).toBe("0.00001144");
  });
});
