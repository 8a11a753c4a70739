import { describe, expect, it } from "vitest";
import type { WireItem } from "@/lib/dynamo/wire-value";
import { itemSizeOf } from "@/lib/dynamo/value-size";
import { accessFor, assertMayExport, assertMayRead, presentItem, presentKey } from "./access";
import { digestValue, keyDigest, redactItem } from "./redact-item";
import { compileRedactPatterns } from "./redact-patterns";

describe("REDACT_ATTRIBUTES patterns", () => {
  const matches = compileRedactPatterns(["email", "*name*", "ssn", "tok?n"]);

  it.each(["email", "EMAIL", "Email", "name", "userName", "FIRST_NAME_X", "ssn", "SSN", "token", "tokEn"])("matches %s", (name) => {
    expect(matches(name)).toBe(true);
  });

  it.each(["emails", "my_email", "ssn2", "nam", "tokken", "", "e.mail"])("does not match %s", (name) => {
    expect(matches(name)).toBe(false);
  });

  it("treats regex characters in patterns literally", () => {
    const literal = compileRedactPatterns(["a.b", "(x)", "c+d", "e-f", "[g]"]);
    expect(literal("a.b")).toBe(true);
    expect(literal("axb")).toBe(false);
    expect(literal("(x)")).toBe(true);
    expect(literal("c+d")).toBe(true);
    expect(literal("ccd")).toBe(false);
    expect(literal("e-f")).toBe(true);
    expect(literal("[g]")).toBe(true);
  });

  it("matches nothing without patterns", () => {
    expect(compileRedactPatterns([])("email")).toBe(false);
  });
});

describe("redactItem", () => {
  const matches = compileRedactPatterns(["email", "*name*"]);
  const item: WireItem = {
    pk: { S: "user#1" },
    email: { S: "ann@example.com" },
    displayName: { M: { first: { S: "Ann" } } },
    age: { N: "42" },
    profile: {
      M: {
        Email: { S: "ann@work.example" },
        city: { S: "Oslo" },
        contacts: { L: [{ M: { email: { S: "bob@example.com" }, phone: { S: "555" } } }, { S: "plain" }] },
        tags: { SS: ["a"] },
      },
    },
  };

  it("masks top-level and nested map keys, including maps inside lists, keeping the type letter and size", () => {
    const redacted = redactItem(item, matches, new Set(["pk"]));
    expect(redacted).toEqual({
      pk: { S: "user#1" },
      email: { REDACTED: "S", bytes: 15 },
      displayName: { REDACTED: "M", bytes: expect.any(Number) },
      age: { N: "42" },
      profile: {
        M: {
          Email: { REDACTED: "S", bytes: 16 },
          city: { S: "Oslo" },
          contacts: { L: [{ M: { email: { REDACTED: "S", bytes: 15 }, phone: { S: "555" } } }, { S: "plain" }] },
          tags: { SS: ["a"] },
        },
      },
    });
    const text = JSON.stringify(redacted);
    for (const secret of ["ann@example.com", "Ann", "ann@work.example", "bob@example.com"]) expect(text).not.toContain(secret);
    // The marker carries the hidden value's size, so the item's size is unchanged for a viewer.
    expect(itemSizeOf(redacted)).toBe(itemSizeOf(item));
  });

  it("never masks the attributes it is told to keep (the table key)", () => {
    const keyed = redactItem({ email: { S: "k@x" }, name: { S: "n" } }, matches, new Set(["email"]));
    expect(keyed).toEqual({ email: { S: "k@x" }, name: { REDACTED: "S", bytes: 1 } });
  });

  it("does not change the input", () => {
    const copy = structuredClone(item);
    redactItem(item, matches);
    expect(item).toEqual(copy);
  });
});

describe("key digests", () => {
  it("are # and 10 hex characters of SHA-256, stable and distinct", () => {
    expect(keyDigest("user#1")).toMatch(/^#[0-9a-f]{10}$/);
    expect(keyDigest("user#1")).toBe(keyDigest("user#1"));
    expect(keyDigest("user#1")).not.toBe(keyDigest("user#2"));
    // sha256("abc") = ba7816bf8f01cfea…
    expect(keyDigest("abc")).toBe("#ba7816bf8f");
  });

  it("digest a key value by its text, whatever its type, keeping the type letter", () => {
    expect(digestValue({ S: "abc" })).toEqual({ REDACTED: "S", bytes: 3, digest: "#ba7816bf8f" });
    expect(digestValue({ N: "42" })).toMatchObject({ REDACTED: "N", digest: keyDigest("42") });
    expect(digestValue({ B: "AAEC" })).toMatchObject({ REDACTED: "B", digest: keyDigest("AAEC"), bytes: 3 });
  });
});

describe("access", () => {
  const settings = { redactAttributes: ["email"], viewerShowsKeys: false };
  const viewer = accessFor({ user: "v", role: "viewer" }, settings);
  const engineer = accessFor({ user: "e", role: "engineer" }, settings);

  it("shows engineers everything and viewers masked values and key digests", () => {
    const item: WireItem = { id: { S: "1" }, email: { S: "a@b" } };
    expect(presentItem(item, engineer, ["id"])).toBe(item);
    expect(presentItem(item, viewer, ["id"])).toEqual({ id: { S: "1" }, email: { REDACTED: "S", bytes: 3 } });
    expect(presentKey("hot", engineer)).toBe("hot");
    expect(presentKey("hot", viewer)).toBe(keyDigest("hot"));
    expect(presentKey("hot", accessFor({ user: "v", role: "viewer" }, { ...settings, viewerShowsKeys: true }))).toBe("hot");
  });

  it("refuses export to viewers only", () => {
    expect(() => assertMayExport(viewer)).toThrow(/engineers/);
    expect(() => assertMayExport(engineer)).not.toThrow();
  });

  it("refuses a viewer's value filter on a masked attribute, and an index keyed on one", () => {
    const read = { filterHasValue: true, indexKeys: ["id"], tableKeys: ["id"] };
    expect(() => assertMayRead(viewer, { ...read, filterAttribute: "email" })).toThrow(/filterAttr/);
    expect(() => assertMayRead(viewer, { ...read, filterAttribute: "email", filterHasValue: false })).not.toThrow();
    expect(() => assertMayRead(viewer, { ...read, filterAttribute: "city" })).not.toThrow();
    expect(() => assertMayRead(viewer, { ...read, indexKeys: ["email", "id"] })).toThrow(/index/);
    expect(() => assertMayRead(engineer, { ...read, filterAttribute: "email", indexKeys: ["email"] })).not.toThrow();
  });
});
