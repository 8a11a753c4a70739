import { describe, expect, it } from "vitest";
import { allScopes, defaultScopeOf, sameScope, scopeKey, withScope } from "./scope";

const options = { accounts: [{ name: "demo", regions: ["us-east-1", "eu-west-1"] }, { name: "analytics", regions: ["us-east-1"] }] };

describe("scope", () => {
  it("defaults to the first account's first region and lists every pair in order", () => {
    expect(defaultScopeOf(options)).toEqual({ account: "demo", region: "us-east-1" });
    expect(allScopes(options)).toEqual([
      { account: "demo", region: "us-east-1" },
      { account: "demo", region: "eu-west-1" },
      { account: "analytics", region: "us-east-1" },
    ]);
    expect(defaultScopeOf({ accounts: [] })).toBeNull();
  });

  it("keys and compares by both parts", () => {
    expect(scopeKey({ account: "demo", region: "eu-west-1" })).toBe("demo/eu-west-1");
    expect(sameScope({ account: "demo", region: "eu-west-1" }, { account: "demo", region: "us-east-1" })).toBe(false);
  });

  it("adds or replaces the scope in a link and keeps its other parameters and hash", () => {
    const scope = { account: "analytics", region: "us-east-1" };
    expect(withScope("/tables/Shop", scope)).toBe("/tables/Shop?account=analytics&region=us-east-1");
    expect(withScope("/tables/Shop/items?pk=%7B%7D&account=demo#row", scope)).toBe("/tables/Shop/items?pk=%7B%7D&account=analytics&region=us-east-1#row");
  });
});
