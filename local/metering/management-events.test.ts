import { describe, expect, it } from "vitest";
import { iamUserIdentity } from "../aws/cloudtrail/identities";
import { buildEvent } from "../aws/cloudtrail/trail-event";
import { dynamoDbManagementCall, simulatedUpdateTable } from "./management-events";
import type { TableCapacityModel } from "./table-catalog";

const TENANT = { accountId: "111111111111", region: "us-east-1" };
const AT = Date.UTC(2026, 11, 3, 12, 0, 0);
const identity = iamUserIdentity("local", TENANT.accountId);
const SHOP: TableCapacityModel = {
  name: "Shop",
  arn: "arn:aws:dynamodb:us-east-1:111111111111:table/Shop",
  partitionKey: "PK",
  sortKey: "SK",
  billingMode: "PROVISIONED",
  provisioned: { read: 100, write: 50 },
  onDemandMax: null,
  gsis: [{ name: "GSI1", arn: "arn:aws:dynamodb:us-east-1:111111111111:table/Shop/index/GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK", provisioned: { read: 20, write: 5 }, onDemandMax: null }],
};
const recordOf = (call: ReturnType<typeof dynamoDbManagementCall>) => JSON.parse(buildEvent(TENANT, call).cloudTrailEvent) as Record<string, unknown>;

describe("DynamoDB management calls as CloudTrail records them", () => {
  it("records an UpdateTable's answer as AWS gives it: UPDATING, with the throughput from before, timestamps printed", () => {
    const request = { TableName: "Shop", GlobalSecondaryIndexUpdates: [{ Update: { IndexName: "GSI1", ProvisionedThroughput: { ReadCapacityUnits: 20, WriteCapacityUnits: 10 } } }] };
    // DynamoDB Local answers with the new figures at once.
    const answered = {
      TableDescription: {
        TableName: "Shop",
        TableStatus: "ACTIVE",
        CreationDateTime: Date.UTC(2026, 11, 1, 9, 0, 0) / 1000,
        ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 50, NumberOfDecreasesToday: 0 },
        GlobalSecondaryIndexes: [{ IndexName: "GSI1", IndexStatus: "ACTIVE", ProvisionedThroughput: { ReadCapacityUnits: 20, WriteCapacityUnits: 10 } }],
      },
    };
    const call = dynamoDbManagementCall({ operation: "UpdateTable", request, status: 200, body: JSON.stringify(answered), identity, atMs: AT, tenant: TENANT, before: SHOP, requestId: "R1" });
    expect(call).toMatchObject({ eventSource: "dynamodb.amazonaws.com", readOnly: false, error: null, resources: [{ type: "AWS::DynamoDB::Table", name: "Shop", arn: SHOP.arn }] });
    expect(recordOf(call)).toMatchObject({
      requestParameters: { tableName: "Shop", globalSecondaryIndexUpdates: [{ update: { indexName: "GSI1", provisionedThroughput: { readCapacityUnits: 20, writeCapacityUnits: 10 } } }] },
      responseElements: {
        tableDescription: {
          tableStatus: "UPDATING",
          creationDateTime: "Dec 1, 2026 9:00:00 AM",
          provisionedThroughput: { readCapacityUnits: 100, writeCapacityUnits: 50 },
          globalSecondaryIndexes: [{ indexName: "GSI1", provisionedThroughput: { readCapacityUnits: 20, writeCapacityUnits: 5 } }],
        },
      },
      requestID: "R1",
      apiVersion: "2012-08-10",
    });
  });

  it("records a failure with its error code and message and no response, and finds the table of a TagResource in its ARN", () => {
    const call = dynamoDbManagementCall({
      operation: "TagResource",
      request: { ResourceArn: SHOP.arn, Tags: [{ Key: "team", Value: "shop" }] },
      status: 400,
      body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#LimitExceededException", message: "Too many tags" }),
      identity,
      atMs: AT,
      tenant: TENANT,
    });
    expect(call.error).toEqual({ code: "LimitExceededException", message: "Too many tags" });
    expect(call.resources.map((resource) => resource.name)).toEqual(["Shop"]);
    expect(recordOf(call)).toMatchObject({ errorCode: "LimitExceededException", errorMessage: "Too many tags", responseElements: null, requestParameters: { tags: [{ key: "team", value: "shop" }] } });
  });

  it("records reads as read-only without their answers, and empty answers as null", () => {
    const read = dynamoDbManagementCall({ operation: "DescribeTable", request: { TableName: "Shop" }, status: 200, body: JSON.stringify({ Table: { TableName: "Shop" } }), identity, atMs: AT, tenant: TENANT });
    expect(read).toMatchObject({ readOnly: true, response: null });
    const untag = dynamoDbManagementCall({ operation: "UntagResource", request: { ResourceArn: SHOP.arn, TagKeys: ["team"] }, status: 200, body: "{}", identity, atMs: AT, tenant: TENANT });
    expect(untag).toMatchObject({ readOnly: false, response: null });
  });

  it("builds an UpdateTable applied outside DynamoDB Local the way the proxy records one", () => {
    const call = simulatedUpdateTable({ tenant: TENANT, identity, atMs: AT, table: "Sessions", index: null, before: { read: 10, write: 20 }, after: { read: 10, write: 5 } });
    expect(recordOf(call)).toMatchObject({
      eventName: "UpdateTable",
      eventTime: "2026-12-03T12:00:00Z",
      requestParameters: { tableName: "Sessions", provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 5 } },
      responseElements: { tableDescription: { tableName: "Sessions", tableStatus: "UPDATING", provisionedThroughput: { readCapacityUnits: 10, writeCapacityUnits: 20 } } },
    });
  });
});
