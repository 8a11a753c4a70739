import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { fromTableDescription, MalformedDescriptionError } from "./from-table-description";

const base: TableDescription = {
  TableName: "Shop",
  TableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/Shop",
  TableStatus: "ACTIVE",
  CreationDateTime: new Date("2025-01-02T03:04:05Z"),
  AttributeDefinitions: [
    { AttributeName: "PK", AttributeType: "S" },
    { AttributeName: "SK", AttributeType: "S" },
    { AttributeName: "GSI1PK", AttributeType: "S" },
    { AttributeName: "total", AttributeType: "N" },
  ],
  KeySchema: [
    { AttributeName: "PK", KeyType: "HASH" },
    { AttributeName: "SK", KeyType: "RANGE" },
  ],
  ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 50 },
  ItemCount: 10,
  TableSizeBytes: 2048,
  GlobalSecondaryIndexes: [
    {
      IndexName: "GSI1",
      KeySchema: [{ AttributeName: "GSI1PK", KeyType: "HASH" }],
      Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["status"] },
      IndexStatus: "CREATING",
      Backfilling: true,
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 1 },
    },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: "ByTotal",
      KeySchema: [
        { AttributeName: "PK", KeyType: "HASH" },
        { AttributeName: "total", KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "KEYS_ONLY" },
    },
  ],
  DeletionProtectionEnabled: true,
};

describe("fromTableDescription", () => {
  it("carries the latest stream's ARN and label, also once the stream is turned off (it stays readable for 24 hours)", () => {
    const arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Shop/stream/2025-01-02T03:04:05.678";
    const on = fromTableDescription({ ...base, StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" }, LatestStreamArn: arn, LatestStreamLabel: "2025-01-02T03:04:05.678" }, null);
    expect(on.stream).toEqual({ enabled: true, viewType: "NEW_AND_OLD_IMAGES", arn, label: "2025-01-02T03:04:05.678" });
    const off = fromTableDescription({ ...base, StreamSpecification: { StreamEnabled: false }, LatestStreamArn: arn, LatestStreamLabel: "2025-01-02T03:04:05.678" }, null);
    expect(off.stream).toEqual({ enabled: false, viewType: null, arn, label: "2025-01-02T03:04:05.678" });
  });

  it("maps a provisioned table with a GSI and an LSI", () => {
    const detail = fromTableDescription(base, { TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" });
    expect(detail).toMatchObject({
      name: "Shop",
      billingMode: "PROVISIONED",
      provisioned: { read: 100, write: 50 },
      onDemandMax: null,
      createdAt: "2025-01-02T03:04:05.000Z",
      keys: { partitionKey: { name: "PK", type: "S" }, sortKey: { name: "SK", type: "S" } },
      ttl: { status: "ENABLED", attribute: "expiresAt" },
      deletionProtection: true,
      stream: { enabled: false, viewType: null, arn: null, label: null },
    });
    expect(detail.gsis[0]).toMatchObject({
      name: "GSI1",
      kind: "GSI",
      keys: { partitionKey: { name: "GSI1PK", type: "S" }, sortKey: null },
      projection: { type: "INCLUDE", nonKeyAttributes: ["status"] },
      status: "CREATING",
      backfilling: true,
      provisioned: { read: 5, write: 1 },
    });
    expect(detail.lsis[0]).toMatchObject({ name: "ByTotal", kind: "LSI", keys: { sortKey: { name: "total", type: "N" } }, provisioned: null });
  });

  it("maps on-demand tables, with and without a maximum (-1 means none)", () => {
    const onDemand = { ...base, BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" as const }, GlobalSecondaryIndexes: [], LocalSecondaryIndexes: [] };
    expect(fromTableDescription({ ...onDemand, OnDemandThroughput: { MaxReadRequestUnits: 400, MaxWriteRequestUnits: -1 } }, null)).toMatchObject({
      billingMode: "PAY_PER_REQUEST",
      provisioned: null,
      onDemandMax: { read: 400, write: null },
      ttl: null,
    });
    expect(fromTableDescription(onDemand, null).onDemandMax).toBeNull();
  });

  it("is not global without replicas: no replicas, no version", () => {
    expect(fromTableDescription(base, null)).toMatchObject({ replicas: [], globalTableVersion: null });
  });

  it("lists each other region's replica with its status and description, and the global table version", () => {
    const global: TableDescription = {
      ...base,
      GlobalTableVersion: "2019.11.21",
      Replicas: [
        { RegionName: "eu-west-1", ReplicaStatus: "ACTIVE" },
        { RegionName: "ap-southeast-2", ReplicaStatus: "INACCESSIBLE_ENCRYPTION_CREDENTIALS", ReplicaStatusDescription: "The KMS key is disabled" },
        { RegionName: "us-west-2" },
      ],
    };
    const detail = fromTableDescription(global, null);
    expect(detail.globalTableVersion).toBe("2019.11.21");
    expect(detail.replicas).toEqual([
      { region: "eu-west-1", status: "ACTIVE", statusDescription: null },
      { region: "ap-southeast-2", status: "INACCESSIBLE_ENCRYPTION_CREDENTIALS", statusDescription: "The KMS key is disabled" },
      { region: "us-west-2", status: "UNKNOWN", statusDescription: null },
    ]);
  });

  it("leaves out the answering region (from the ARN) if DescribeTable lists it, and replicas without a region", () => {
    const global: TableDescription = {
      ...base,
      GlobalTableVersion: "2019.11.21",
      Replicas: [{ RegionName: "us-east-1", ReplicaStatus: "ACTIVE" }, { ReplicaStatus: "ACTIVE" }, { RegionName: "eu-west-1", ReplicaStatus: "CREATING" }],
    };
    expect(fromTableDescription(global, null).replicas).toEqual([{ region: "eu-west-1", status: "CREATING", statusDescription: null }]);
    // Without an ARN there is nothing to compare with: every named region is kept.
    expect(fromTableDescription({ ...global, TableArn: undefined }, null).replicas.map((replica) => replica.region)).toEqual(["us-east-1", "eu-west-1"]);
  });

  it("refuses a description whose key has no type", () => {
    expect(() => fromTableDescription({ ...base, AttributeDefinitions: [] }, null)).toThrow(MalformedDescriptionError);
  });
});
