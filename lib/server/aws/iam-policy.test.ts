import { readFileSync } from "node:fs";
import * as cloudwatchSdk from "@aws-sdk/client-cloudwatch";
import * as dynamodbSdk from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { CLOUDWATCH_READ_OPERATIONS, DYNAMODB_READ_OPERATIONS, isAllowedOperation } from "./read-only-allowlist";

type Statement = { Effect: string; Action: string[]; Resource: string };
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

  it("grants no write, delete or update action", () => {
    for (const statement of policy.Statement) {
      for (const action of statement.Action) expect(action).not.toMatch(/:(Put|Update|Delete|Create|Batch(Write|Execute)|Execute|Tag|Untag|Restore|Enable|Disable|Set)/);
    }
  });
});
