import { describe, expect, it } from "vitest";
import { parseGroups, resolveIdentity, roleForGroups, type AuthSettings } from "./resolve-identity";

const proxy: AuthSettings = { authMode: "proxy", authUserHeader: "x-forwarded-email", authGroupsHeader: "x-forwarded-groups", engineerGroups: ["sre", "dba"] };
const headers = (entries: Record<string, string>) => new Headers(entries);

describe("resolveIdentity", () => {
  it("makes everyone an engineer in none mode, whatever the headers say", () => {
    expect(resolveIdentity(headers({ "x-forwarded-email": "a@b.c", "x-forwarded-groups": "nobody" }), { ...proxy, authMode: "none" })).toEqual({ user: null, role: "engineer" });
  });

  it("refuses a proxy-mode request without the user header, or with a blank or absurd one", () => {
    expect(resolveIdentity(headers({}), proxy)).toBeNull();
    expect(resolveIdentity(headers({ "x-forwarded-email": "   " }), proxy)).toBeNull();
    expect(resolveIdentity(headers({ "x-forwarded-email": "a".repeat(321) }), proxy)).toBeNull();
    // The groups header alone proves nothing.
    expect(resolveIdentity(headers({ "x-forwarded-groups": "sre" }), proxy)).toBeNull();
  });

  it("maps ENGINEER_GROUPS members to engineer and everyone else to viewer", () => {
    expect(resolveIdentity(headers({ "x-forwarded-email": "ann@corp", "x-forwarded-groups": "staff, dba" }), proxy)).toEqual({ user: "ann@corp", role: "engineer" });
    expect(resolveIdentity(headers({ "x-forwarded-email": "bob@corp", "x-forwarded-groups": "staff,sales" }), proxy)).toEqual({ user: "bob@corp", role: "viewer" });
    expect(resolveIdentity(headers({ "x-forwarded-email": "cy@corp" }), proxy)).toEqual({ user: "cy@corp", role: "viewer" });
  });

  it("reads the configured header names (Headers are case-insensitive)", () => {
    const custom = { ...proxy, authUserHeader: "x-auth-user", authGroupsHeader: "x-auth-groups" };
    expect(resolveIdentity(headers({ "X-Auth-User": "dee", "X-Auth-Groups": "sre" }), custom)).toEqual({ user: "dee", role: "engineer" });
    expect(resolveIdentity(headers({ "x-forwarded-email": "dee" }), custom)).toBeNull();
  });
});

describe("role mapping", () => {
  it("splits and trims comma-separated groups", () => {
    expect(parseGroups(" a, b ,,c ")).toEqual(["a", "b", "c"]);
    expect(parseGroups(null)).toEqual([]);
  });

  it("compares group names exactly", () => {
    expect(roleForGroups(["SRE"], ["sre"])).toBe("viewer");
    expect(roleForGroups(["sre-oncall"], ["sre"])).toBe("viewer");
    expect(roleForGroups([], [])).toBe("viewer");
    expect(roleForGroups(["sre"], ["sre"])).toBe("engineer");
  });
});
