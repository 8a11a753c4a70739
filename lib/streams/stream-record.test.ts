import type { _Record as SdkStreamRecord } from "@aws-sdk/client-dynamodb-streams";
import { describe, expect, it } from "vitest";
import { MalformedStreamRecordError, toStreamRecordView } from "./stream-record";

const BIG = "12345678901234567890123456789012345678";
const bytes = Uint8Array.from([0, 1, 2, 250, 255]);

const modify: SdkStreamRecord = {
  eventID: "e-1",
  eventName: "MODIFY",
  dynamodb: {
    ApproximateCreationDateTime: new Date("2025-03-04T05:06:00Z"),
    Keys: { PK: { B: bytes }, SK: { N: BIG } },
    NewImage: { PK: { B: bytes }, SK: { N: BIG }, tags: { BS: [bytes] }, nested: { M: { n: { N: "-1.5E+10" }, l: { L: [{ NULL: true }, { BOOL: false }] } } } },
    OldImage: { PK: { B: bytes }, SK: { N: BIG }, tags: { SS: ["a", "b"] } },
    SequenceNumber: "000000000000000000042",
    SizeBytes: 187,
    StreamViewType: "NEW_AND_OLD_IMAGES",
  },
};

describe("toStreamRecordView", () => {
  it("keeps numbers as their strings and binary as base64, in keys and both images", () => {
    const view = toStreamRecordView(modify, "shardId-1", 1_000);
    expect(view).toEqual({
      id: "e-1",
      shardId: "shardId-1",
      sequenceNumber: "000000000000000000042",
      eventName: "MODIFY",
      createdAt: Date.parse("2025-03-04T05:06:00Z"),
      readAt: 1_000,
      keys: { PK: { B: "AAEC+v8=" }, SK: { N: BIG } },
      newImage: { PK: { B: "AAEC+v8=" }, SK: { N: BIG }, tags: { BS: ["AAEC+v8="] }, nested: { M: { n: { N: "-1.5E+10" }, l: { L: [{ NULL: true }, { BOOL: false }] } } } },
      oldImage: { PK: { B: "AAEC+v8=" }, SK: { N: BIG }, tags: { SS: ["a", "b"] } },
      sizeBytes: 187,
      ttlDelete: false,
    });
  });

  it("has no images the view type or event does not carry", () => {
    const keysOnly = toStreamRecordView({ eventID: "e-2", eventName: "INSERT", dynamodb: { Keys: { PK: { S: "a" } }, SequenceNumber: "7", SizeBytes: 12, StreamViewType: "KEYS_ONLY" } }, "s", 5);
    expect(keysOnly).toMatchObject({ eventName: "INSERT", keys: { PK: { S: "a" } }, newImage: null, oldImage: null, createdAt: null, ttlDelete: false });
  });

  it("recognises a Time to Live delete by its service identity, in either spelling", () => {
    const remove = (userIdentity: unknown): SdkStreamRecord => ({ eventID: "e-3", eventName: "REMOVE", dynamodb: { Keys: { PK: { S: "a" } }, SequenceNumber: "8" }, userIdentity: userIdentity as SdkStreamRecord["userIdentity"] });
    expect(toStreamRecordView(remove({ Type: "Service", PrincipalId: "dynamodb.amazonaws.com" }), "s", 0).ttlDelete).toBe(true);
    expect(toStreamRecordView(remove({ type: "Service", principalId: "dynamodb.amazonaws.com" }), "s", 0).ttlDelete).toBe(true);
    expect(toStreamRecordView(remove({ Type: "Service", PrincipalId: "lambda.amazonaws.com" }), "s", 0).ttlDelete).toBe(false);
    expect(toStreamRecordView(remove(undefined), "s", 0).ttlDelete).toBe(false);
  });

  it("stands in shard and sequence number for a missing eventID", () => {
    expect(toStreamRecordView({ eventName: "INSERT", dynamodb: { Keys: {}, SequenceNumber: "9" } }, "shardId-9", 0).id).toBe("shardId-9/9");
  });

  it("refuses a record without a known event name or a sequence number", () => {
    expect(() => toStreamRecordView({ eventID: "x", dynamodb: { SequenceNumber: "1" } }, "s", 0)).toThrow(MalformedStreamRecordError);
    expect(() => toStreamRecordView({ eventID: "x", eventName: "INSERT", dynamodb: {} }, "s", 0)).toThrow(/no SequenceNumber/);
  });
});
