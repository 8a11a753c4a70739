import { describe, expect, it } from "vitest";
import { KeyPatternBook } from "./key-pattern";

function book(values: string[], attribute = "SK", delimiter: "#" | null = "#", maxWords = 64) {
  const patterns = new KeyPatternBook(maxWords);
  patterns.setDelimiter(attribute, delimiter);
  const signatures = values.map((value) => patterns.observe(attribute, { S: value }) ?? "");
  return { patterns, signatures };
}

describe("KeyPatternBook", () => {
  it("keeps repeated words as literals and unique values as variables", () => {
    const values = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? "PROFILE" : `ORDER#2024-01-0${1 + (i % 9)}#${i}`));
    const { patterns, signatures } = book(values);
    expect(patterns.resolve("SK", "sort", signatures[0] ?? "")).toMatchObject({ text: "PROFILE", skeleton: "PROFILE", label: "profile" });
    expect(patterns.resolve("SK", "sort", signatures[1] ?? "")).toMatchObject({ text: "ORDER#{date}#{number}", skeleton: "ORDER#*", label: "order" });
  });

  it("turns a position with more distinct words than the cap into a variable and says so once", () => {
    const { patterns, signatures } = book(Array.from({ length: 20 }, (_, i) => `USER#user${String.fromCharCode(97 + i)}`), "PK", "#", 8);
    expect(patterns.takeDirty()).toBe(true);
    expect(patterns.takeDirty()).toBe(false);
    const early = signatures[0] ?? "";
    expect(early).toContain("wusera");
    expect(patterns.canonical("PK", early)).toBe(signatures[19]);
    expect(patterns.resolve("PK", "partition", patterns.canonical("PK", early)).text).toBe("USER#{id}");
    expect(patterns.footprint()).toEqual({ contexts: 2, words: 1 + 8 });
  });

  it("keeps a frequent literal as a literal when its position also holds more ids than the cap (Space-Saving)", () => {
    const values = Array.from({ length: 2_000 }, (_, i) => (i % 2 === 0 ? "PROFILE" : `evt${i}x`));
    const { patterns, signatures } = book(values, "SK", null, 16);
    patterns.refresh();
    expect(patterns.resolve("SK", "sort", patterns.canonical("SK", signatures[0] ?? "")).text).toBe("PROFILE");
    expect(patterns.resolve("SK", "sort", patterns.canonical("SK", signatures[1] ?? "")).text).toBe("{id}");
    expect(patterns.resolve("SK", "sort", signatures[1_999] ?? "").text).toBe("{id}");
    expect(patterns.footprint().words).toBeLessThanOrEqual(16);
  });

  it("reads a word right after a literal as data when its position holds several (STATUS#pending)", () => {
    const { patterns, signatures } = book(["STATUS#pending", "STATUS#shipped", "STATUS#pending", "STATUS#shipped"], "GSI1PK");
    expect(patterns.resolve("GSI1PK", "partition", signatures[0] ?? "").text).toBe("STATUS#{value}");
    const single = book(["META#LATEST", "META#LATEST"]);
    expect(single.patterns.resolve("SK", "sort", single.signatures[0] ?? "").text).toBe("META#LATEST");
  });

  it("reads ids after the first segment as variables even when few (c1, c2 in a small table)", () => {
    const values = ["CUSTOMER#c1", "CUSTOMER#c1", "CUSTOMER#c2", "CUSTOMER#c2"];
    const { patterns, signatures } = book(values, "PK");
    expect(patterns.resolve("PK", "partition", signatures[0] ?? "").text).toBe("CUSTOMER#{id}");
  });

  it("needs a word to repeat before it is a literal", () => {
    const { patterns, signatures } = book(["alpha", "beta", "gamma"], "SK", null);
    expect(patterns.resolve("SK", "sort", signatures[0] ?? "").text).toBe("{value}");
  });

  it("does not take a lowercase whole partition key for a literal (user names), but does CONFIG", () => {
    const { patterns, signatures } = book(["alice", "alice", "bob", "bob", "CONFIG", "CONFIG"], "PK", null);
    expect(patterns.resolve("PK", "partition", signatures[0] ?? "").label).toBeNull();
    expect(patterns.resolve("PK", "partition", signatures[4] ?? "").text).toBe("CONFIG");
  });

  it("treats numeric and binary keys as variables with no prefix", () => {
    const patterns = new KeyPatternBook();
    patterns.setDelimiter("PK", "#");
    const number = patterns.observe("PK", { N: "42" }) ?? "";
    const binary = patterns.observe("PK", { B: new Uint8Array([1, 2]) }) ?? "";
    expect(patterns.resolve("PK", "partition", number)).toEqual({ text: "{number}", skeleton: "*", label: null, literals: [] });
    expect(patterns.resolve("PK", "partition", binary).text).toBe("{binary}");
    expect(patterns.observe("PK", { BOOL: true })).toBeNull();
  });

  it("peeks without counting", () => {
    const { patterns } = book(["PROFILE", "PROFILE"]);
    const before = patterns.footprint();
    expect(patterns.peek("SK", { S: "PROFILE" })).toBe('["S","wPROFILE"]');
    expect(patterns.peek("SK", { S: "NEVER" })).toBe('["S","cid"]');
    expect(patterns.footprint()).toEqual(before);
  });
});
