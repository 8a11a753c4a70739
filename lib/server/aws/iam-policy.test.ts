import { readFileSync } from "node:fs";
import * as autoscalingSdk from "@aws-sdk/client-application-auto-scaling";
import * as cloudtrailSdk from "@aws-sdk/client-cloudtrail";
import * as cloudwatchSdk from "@aws-sdk/client-cloudwatch";
import * as dynamodbSdk from "@aws-sdk/client-dynamodb";
import * as dynamodbStreamsSdk from "@aws-sdk/client-dynamodb-streams";
import * as stsSdk from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { ROLE_SESSION_NAME } from "./account-credentials";
import { AUTOSCALING_READ_OPERATIONS, CLOUDTRAIL_READ_OPERATIONS, CLOUDWATCH_READ_OPERATIONS, DYNAMODB_READ_OPERATIONS, DYNAMODB_STREAMS_READ_OPERATIONS, isAllowedOperation, STS_OPERATIONS } from "./read-only-allowlist";

type Statement = { Sid?: string; Effect: string; Action: string[]; Resource: string | string[] };
const policy = JSON.parse(readFileSync(new URL("../../../iam/dynamo-lens-readonly.json", import.meta.url), "utf8")) as {
  Statement: Statement[];
};

function policyAllows(action: string): boolean {
  return policy.Statement.some(
    (statement) =>
      statement.Effect === "Allow" &&
      statement.Action.some((pattern) => new RegExp(`^${pattern.replaceAll("*", ".*")}$`).test(action)),
  );
}

const operations = (sdk: Record<string, unknown>) =>
  Object.keys(sdk)
    .filter((name) => name.endsWith("Command") && name !== "$Command")
    .map((name) => name.replace(/Command$/, ""));

describe("iam/dynamo-lens-readonly.json", () => {
  it("grants exactly the DynamoDB operations the guard allows", () => {
    const mismatches = operations(dynamodbSdk).filter(
      (operation) => policyAllows(`dynamodb:${operation}`) !== isAllowedOperation(DYNAMODB_READ_OPERATIONS, operation),
    );
    expect(mismatches).toEqual([]);
  });

  it("grants exactly the CloudWatch operations the guard allows", () => {
    const mismatches = operations(cloudwatchSdk).filter(
      (operation) => policyAllows(`cloudwatch:${operation}`) !== isAllowedOperation(CLOUDWATCH_READ_OPERATIONS, operation),
    );
    expect(mismatches).toEqual([]);
  });

  it("grants exactly the Application Auto Scaling operations the guard allows", () => {
    const mismatches = operations(autoscalingSdk).filter(
      (operation) => policyAllows(`application-autoscaling:${operation}`) !== isAllowedOperation(AUTOSCALING_READ_OPERATIONS, operation),
    );
    expect(mismatches).toEqual([]);
  });

  it("grants exactly the CloudTrail operations the guard allows", () => {
    const mismatches = operations(cloudtrailSdk).filter((operation) => policyAllows(`cloudtrail:${operation}`) !== isAllowedOperation(CLOUDTRAIL_READ_OPERATIONS, operation));
    expect(mismatches).toEqual([]);
  });

  it("grants exactly the DynamoDB Streams operations the guard allows, on stream ARNs", () => {
    // Streams actions share the dynamodb: prefix (DescribeStream and ListStreams are also covered by Describe*/List*).
    const operations = Object.keys(dynamodbStreamsSdk).filter((name) => name.endsWith("Command") && name !== "$Command").map((name) => name.replace(/Command$/, ""));
    expect(operations.length).toBe(4);
    expect(operations.filter((operation) => policyAllows(`dynamodb:${operation}`) !== isAllowedOperation(DYNAMODB_STREAMS_READ_OPERATIONS, operation))).toEqual([]);
    const streams = policy.Statement.find((statement) => statement.Sid === "DynamoLensReadStreams");
    expect([...(streams?.Action ?? [])].sort()).toEqual(["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]);
    expect([streams?.Resource].flat()).toEqual(["arn:aws:dynamodb:*:*:table/*/stream/*"]);
  });

  it("grants no write, delete or update action", () => {
    for (const statement of policy.Statement) {
      for (const action of statement.Action) expect(action).not.toMatch(/:(Put|Update|Delete|Create|Batch(Write|Execute)|Execute|Tag|Untag|Restore|Enable|Disable|Set)/);
    }
  });
});

describe("iam/dynamo-lens-assume-role.json and iam/dynamo-lens-trust-policy.json", () => {
  const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../iam/${name}`, import.meta.url), "utf8")) as { Statement: Array<{ Effect: string; Action: string[] | string; Condition?: Record<string, Record<string, string>> }> };
  const assume = read("dynamo-lens-assume-role.json");

  it("lets the server's own identity call exactly the STS operations the guard allows", () => {
    const allows = (action: string) => assume.Statement.some((statement) => statement.Effect === "Allow" && [statement.Action].flat().some((pattern) => new RegExp(`^${pattern.replaceAll("*", ".*")}$`).test(action)));
    const mismatches = Object.keys(stsSdk)
      .filter((name) => name.endsWith("Command") && name !== "$Command")
      .map((name) => name.replace(/Command$/, ""))
      .filter((operation) => allows(`sts:${operation}`) !== isAllowedOperation(STS_OPERATIONS, operation));
    expect(mismatches).toEqual([]);
  });

  it("has each account's role trust the server only with the external id", () => {
    const trust = read("dynamo-lens-trust-policy.json");
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0]?.Action).toBe("sts:AssumeRole");
    expect(trust.Statement[0]?.Condition?.StringEquals?.["sts:ExternalId"]).toBeDefined();
    expect(ROLE_SESSION_NAME).toBe("dynamo-lens");
  });
});

