import { describe, expect, it } from "vitest";
import { cloudTrailDateTime, cloudTrailName, toCloudTrailCase } from "./cloudtrail-case";

describe("CloudTrail's member names", () => {
  it("lower-cases the first letter only, as AWS's sample records spell them", () => {
    expect(cloudTrailName("ProvisionedThroughput")).toBe("provisionedThroughput");
    expect(cloudTrailName("SSESpecification")).toBe("sSESpecification");
    expect(cloudTrailName("RoleARN")).toBe("roleARN");
    expect(cloudTrailName("")).toBe("");
  });

  it("converts a whole UpdateTable request, lists and nested members included, and leaves values alone", () => {
    const request = {
      TableName: "Shop",
      ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 5 },
      GlobalSecondaryIndexUpdates: [
        { Update: { IndexName: "GSI1", ProvisionedThroughput: { ReadCapacityUnits: 20, WriteCapacityUnits: 10 } } },
        { Create: { IndexName: "ByStatus", KeySchema: [{ AttributeName: "Status", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } } },
      ],
      Tags: [{ Key: "Team", Value: "Payments" }],
      DeletionProtectionEnabled: true,
    };
    expect(toCloudTrailCase(request)).toEqual({
      tableName: "Shop",
      provisionedThroughput: { readCapacityUnits: 100, writeCapacityUnits: 5 },
      globalSecondaryIndexUpdates: [
        { update: { indexName: "GSI1", provisionedThroughput: { readCapacityUnits: 20, writeCapacityUnits: 10 } } },
        { create: { indexName: "ByStatus", keySchema: [{ attributeName: "Status", keyType: "HASH" }], projection: { projectionType: "ALL" } } },
      ],
      tags: [{ key: "Team", value: "Payments" }],
      deletionProtectionEnabled: true,
    });
  });

  it("prints the timestamps it is told about as CloudTrail prints DynamoDB's", () => {
    const created = Date.UTC(2015, 4, 3, 23, 34, 14) / 1000;
    expect(cloudTrailDateTime(created)).toBe("May 3, 2015 11:34:14 PM");
    expect(cloudTrailDateTime(Date.UTC(2026, 0, 9, 0, 5, 7) / 1000)).toBe("Jan 9, 2026 12:05:07 AM");
    const converted = toCloudTrailCase({ CreationDateTime: created, ItemCount: 3 }, { isTimestamp: (name) => name.endsWith("DateTime") });
    expect(converted).toEqual({ creationDateTime: "May 3, 2015 11:34:14 PM", itemCount: 3 });
  });
});
