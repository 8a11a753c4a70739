import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyInputError, keyValueToString, parseKeyValue } from "./key-input";
import { anyText, numberText } from "./test-arbitraries";

describe("parseKeyValue", () => {
  it("takes S verbatim, spaces and all", () => {
    expect(parseKeyValue(" user#1 ", "S", "partition")).toEqual({ S: " user#1 " });
  });

  it("keeps N as written", () => {
    expect(parseKeyValue("007.50", "N", "sort")).toEqual({ N: "007.50" });
    expect(parseKeyValue("-1E+5", "N", "sort")).toEqual({ N: "-1E+5" });
  });

  it("takes B as base64", () => {
    expect(parseKeyValue("AQID", "B", "partition")).toEqual({ B: "AQID" });
  });

  it("names the parameter and the attribute in its messages", () => {
    expect(() => parseKeyValue("abc", "N", "partition", { param: "pk", attributeName: "PK" })).toThrow(
      new KeyInputError("pk must be a number (the key attribute PK is of type N)"),
    );
    expect(() => parseKeyValue("abc", "N", "sort")).toThrow("the sort key must be a number (its type is N)");
  });

  it.each([
    ["", "S", "partition", /must not be empty/],
    ["", "N", "sort", /must not be empty/],
    ["", "B", "sort", /must not be empty/],
    ["1e", "N", "sort", /must be a number/],
    [" 1", "N", "sort", /must be a number/],
    ["1".repeat(39), "N", "sort", /more than 38 significant digits/],
    ["AQI", "B", "sort", /must be base64/],
    ["AQ I=", "B", "sort", /must be base64/],
  ] as const)("rejects %j as %s (%s key)", (raw, type, role, message) => {
    expect(() => parseKeyValue(raw, type, role)).toThrow(message);
    expect(() => parseKeyValue(raw, type, role)).toThrow(KeyInputError);
  });

  it("accepts 38 significant digits however they are padded", () => {
    expect(parseKeyValue(`000${"9".repeat(38)}.000`, "N", "sort")).toEqual({ N: `000${"9".repeat(38)}.000` });
  });

  it("limits S to 2048 UTF-8 bytes for partition keys and 1024 for sort keys", () => {
    expect(parseKeyValue("a".repeat(2048), "S", "partition")).toEqual({ S: "a".repeat(2048) });
    expect(() => parseKeyValue("a".repeat(2049), "S", "partition")).toThrow(/2049 bytes; a partition key value is at most 2048/);
    expect(parseKeyValue("😀".repeat(256), "S", "sort")).toEqual({ S: "😀".repeat(256) });
    // 257 emoji are 514 UTF-16 units but 1028 bytes.
    expect(() => parseKeyValue("😀".repeat(257), "S", "sort")).toThrow(/1028 bytes; a sort key value is at most 1024/);
  });

  it("limits B by its decoded length", () => {
    const bytes1024 = btoa("x".repeat(1024));
    expect(parseKeyValue(bytes1024, "B", "sort")).toEqual({ B: bytes1024 });
    expect(() => parseKeyValue(btoa("x".repeat(1025)), "B", "sort")).toThrow(/1025 bytes/);
  });
});

describe("keyValueToString", () => {
  it("is the inverse of parseKeyValue", () => {
    fc.assert(
      fc.property(anyText(20).filter((text) => text !== ""), (text) => {
        expect(keyValueToString(parseKeyValue(text, "S", "sort"))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(numberText, (text) => {
        expect(keyValueToString(parseKeyValue(text, "N", "partition"))).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const base64 = btoa(String.fromCharCode(...bytes));
        expect(keyValueToString(parseKeyValue(base64, "B", "partition"))).toBe(base64);
      }),
    );
  });

  it("refuses values that cannot be keys", () => {
    expect(() => keyValueToString({ BOOL: true })).toThrow(TypeError);
    expect(() => keyValueToString({ SS: ["a"] })).toThrow(TypeError);
  });
});
