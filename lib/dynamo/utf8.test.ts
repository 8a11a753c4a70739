import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyText } from "./test-arbitraries";
import { utf8ByteLength } from "./utf8";

describe("utf8ByteLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 2],
    ["東京", 6],
    ["😀", 4],
    ["a😀b", 6],
    ["👩‍👩‍👧", 18],
    ["\u{10FFFF}", 4],
    ["\uD800", 3],
    ["\uDC00\uD800", 6],
  ])("%j is %d bytes", (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it("differs from .length for astral characters", () => {
    expect("😀".length).toBe(2);
    expect(utf8ByteLength("😀")).toBe(4);
  });

  it("agrees with TextEncoder on any code points, lone surrogates included", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(anyText(40), (text) => {
        expect(utf8ByteLength(text)).toBe(encoder.encode(text).byteLength);
      }),
    );
  });
});
