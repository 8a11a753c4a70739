import { describe, expect, it } from "vitest";
import { epochHint } from "./epoch";

describe("epochHint", () => {
  it.each([
    ["1767225600", { iso: "2026-01-01T00:00:00Z", unit: "seconds" }],
    ["1000000000", { iso: "2001-09-09T01:46:40Z", unit: "seconds" }],
    ["4100000000", { iso: "2099-12-03T16:53:20Z", unit: "seconds" }],
    ["1.7672256e9", { iso: "2026-01-01T00:00:00Z", unit: "seconds" }],
    ["1767225600.000", { iso: "2026-01-01T00:00:00Z", unit: "seconds" }],
    ["1767225600123", { iso: "2026-01-01T00:00:00.123Z", unit: "milliseconds" }],
    ["1000000000000", { iso: "2001-09-09T01:46:40.000Z", unit: "milliseconds" }],
    ["4100000000000", { iso: "2099-12-03T16:53:20.000Z", unit: "milliseconds" }],
  ] as const)("%s is %j", (n, hint) => {
    expect(epochHint(n)).toEqual(hint);
  });

  it.each([
    "0",
    "999999999",
    "4100000001",
    "99999999999",
    "4100000000001",
    "1767225600.5",
    "-1767225600",
    "1.7e20",
    "12345678901234567890123456789012345678",
    "1767225600e-3",
    "",
    "not a number",
  ])("%s has no hint", (n) => {
    expect(epochHint(n)).toBeNull();
  });
});
