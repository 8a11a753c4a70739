import { describe, expect, it } from "vitest";
import { tableMatcher } from "./table-filter";

describe("tableMatcher", () => {
  it("exposes every table when no pattern is set", () => {
    expect(tableMatcher([])("anything")).toBe(true);
  });

  it("matches exact names and globs, case-sensitively and whole-name only", () => {
    const exposed = tableMatcher(["Shop", "prod-*", "log-?"]);
    expect(["Shop", "prod-orders", "prod-", "log-1"].map(exposed)).toEqual([true, true, true, true]);
    expect(["shop", "Shop2", "staging-prod-x", "log-12", "xShop"].map(exposed)).toEqual([false, false, false, false, false]);
  });

  it("treats regex metacharacters in names literally", () => {
    const exposed = tableMatcher(["a.b"]);
    expect(exposed("a.b")).toBe(true);
    expect(exposed("axb")).toBe(false);
  });
});
