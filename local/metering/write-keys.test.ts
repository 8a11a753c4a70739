import { describe, expect, it } from "vitest";
import { writtenKeys } from "./write-keys";

const schema = { partitionKey: "userId", sortKey: null };
const user = (id: string) => ({ userId: { S: id } });

describe("writtenKeys", () => {
  it("takes the key out of a PutItem's item, and the Key of UpdateItem and DeleteItem", () => {
    expect(writtenKeys("PutItem", { TableName: "Profiles", Item: { ...user("u1"), name: { S: "Ada" } } }, "Profiles", schema)).toEqual([user("u1")]);
    expect(writtenKeys("UpdateItem", { TableName: "Profiles", Key: user("u2"), UpdateExpression: "SET a = :a" }, "Profiles", schema)).toEqual([user("u2")]);
    expect(writtenKeys("DeleteItem", { TableName: "arn:aws:dynamodb:us-east-1:111111111111:table/Profiles", Key: user("u3") }, "Profiles", schema)).toEqual([user("u3")]);
  });

  it("ignores other tables, reads, and requests without the key", () => {
    expect(writtenKeys("PutItem", { TableName: "Shop", Item: user("u1") }, "Profiles", schema)).toEqual([]);
    expect(writtenKeys("GetItem", { TableName: "Profiles", Key: user("u1") }, "Profiles", schema)).toEqual([]);
    expect(writtenKeys("PutItem", { TableName: "Profiles", Item: { other: { S: "x" } } }, "Profiles", schema)).toEqual([]);
    expect(writtenKeys("PutItem", "not an object", "Profiles", schema)).toEqual([]);
  });

  it("collects batch puts and deletes for the table, once per key", () => {
    const request = {
      RequestItems: {
        Profiles: [{ PutRequest: { Item: { ...user("a"), v: { N: "1" } } } }, { DeleteRequest: { Key: user("b") } }, { PutRequest: { Item: user("a") } }],
        Shop: [{ PutRequest: { Item: { PK: { S: "x" }, SK: { S: "y" } } } }],
      },
    };
    expect(writtenKeys("BatchWriteItem", request, "Profiles", schema)).toEqual([user("a"), user("b")]);
  });

  it("collects transactional puts, updates and deletes but not condition checks, with a sort key", () => {
    const key = (pk: string, sk: string) => ({ PK: { S: pk }, SK: { S: sk } });
    const request = {
      TransactItems: [
        { Put: { TableName: "T", Item: { ...key("p", "1"), extra: { S: "x" } } } },
        { Update: { TableName: "T", Key: key("p", "2"), UpdateExpression: "SET a = :a" } },
        { Delete: { TableName: "T", Key: key("p", "3") } },
        { ConditionCheck: { TableName: "T", Key: key("p", "4"), ConditionExpression: "attribute_exists(PK)" } },
        { Put: { TableName: "Other", Item: key("q", "1") } },
      ],
    };
    expect(writtenKeys("TransactWriteItems", request, "T", { partitionKey: "PK", sortKey: "SK" })).toEqual([key("p", "1"), key("p", "2"), key("p", "3")]);
  });
});
