import { describe, expect, it } from "vitest";
import { keyIdOf, keyValueOf } from "./partition-key-id";

describe("partition key ids", () => {
  it("round-trips S, N and B key values, keeping types apart", () => {
    expect(keyIdOf({ S: "42" })).toBe("S42");
    expect(keyIdOf({ N: "42" })).toBe("N42");
    expect(keyIdOf({ B: new Uint8Array([255, 0]) })).toBe("B/wA=");
    expect(keyValueOf("S42")).toEqual({ S: "42" });
    expect(keyValueOf("N42")).toEqual({ N: "42" });
    expect(keyValueOf("B/wA=")).toEqual({ B: "/wA=" });
    expect(keyValueOf("S")).toEqual({ S: "" });
  });

  it("has no id for a missing or non-key value", () => {
    expect(keyIdOf(undefined)).toBeNull();
    expect(keyIdOf({ BOOL: true })).toBeNull();
  });
});
