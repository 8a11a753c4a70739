import { describe, expect, it } from "vitest";
import { whoLabel } from "./who-label";

describe("whoLabel", () => {
  it("names a role by role and session, a user by name, and leaves digests alone", () => {
    expect(whoLabel({ who: "arn:aws:sts::111111111111:assumed-role/deploy/ci-42", whoDigested: false })).toBe("deploy (ci-42)");
    expect(whoLabel({ who: "arn:aws:iam::111111111111:user/alice", whoDigested: false })).toBe("alice");
    expect(whoLabel({ who: "arn:aws:iam::111111111111:root", whoDigested: false })).toBe("root");
    expect(whoLabel({ who: "#1a2b3c4d5e", whoDigested: true })).toBe("#1a2b3c4d5e");
  });
});
