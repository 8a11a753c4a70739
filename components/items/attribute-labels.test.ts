import { describe, expect, it } from "vitest";
import type { WireValue } from "@/lib/dynamo/wire-value";
import {
  childCountLabel,
  childSummary,
  isExpandedByDefault,
  keyRole,
  numberDescription,
  orderAttributeNames,
  setMembers,
  stringMarker,
  truncateBase64,
  truncateText,
  typeLabel,
  typeName,
} from "./attribute-labels";

const BIG = "12345678901234567890123456789012345678";

describe("typeLabel", () => {
  it.each<[WireValue, string]>([
    [{ S: "" }, "S"],
    [{ N: BIG }, "N"],
    [{ B: "AAE=" }, "B"],
    [{ BOOL: false }, "BOOL"],
    [{ NULL: true }, "NULL"],
    [{ SS: ["a"] }, "SS"],
    [{ NS: ["1"] }, "NS"],
    [{ BS: ["AA=="] }, "BS"],
    [{ L: [] }, "L"],
    [{ M: {} }, "M"],
  ])("%j is %s", (value, label) => {
    expect(typeLabel(value)).toBe(label);
  });

  it("names every type in plain language", () => {
    expect(typeName("NS")).toBe("Number set");
    expect(typeName("M")).toBe("Map");
  });
});

describe("childSummary", () => {
  it("counts keys, items and members with the right plural", () => {
    expect(childSummary({ M: { a: { S: "x" }, b: { N: "1" }, c: { NULL: true } } })).toBe("M · 3 keys");
    expect(childSummary({ M: { a: { S: "x" } } })).toBe("M · 1 key");
    expect(childSummary({ L: [{ N: "1" }, { N: "2" }, { N: "3" }, { N: "4" }, { N: "5" }] })).toBe("L · 5 items");
    expect(childSummary({ L: [] })).toBe("L · 0 items");
    expect(childSummary({ SS: ["a", "b"] })).toBe("SS · 2 members");
    expect(childSummary({ BS: ["AA=="] })).toBe("BS · 1 member");
  });

  it("has nothing to say about scalars", () => {
    expect(childSummary({ N: BIG })).toBeNull();
    expect(childCountLabel({ S: "abc" })).toBeNull();
  });
});

describe("numbers pass through unchanged", () => {
  it("keeps a 38-digit N exact", () => {
    const value: WireValue = { N: BIG };
    expect(numberDescription(BIG, null)).toBe(BIG);
    expect("N" in value && value.N).toBe(BIG);
    expect(typeLabel(value)).toBe("N");
  });

  it("keeps NS members exact, in order, including forms a JS number would rewrite", () => {
    const members = [BIG, "-0.000000000000000000000000000000000001", "1E+2", "007", "0.10"];
    const value: WireValue = { NS: members };
    expect(setMembers(value)).toEqual(members);
    expect(childSummary(value)).toBe("NS · 5 members");
    for (const member of members) expect(numberDescription(member, null)).toBe(member);
  });

  it("describes an epoch without touching the digits", () => {
    expect(numberDescription("1767225600", { iso: "2026-01-01T00:00:00Z", unit: "seconds" })).toBe(
      "1767225600 — 2026-01-01T00:00:00Z (epoch seconds)",
    );
  });
});

describe("truncation", () => {
  it("leaves short text alone", () => {
    expect(truncateBase64("AAEC", 120)).toEqual({ shown: "AAEC", hiddenLength: 0 });
  });

  it("cuts base64 at the limit and reports what it hid", () => {
    const text = "A".repeat(200);
    expect(truncateBase64(text, 120)).toEqual({ shown: "A".repeat(120), hiddenLength: 80 });
  });

  it("never splits a surrogate pair", () => {
    const text = "ab😀cd";
    const { shown, hiddenLength } = truncateText(text, 3);
    expect(shown).toBe("ab");
    expect(shown.length + hiddenLength).toBe(text.length);
  });
});

describe("stringMarker", () => {
  it("makes empty and whitespace-only strings visible", () => {
    expect(stringMarker("")).toBe("(empty string)");
    expect(stringMarker(" ")).toBe("(1 whitespace character)");
    expect(stringMarker("\n\t")).toBe("(2 whitespace characters)");
    expect(stringMarker("<script>")).toBeNull();
  });
});

describe("layout helpers", () => {
  it("expands the first two levels only", () => {
    expect([1, 2, 3].map(isExpandedByDefault)).toEqual([true, true, false]);
  });

  it("puts the key attributes first", () => {
    const item = { zeta: { S: "z" }, sk: { S: "s" }, alpha: { S: "a" }, pk: { S: "p" }, Beta: { S: "b" } };
    const keys = { partitionKey: "pk", sortKey: "sk" };
    expect(orderAttributeNames(item, keys)).toEqual(["pk", "sk", "Beta", "alpha", "zeta"]);
    expect(orderAttributeNames(item, { partitionKey: "pk", sortKey: null })).toEqual(["pk", "Beta", "alpha", "sk", "zeta"]);
    expect(keyRole("sk", keys)).toBe("sort key");
    expect(keyRole("pk", keys)).toBe("partition key");
    expect(keyRole("alpha", keys)).toBeNull();
  });
});
