import { describe, expect, it } from "vitest";
import { keyOf, keyString, queryPartitionKey } from "./request-keys";

describe("request keys", () => {
  it("renders S, N and B keys", () => {
    expect(keyString({ S: "CUSTOMER#1" })).toBe("CUSTOMER#1");
    expect(keyString({ N: "-1.5" })).toBe("-1.5");
    expect(keyString({ B: "AAEC" })).toBe("AAEC");
    expect(keyString({ BOOL: true })).toBeNull();
    expect(keyOf({ pk: { S: "a" }, sk: { N: "2" } }, "pk", "sk")).toEqual({ pk: "a", sk: "2" });
    expect(keyOf({ other: { S: "a" } }, "pk", null)).toBeNull();
  });

  it.each([
    [{ KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": { S: "A" } } }, "A"],
    [{ KeyConditionExpression: "#p = :v AND begins_with(#s, :x)", ExpressionAttributeNames: { "#p": "PK", "#s": "SK" }, ExpressionAttributeValues: { ":v": { S: "B" }, ":x": { S: "O" } } }, "B"],
    [{ KeyConditionExpression: "SK BETWEEN :a AND :b AND PK = :p", ExpressionAttributeValues: { ":p": { S: "C" }, ":a": { S: "1" }, ":b": { S: "2" } } }, "C"],
    [{ KeyConditionExpression: "(:p = PK)", ExpressionAttributeValues: { ":p": { N: "7" } } }, "7"],
    [{ KeyConditions: { PK: { ComparisonOperator: "EQ", AttributeValueList: [{ S: "D" }] } } }, "D"],
    [{ KeyConditionExpression: "SK = :s", ExpressionAttributeValues: { ":s": { S: "x" } } }, null],
  ])("finds the partition key of %j", (request, expected) => {
    expect(queryPartitionKey(request, "PK")).toBe(expected);
  });
});
