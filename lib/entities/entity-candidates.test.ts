import { describe, expect, it } from "vitest";
import { EntityCandidates } from "./entity-candidates";

describe("EntityCandidates", () => {
  it("keeps string values until a candidate has too many, then drops it from shapes", () => {
    const candidates = new EntityCandidates(["type", "_et"], 3);
    expect(candidates.observe([["_et", { S: "Order" }], ["type", { N: "1" }]])).toEqual([["_et", "Order"]]);
    for (const value of ["a", "b", "c"]) candidates.observe([["type", { S: value }]]);
    expect(candidates.takeDirty()).toBe(false);
    candidates.observe([["type", { S: "d" }]]);
    expect(candidates.takeDirty()).toBe(true);
    expect(candidates.canonical([["type", "a"], ["_et", "Order"]])).toEqual([["_et", "Order"]]);
    expect(candidates.tally("type")).toEqual({ present: 5, strings: 4, values: null });
    expect(candidates.footprint()).toBe(1);
  });
});
