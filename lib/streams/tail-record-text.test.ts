import { describe, expect, it } from "vitest";
import { enableStreamCommand, keyPreview, missingImageText } from "./tail-record-text";

describe("a tail row's key", () => {
  it("shows the partition then the sort key, numbers exactly as written", () => {
    const keys = { deviceId: { S: "device-007" }, ts: { N: "12345678901234567890123456789012345678" } };
    expect(keyPreview(keys, { partitionKey: "deviceId", sortKey: "ts" })).toBe("device-007 · 12345678901234567890123456789012345678");
    expect(keyPreview({ sessionId: { S: "s-1" } }, { partitionKey: "sessionId", sortKey: null })).toBe("s-1");
  });

  it("shows a viewer's digested key as its digest", () => {
    expect(keyPreview({ PK: { REDACTED: "S", bytes: 12, digest: "#0123456789" } }, { partitionKey: "PK", sortKey: null })).toBe("#0123456789");
  });
});

describe("a missing image", () => {
  it("says whether the event has none or the view type leaves it out", () => {
    expect(missingImageText("new", "REMOVE", "NEW_AND_OLD_IMAGES")).toBe("None: the write deleted the item.");
    expect(missingImageText("old", "INSERT", "NEW_AND_OLD_IMAGES")).toBe("None: the write created the item.");
    expect(missingImageText("old", "MODIFY", "NEW_IMAGE")).toBe("Not recorded: this stream's view type is NEW_IMAGE.");
    expect(missingImageText("new", "INSERT", "KEYS_ONLY")).toBe("Not recorded: this stream's view type is KEYS_ONLY.");
  });
});

describe("turning a stream on", () => {
  it("is an AWS CLI command naming the table and both images", () => {
    expect(enableStreamCommand("Sessions")).toBe("aws dynamodb update-table --table-name Sessions --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
  });
});
