import { describe, expect, it } from "vitest";
import { fromTableDescription } from "@/lib/tables/from-table-description";
import { entityTableShape } from "./entity-table-shape";

const key = (AttributeName: string, KeyType: "HASH" | "RANGE") => ({ AttributeName, KeyType });

describe("entityTableShape", () => {
  it("takes the keys, GSIs and LSIs with their projections from a table description", () => {
    const detail = fromTableDescription(
      {
        TableName: "Shop",
        TableStatus: "ACTIVE",
        KeySchema: [key("PK", "HASH"), key("SK", "RANGE")],
        AttributeDefinitions: [{ AttributeName: "PK", AttributeType: "S" }, { AttributeName: "SK", AttributeType: "S" }, { AttributeName: "GSI1PK", AttributeType: "S" }, { AttributeName: "email", AttributeType: "S" }, { AttributeName: "date", AttributeType: "S" }],
        GlobalSecondaryIndexes: [
          { IndexName: "GSI1", KeySchema: [key("GSI1PK", "HASH"), key("SK", "RANGE")], Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["total"] } },
          { IndexName: "ByEmail", KeySchema: [key("email", "HASH")], Projection: { ProjectionType: "KEYS_ONLY" } },
        ],
        LocalSecondaryIndexes: [{ IndexName: "ByDate", KeySchema: [key("PK", "HASH"), key("date", "RANGE")], Projection: { ProjectionType: "ALL" } }],
      },
      null,
    );
    expect(entityTableShape(detail)).toEqual({
      keys: { partitionKey: "PK", sortKey: "SK" },
      hasLsi: true,
      indexes: [
        { name: "GSI1", kind: "GSI", partitionKey: "GSI1PK", sortKey: "SK", projection: { type: "INCLUDE", nonKeyAttributes: ["total"] } },
        { name: "ByEmail", kind: "GSI", partitionKey: "email", sortKey: null, projection: { type: "KEYS_ONLY", nonKeyAttributes: [] } },
        { name: "ByDate", kind: "LSI", partitionKey: "PK", sortKey: "date", projection: { type: "ALL", nonKeyAttributes: [] } },
      ],
    });
  });

  it("has no LSI flag and no indexes for a plain table, and no sort key when it has none", () => {
    const detail = fromTableDescription({ TableName: "Plain", TableStatus: "ACTIVE", KeySchema: [key("id", "HASH")], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "N" }] }, null);
    expect(entityTableShape(detail)).toEqual({ keys: { partitionKey: "id", sortKey: null }, indexes: [], hasLsi: false });
  });
});
