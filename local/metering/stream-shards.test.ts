import { describe, expect, it } from "vitest";
import { decodeIterator, encodeIterator } from "./stream-iterators";
import { VirtualStream } from "./stream-shards";

const ARN = "arn:aws:dynamodb:ddblocal:000000000000:table/Tab/stream/2026-12-03T15:43:53.945";
const REAL = "shardId-00000001796312952752-724d8296";
const stream = () => new VirtualStream(ARN, REAL, "000000000000000000001", "local/us-east-1", 1_796_312_952_752);

describe("VirtualStream", () => {
  it("starts with the real shard, open, from its first sequence number", () => {
    const virtual = stream();
    expect(virtual.shards().map((shard) => virtual.wire(shard))).toEqual([{ ShardId: REAL, SequenceNumberRange: { StartingSequenceNumber: "000000000000000000001" } }]);
  });

  it("closes the open shard at the last record written and opens a child just after it, with an AWS-looking id", () => {
    const virtual = stream();
    const roll = virtual.roll(7n, 1_796_312_999_000);
    const [parent, child] = virtual.shards().map((shard) => virtual.wire(shard));
    expect(parent).toEqual({ ShardId: REAL, SequenceNumberRange: { StartingSequenceNumber: "000000000000000000001", EndingSequenceNumber: "000000000000000000007" } });
    expect(child).toEqual({ ShardId: expect.stringMatching(/^shardId-00000001796312999000-[0-9a-f]{8}$/), ParentShardId: REAL, SequenceNumberRange: { StartingSequenceNumber: "000000000000000000008" } });
    expect(roll).toEqual({ streamArn: ARN, closed: { shardId: REAL, endingSequenceNumber: "000000000000000000007" }, opened: { shardId: child?.ShardId, parentShardId: REAL } });
  });

  it("never closes below a record a reader was already given, and does not roll a shard without records", () => {
    const virtual = stream();
    expect(virtual.roll(0n, 1)).toBeNull();
    const open = virtual.open();
    if (!open) throw new Error("no open shard");
    // A reader's page came back with records up to 12 after the roll's own look found 9.
    virtual.noteServed(open, 12n);
    expect(virtual.roll(9n, 2)?.closed.endingSequenceNumber).toBe("000000000000000000012");
    expect(virtual.roll(12n, 3)).toBeNull();
  });

  it("gives shard ids that sort in creation order even when two rolls share a millisecond", () => {
    const virtual = stream();
    virtual.roll(1n, 1_796_312_999_000);
    virtual.roll(2n, 1_796_312_999_000);
    virtual.roll(3n, 1_796_312_000_000);
    const ids = virtual.shards().map((shard) => shard.shardId);
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort()).toEqual(ids);
  });

  it("ends the open shard without a child when the real shard closes", () => {
    const virtual = stream();
    virtual.closeAt(4n);
    expect(virtual.open()).toBeUndefined();
    expect(virtual.roll(9n, 1)).toBeNull();
  });
});

describe("shard iterators", () => {
  it("round-trip, stay within AWS's 2,048 characters, and anything else decodes to nothing", () => {
    const iterator = { streamArn: ARN, shardId: REAL, after: 123_456_789_012_345_678_901n, issuedAtMs: 1_796_312_952_752 };
    const token = encodeIterator(iterator);
    expect(token.length).toBeLessThanOrEqual(2048);
    expect(decodeIterator(token)).toEqual(iterator);
    for (const garbled of ["", "garbage", `${ARN}|001|AAAA`, "dlp1.", "dlp1.e30", `${token}x`.replace("dlp1.", "dlp1.!")]) expect(decodeIterator(garbled)).toBeUndefined();
  });
});
