import { describe, expect, it } from "vitest";
import { exposureWarning } from "./validate-env";

describe("exposureWarning", () => {
  it.each(["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"])("stays quiet on loopback %s", (hostname) => {
    expect(exposureWarning({ authMode: "none", hostname })).toBeNull();
  });

  it.each(["0.0.0.0", "::", "10.0.0.5", "dashboard.internal", undefined])("warns loudly for AUTH_MODE=none on %s", (hostname) => {
    expect(exposureWarning({ authMode: "none", hostname })).toMatch(/WARNING: AUTH_MODE=none[\s\S]*ENGINEER/);
  });

  it("stays quiet in proxy mode", () => {
    expect(exposureWarning({ authMode: "proxy", hostname: "0.0.0.0" })).toBeNull();
  });
});
