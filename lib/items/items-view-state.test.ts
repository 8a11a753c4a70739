import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW_STATE, parseViewState, readParams, viewStateToParams } from "./items-view-state";

describe("items view state in the URL", () => {
  it("round-trips every field", () => {
    const state = {
      ...DEFAULT_VIEW_STATE,
      index: "GSI1",
      pk: "STATUS#PAID",
      skOp: "between" as const,
      sk: "2025-01",
      sk2: "2025-02",
      order: "desc" as const,
      limit: 250,
      filterAttr: "orderTotal",
      filterOp: ">" as const,
      filterValue: "12345678901234567890123456789012345678",
      filterType: "N" as const,
      item: '{"PK":{"S":"a"},"SK":{"S":"b"}}',
    };
    expect(parseViewState(viewStateToParams(state))).toEqual(state);
  });

  it("keeps defaults out of the URL and falls back on nonsense", () => {
    expect(viewStateToParams(DEFAULT_VIEW_STATE).toString()).toBe("");
    expect(parseViewState(new URLSearchParams("limit=7&order=sideways&skOp=drop&view=grid&filterType=X"))).toEqual(DEFAULT_VIEW_STATE);
  });

  it("builds API parameters for a partition query and for a scan", () => {
    const state = { ...DEFAULT_VIEW_STATE, pk: "CUSTOMER#1", skOp: "begins_with" as const, sk: "ORDER#", item: "{}" };
    expect(readParams(state).toString()).toBe("pk=CUSTOMER%231&skOp=begins_with&sk=ORDER%23&limit=100");
    expect(readParams({ ...state, view: "scan", order: "desc" }).toString()).toBe("limit=100");
  });
});
