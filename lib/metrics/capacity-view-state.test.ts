import { describe, expect, it } from "vitest";
import { DEFAULT_CAPACITY_STATE, metricsQueryParams, parseCapacityState, writeCapacityState } from "./capacity-view-state";

describe("capacity view state", () => {
  it("round-trips through the URL without disturbing other keys", () => {
    const state = { range: "3h" as const, start: null, end: null, refresh: "30s" as const, tz: "local" as const, gsi: "GSI1" };
    const params = writeCapacityState(new URLSearchParams("other=1"), state);
    expect(params.get("other")).toBe("1");
    expect(parseCapacityState(params)).toEqual(state);
    expect(writeCapacityState(new URLSearchParams(), DEFAULT_CAPACITY_STATE).toString()).toBe("");
  });

  it("prefers a zoomed window over the range, and ignores a backwards or malformed one", () => {
    const zoomed = parseCapacityState(new URLSearchParams("range=1d&start=1764000000000&end=1764003600000"));
    expect(metricsQueryParams(zoomed).toString()).toBe("start=1764000000000&end=1764003600000");
    expect(parseCapacityState(new URLSearchParams("start=5&end=1")).start).toBeNull();
    expect(parseCapacityState(new URLSearchParams("start=1764003600000&end=1764000000000")).start).toBeNull();
    expect(parseCapacityState(new URLSearchParams("range=1y&refresh=10s")).range).toBe("1h");
  });
});
