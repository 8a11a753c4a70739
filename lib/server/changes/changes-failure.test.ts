import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { changesFailure, isLookupThrottled } from "./changes-failure";

const named = (name: string, message = "no") => Object.assign(new Error(message), { name });

// AWS's refusals that the local CloudTrail does not produce (it has no IAM): mapped by name, as the SDK names them.
describe("changesFailure", () => {
  it("names cloudtrail:LookupEvents when the server may not call it, as an upstream problem, not the caller's 403", () => {
    const mapped = changesFailure(named("AccessDeniedException", "User is not authorized to perform: cloudtrail:LookupEvents"));
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: "UPSTREAM", status: 502 });
    expect((mapped as AppError).message).toContain("cloudtrail:LookupEvents");
  });

  it("keeps the shared mapping for credentials and unreachable endpoints, and names CloudTrail's own errors", () => {
    expect(changesFailure(named("ExpiredTokenException"))).toMatchObject({ code: "UPSTREAM", message: "AWS rejected the server's credentials (ExpiredTokenException)." });
    expect(changesFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatchObject({ code: "UPSTREAM", message: "Could not reach AWS (ECONNREFUSED)." });
    expect(changesFailure(named("InvalidTimeRangeException", "Start time is after end time."))).toMatchObject({ code: "UPSTREAM", message: "CloudTrail failed: InvalidTimeRangeException: Start time is after end time." });
  });

  it("tells a throttled lookup from other failures", () => {
    expect(isLookupThrottled(named("ThrottlingException"))).toBe(true);
    expect(isLookupThrottled(named("InvalidNextTokenException"))).toBe(false);
    expect(isLookupThrottled("ThrottlingException")).toBe(false);
  });
});
