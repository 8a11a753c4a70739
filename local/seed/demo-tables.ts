import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/** The three demo tables. Capacities are deliberately small so the demo workload can push against them. */
export const SHOP_TABLE: CreateTableCommandInput = {
  TableName: "Shop",
  BillingMode: "PROVISIONED",
  ProvisionedThroughput: { ReadCapacityUnits: 100, WriteCapacityUnits: 50 },
  AttributeDefinitions: [
    { AttributeName: "PK", AttributeType: "S" },
    { AttributeName: "SK", AttributeType: "S" },
    { AttributeName: "GSI1PK", AttributeType: "S" },
    { AttributeName: "GSI1SK", AttributeType: "S" },
    { AttributeName: "email", AttributeType: "S" },
    { AttributeName: "orderTotal", AttributeType: "N" },
  ],
  KeySchema: [
    { AttributeName: "PK", KeyType: "HASH" },
    { AttributeName: "SK", KeyType: "RANGE" },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: "GSI1",
      KeySchema: [
        { AttributeName: "GSI1PK", KeyType: "HASH" },
        { AttributeName: "GSI1SK", KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
      ProvisionedThroughput: { ReadCapacityUnits: 20, WriteCapacityUnits: 10 },
    },
    {
      IndexName: "ByEmail",
      KeySchema: [{ AttributeName: "email", KeyType: "HASH" }],
      Projection: { ProjectionType: "KEYS_ONLY" },
      ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 10 },
    },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: "ByOrderTotal",
      KeySchema: [
        { AttributeName: "PK", KeyType: "HASH" },
        { AttributeName: "orderTotal", KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["status", "placedAt"] },
    },
  ],
  // Both images, so the dashboard's live tail shows what a write changed and a stream sample finds the hot cart key.
  StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
};

/** Seeded at 20 WCU; the demo's deploy lowers it to 5 (local/stack/demo-deploy.ts), after which its bursts throttle. */
export const SESSIONS_TABLE: CreateTableCommandInput = {
  TableName: "Sessions",
  BillingMode: "PROVISIONED",
  ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 20 },
  AttributeDefinitions: [{ AttributeName: "sessionId", AttributeType: "S" }],
  KeySchema: [{ AttributeName: "sessionId", KeyType: "HASH" }],
};

export const EVENTS_TABLE: CreateTableCommandInput = {
  TableName: "Events",
  BillingMode: "PAY_PER_REQUEST",
  OnDemandThroughput: { MaxReadRequestUnits: 400, MaxWriteRequestUnits: 200 },
  AttributeDefinitions: [
    { AttributeName: "deviceId", AttributeType: "S" },
    { AttributeName: "ts", AttributeType: "N" },
  ],
  KeySchema: [
    { AttributeName: "deviceId", KeyType: "HASH" },
    { AttributeName: "ts", KeyType: "RANGE" },
  ],
  StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_IMAGE" },
};

export const DEMO_TABLES = [SHOP_TABLE, SESSIONS_TABLE, EVENTS_TABLE] as const;
