import { describe, expect, it } from "vitest";
import { resolveScopeInput, scopeInputOf } from "./resolve-scope-input";

const options = { accounts: [{ name: "demo", regions: ["us-east-1", "eu-west-1"] }, { name: "analytics", regions: ["us-east-1"] }] };

describe("resolveScopeInput", () => {
  it("defaults the account to the first and the region to the account's first", () => {
    expect(resolveScopeInput(options, { account: null, region: null })).toEqual({ ok: true, scope: { account: "demo", region: "us-east-1" } });
    expect(resolveScopeInput(options, { account: null, region: "eu-west-1" })).toEqual({ ok: true, scope: { account: "demo", region: "eu-west-1" } });
    expect(resolveScopeInput(options, { account: "analytics", region: null })).toEqual({ ok: true, scope: { account: "analytics", region: "us-east-1" } });
  });

  it("refuses an unknown account or a region the account does not have, listing the known ones", () => {
    expect(resolveScopeInput(options, { account: "prod", region: null })).toEqual({ ok: false, message: 'Unknown account "prod". Known accounts: demo, analytics.' });
    expect(resolveScopeInput(options, { account: "analytics", region: "eu-west-1" })).toEqual({ ok: false, message: 'Unknown region "eu-west-1" for account analytics. Known regions: us-east-1.' });
    expect(resolveScopeInput(options, { account: "demo", region: "" })).toMatchObject({ ok: false });
  });

  it("reads the query string and refuses repeats", () => {
    expect(scopeInputOf(new URLSearchParams("account=demo&region=eu-west-1&x=1"))).toEqual({ account: "demo", region: "eu-west-1" });
    expect(scopeInputOf(new URLSearchParams("region=a&region=b"))).toEqual({ repeated: true });
  });
});
