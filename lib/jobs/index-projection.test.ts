import { describe, expect, it } from "vitest";
import { projectToIndex, type GsiShape } from "./index-projection";

const shape = (type: GsiShape["projection"]["type"], nonKeyAttributes: string[] = []): GsiShape => ({
  partitionKey: "g",
  sortKey: null,
  tableKeys: { partitionKey: "pk", sortKey: "sk" },
  projection: { type, nonKeyAttributes },
});
const item = { pk: { S: "p" }, sk: { S: "s" }, g: { S: "x" }, a: { N: "1" }, b: { S: "big" } };

describe("projectToIndex", () => {
  it("stores the whole item for ALL, keys only for KEYS_ONLY, and the listed attributes for INCLUDE", () => {
    expect(projectToIndex(item, shape("ALL"))).toBe(item);
    expect(projectToIndex(item, shape("KEYS_ONLY"))).toEqual({ pk: { S: "p" }, sk: { S: "s" }, g: { S: "x" } });
    expect(projectToIndex(item, shape("INCLUDE", ["a", "missing"]))).toEqual({ pk: { S: "p" }, sk: { S: "s" }, g: { S: "x" }, a: { N: "1" } });
  });

  it("leaves out items without the index keys (GSIs are sparse)", () => {
    expect(projectToIndex({ pk: { S: "p" }, sk: { S: "s" } }, shape("ALL"))).toBeNull();
    expect(projectToIndex(item, { ...shape("ALL"), sortKey: "missing" })).toBeNull();
  });
});
