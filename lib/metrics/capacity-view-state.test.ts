import { describe, expect, it } from "vitest";
import { DEFAULT_CAPACITY_STATE, metricsQueryParams, parseCapacityState, windowQueryParams, writeCapacityState } from "./capacity-view-state";

describe("capacity view state", () => {
  it("round-trips through the URL without disturbing other keys", () => {
    const state = { range: "3h" as const, start: null, end: null, refresh: "30s" as const, tz: "local" as const, gsi: "GSI1", compare: "1w" as const };
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

  it("keeps the baseline comparison in the URL and passes it to the metrics API, off by default", () => {
    expect(DEFAULT_CAPACITY_STATE.compare).toBe("off");
    expect(parseCapacityState(new URLSearchParams("compare=1d")).compare).toBe("1d");
    expect(parseCapacityState(new URLSearchParams("compare=1w")).compare).toBe("1w");
    // Anything else is off, as a hand-edited link would get it.
    expect(parseCapacityState(new URLSearchParams("compare=2w")).compare).toBe("off");
    expect(parseCapacityState(new URLSearchParams("")).compare).toBe("off");
    const day = { ...DEFAULT_CAPACITY_STATE, compare: "1d" as const };
    expect(writeCapacityState(new URLSearchParams("compare=1w&x=1"), day).toString()).toBe("x=1&compare=1d");
    expect(writeCapacityState(new URLSearchParams("compare=1w"), DEFAULT_CAPACITY_STATE).has("compare")).toBe(false);
    expect(metricsQueryParams({ ...day, range: "3h" }).toString()).toBe("range=3h&compare=1d");
    expect(metricsQueryParams(DEFAULT_CAPACITY_STATE).has("compare")).toBe(false);
  });

  it("gives the panels beside the charts the window without Compare, so toggling it refetches only the metrics", () => {
    const compared = { ...DEFAULT_CAPACITY_STATE, range: "3h" as const, compare: "1w" as const };
    expect(windowQueryParams(compared).toString()).toBe("range=3h");
    expect(windowQueryParams({ ...compared, start: 1, end: 2 }).toString()).toBe("start=1&end=2");
  });
});
