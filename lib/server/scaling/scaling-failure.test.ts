import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { scalingFailure } from "./scaling-failure";

// The local Application Auto Scaling cannot deny access or fail like AWS does, so these are SDK-shaped errors.
const awsError = (name: string, message = "denied") => Object.assign(new Error(message), { name });

describe("scalingFailure", () => {
  it("names the application-autoscaling permission an AccessDenied lacks, as an upstream failure (not the caller's 403)", () => {
    const mapped = scalingFailure(awsError("AccessDeniedException", "User is not authorized"), "DescribeScalableTargets");
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: "UPSTREAM", status: 502 });
    expect(mapped instanceof Error ? mapped.message : "").toContain("application-autoscaling:DescribeScalableTargets");
  });

  it("keeps the shared mapping for throttling, and names the service's own validation errors", () => {
    expect(scalingFailure(awsError("ThrottlingException", "Rate exceeded"), "DescribeScalingActivities")).toMatchObject({ code: "THROTTLED", retryAfterSeconds: 5 });
    const validation = scalingFailure(awsError("ValidationException", "bad token"), "DescribeScalingPolicies");
    expect(validation).toMatchObject({ code: "UPSTREAM", message: "Application Auto Scaling failed: ValidationException: bad token" });
  });

  it("passes through what is not an AWS error", () => {
    const own = new AppError("NOT_FOUND", "missing");
    expect(scalingFailure(own, "DescribeScheduledActions")).toBe(own);
    expect(scalingFailure("text", "DescribeScheduledActions")).toBe("text");
  });
});
