import { describe, expect, it } from "vitest";
import { commonAttributes, keyText, previewValue } from "./value-preview";

describe("value previews", () => {
  it("shows numbers and strings verbatim, and summarises the rest", () => {
    expect(previewValue({ N: "12345678901234567890123456789012345678" })).toBe("12345678901234567890123456789012345678");
    expect(previewValue({ N: "-0.000123" })).toBe("-0.000123");
    expect(previewValue({ S: "" })).toBe("");
    expect(previewValue({ S: "abcdef" }, 3)).toBe("abc…");
    expect(previewValue({ B: "AAEC" })).toBe("binary · 3 bytes");
    expect(previewValue({ NS: ["1", "2"] })).toBe("NS · 2");
    expect(previewValue({ M: { a: { NULL: true } } })).toBe("map · 1 keys");
    expect(previewValue(undefined)).toBe("");
  });

  it("gives key text for URLs", () => {
    expect(keyText({ S: "CUSTOMER#1" })).toBe("CUSTOMER#1");
    expect(keyText({ N: "1E+2" })).toBe("1E+2");
    expect(keyText({ B: "AAEC" })).toBe("AAEC");
  });

  it("picks the most common attributes, keys excluded", () => {
    const items = [{ PK: 1, a: 1, b: 1 }, { PK: 1, b: 1 }, { PK: 1, c: 1, b: 1 }];
    expect(commonAttributes(items, new Set(["PK"]), 2)).toEqual(["b", "a"]);
  });
});
