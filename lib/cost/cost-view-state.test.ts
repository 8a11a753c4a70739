import { describe, expect, it } from "vitest";
import {
  costApiParams,
  costRangeParamValue,
  parseCostRange,
  parseShowFormulas,
  rangeDaysText,
  showFormulasParamValue,
  windowDays,
} from "./cost-view-state";

describe("cost view state in the URL", () => {
  it("reads the three offered ranges and falls back to 14 days for anything else", () => {
    expect(parseCostRange("1d")).toBe("1d");
    expect(parseCostRange("7d")).toBe("7d");
    expect(parseCostRange("14d")).toBe("14d");
    for (const bad of [null, "", "30d", "24h", "7D", "7d "]) expect(parseCostRange(bad), String(bad)).toBe("14d");
  });

  it("leaves the default out of the URL and writes the others", () => {
    expect(costRangeParamValue("14d")).toBe("");
    expect(costRangeParamValue("7d")).toBe("7d");
    expect(costRangeParamValue("1d")).toBe("1d");
    // A written value reads back as itself.
    for (const range of ["1d", "7d", "14d"] as const) expect(parseCostRange(costRangeParamValue(range) || null)).toBe(range);
  });

  it("prints formulas only for costFormulas=on", () => {
    expect(parseShowFormulas("on")).toBe(true);
    for (const other of [null, "", "1", "true", "off"]) expect(parseShowFormulas(other)).toBe(false);
    expect(showFormulasParamValue(true)).toBe("on");
    expect(showFormulasParamValue(false)).toBe("");
  });

  it("asks the route for the range by name", () => {
    expect(costApiParams("7d").toString()).toBe("range=7d");
  });

  it("says a range's and a window's length in days", () => {
    expect(rangeDaysText("1d")).toBe("1 day");
    expect(rangeDaysText("14d")).toBe("14 days");
    expect(windowDays({ start: 0, end: 3 * 86_400_000 })).toBe(3);
    expect(windowDays({ start: 0, end: 36 * 3_600_000 })).toBe(1.5);
  });
});
