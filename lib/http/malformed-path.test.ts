import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMalformedPath } from "./malformed-path";

describe("isMalformedPath", () => {
  it.each(["/api/tables/%E0%A4%A", "/api/tables/%ZZ", "/tables/%E0%A4%A", "/api/jobs/%E0%A4%A", "/tables/a%/items", "/x/%C3%28", "/%ED%A0%80"])(
    "refuses %s",
    (path) => expect(isMalformedPath(path)).toBe(true),
  );

  it.each(["/", "/api/tables/Shop", "/tables/Shop%231/items", "/tables/%E2%82%AC", "/glossary"])("accepts %s", (path) => {
    expect(isMalformedPath(path)).toBe(false);
  });

  it("accepts every path built by encoding its segments", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 4 }), (segments) => {
        expect(isMalformedPath(`/${segments.map(encodeURIComponent).join("/")}`)).toBe(false);
      }),
    );
  });
});
