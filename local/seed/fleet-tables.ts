import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/**
 * The demo global table: user profiles in us-east-1 with a replica in eu-west-1. On-demand, as version 2019.11.21
 * needs (on-demand or auto-scaled provisioned). AWS turns on a NEW_AND_OLD_IMAGES stream when a replica is added;
 * this one has none, because DynamoDB Local's writes slow down with every stream record its database holds (2,000
 * puts took 4 s alone and 20 s next to Events' stream), and the proxy replicates without reading a stream.
 */
export const PROFILES_TABLE: CreateTableCommandInput = {
  TableName: "Profiles",
  BillingMode: "PAY_PER_REQUEST",
  AttributeDefinitions: [{ AttributeName: "userId", AttributeType: "S" }],
  KeySchema: [{ AttributeName: "userId", KeyType: "HASH" }],
};

/** The demo account's eu-west-1-only table, so the second region has a table of its own next to the replica. */
export const INVOICES_TABLE: CreateTableCommandInput = {
  TableName: "Invoices",
  BillingMode: "PAY_PER_REQUEST",
  AttributeDefinitions: [
    { AttributeName: "customerId", AttributeType: "S" },
    { AttributeName: "invoiceId", AttributeType: "S" },
  ],
  KeySchema: [
    { AttributeName: "customerId", KeyType: "HASH" },
    { AttributeName: "invoiceId", KeyType: "RANGE" },
  ],
};

/** The analytics account's one table, in us-east-1. */
export const REPORTS_TABLE: CreateTableCommandInput = {
  TableName: "Reports",
  BillingMode: "PAY_PER_REQUEST",
  AttributeDefinitions: [
    { AttributeName: "team", AttributeType: "S" },
    { AttributeName: "reportId", AttributeType: "S" },
  ],
  KeySchema: [
    { AttributeName: "team", KeyType: "HASH" },
    { AttributeName: "reportId", KeyType: "RANGE" },
  ],
};
