import { ProvisionedThroughputExceededException, RequestLimitExceeded, ThrottlingException } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { throttleInfo } from "./throttle-error";

const meta = { $metadata: {} };

describe("throttleInfo", () => {
  it("reads ThrottlingReasons, and ThrottlingException's lower-case throttlingReasons", () => {
    const provisioned = new ProvisionedThroughputExceededException({ ...meta, message: "Rate exceeded", ThrottlingReasons: [{ reason: "TableReadProvisionedThroughputExceeded", resource: "arn:aws:dynamodb:eu-west-1:1:table/T" }] });
    expect(throttleInfo(provisioned)).toEqual({ reason: "TableReadProvisionedThroughputExceeded", resource: "arn:aws:dynamodb:eu-west-1:1:table/T", message: "Rate exceeded" });
    const onDemand = new ThrottlingException({ ...meta, message: "Max on-demand", throttlingReasons: [{ reason: "TableReadMaxOnDemandThroughputExceeded", resource: "arn:t" }] });
    expect(throttleInfo(onDemand)).toEqual({ reason: "TableReadMaxOnDemandThroughputExceeded", resource: "arn:t", message: "Max on-demand" });
  });

  it("still reports a throttle without reasons", () => {
    expect(throttleInfo(new RequestLimitExceeded({ ...meta, message: "Account limit" }))).toEqual({ reason: null, resource: null, message: "Account limit" });
    expect(throttleInfo(Object.assign(new Error(""), { name: "ThrottlingException", throttlingReasons: "garbage" }))).toEqual({ reason: null, resource: null, message: "ThrottlingException" });
  });

  it("ignores other errors", () => {
    expect(throttleInfo(Object.assign(new Error("x"), { name: "ValidationException" }))).toBeNull();
    expect(throttleInfo("ThrottlingException")).toBeNull();
  });
});
