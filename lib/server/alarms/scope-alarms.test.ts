// The local CloudWatch grants every call, so the failures it cannot produce are checked here on the mapping alone.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { ReadOnlyViolationError } from "@/lib/server/aws/read-only-guard";
import { alarmsFailure } from "./scope-alarms";

const awsError = (name: string, message = "denied") => Object.assign(new Error(message), { name });

describe("alarmsFailure", () => {
  it("names the permission an AccessDenied lacks, as an upstream failure rather than the caller's 403", () => {
    const mapped = alarmsFailure(awsError("AccessDeniedException", "User is not authorized to perform: cloudwatch:DescribeAlarms"), "DescribeAlarms");
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped).toMatchObject({ code: "UPSTREAM", status: 502 });
    expect((mapped as AppError).message).toContain("cloudwatch:DescribeAlarms");
    expect((alarmsFailure(awsError("AccessDenied"), "DescribeAlarmHistory") as AppError).message).toContain("cloudwatch:DescribeAlarmHistory");
  });

  it("maps other CloudWatch errors as metrics do, and leaves the guard's refusals and AppErrors as they are", () => {
    expect(alarmsFailure(awsError("ThrottlingException", "Rate exceeded"), "DescribeAlarms")).toMatchObject({ code: "UPSTREAM", message: "CloudWatch failed: ThrottlingException: Rate exceeded" });
    const refusal = new ReadOnlyViolationError("CloudWatch", "PutMetricAlarm");
    expect(alarmsFailure(refusal, "DescribeAlarms")).toBe(refusal);
    const appError = new AppError("NOT_FOUND", "x");
    expect(alarmsFailure(appError, "DescribeAlarms")).toBe(appError);
  });
});
