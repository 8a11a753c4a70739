import { createHash } from "node:crypto";

/**
 * Virtual shards over DynamoDB Local's one real shard per stream.
 *
 * AWS closes a stream's shards and opens new ones on its own (about every four hours, and when it splits a busy shard):
 * a closed shard has an EndingSequenceNumber, its child names it as ParentShardId, and GetRecords on a closed shard
 * read to its end returns no NextShardIterator. DynamoDB Local never does any of this (its one shard stays open
 * forever), so a reader that follows shards could not be tested against it. Each virtual shard here covers a range of
 * the real shard's sequence numbers, (after, end]: the first starts where the real shard starts, and a roll closes the
 * open one at the last sequence number written and opens its child just after it.
 */

export type VirtualShard = {
  shardId: string;
  parentShardId: string | null;
  /** Records with a sequence number above this belong to the shard (exclusive lower bound). */
  after: bigint;
  /** The last sequence number in the shard once it is closed (inclusive); null while open. */
  end: bigint | null;
  /** The highest sequence number a reader has been given from this shard, so a roll never closes below it. */
  highestServed: bigint;
};

export type ShardRange = { StartingSequenceNumber: string; EndingSequenceNumber?: string };

export type WireShard = { ShardId: string; SequenceNumberRange: ShardRange; ParentShardId?: string };

export type ShardRoll = { streamArn: string; closed: { shardId: string; endingSequenceNumber: string }; opened: { shardId: string; parentShardId: string } };

/** DynamoDB Local writes sequence numbers as 21 zero-padded digits; AWS's own are 21 to 40 digits. */
export const SEQUENCE_NUMBER = /^\d{21,40}$/;

export class VirtualStream {
  private readonly list: VirtualShard[];
  private lastIdMs: number;
  /** The highest real sequence number the proxy has seen on the real shard (its own scans and readers' pages). */
  seenThrough: bigint;

  constructor(
    readonly streamArn: string,
    /** The real shard's id and StartingSequenceNumber, as DynamoDB Local describes it. */
    readonly realShardId: string,
    readonly realStart: string,
    /** Tells apart the shard ids of two tenants' streams that DynamoDB Local happened to give the same ARN. */
    private readonly salt: string,
    createdMs: number,
  ) {
    const after = BigInt(realStart) - 1n;
    // The first virtual shard keeps the real shard's id: until the first roll the proxy is transparent.
    this.list = [{ shardId: realShardId, parentShardId: null, after, end: null, highestServed: after }];
    this.seenThrough = after;
    this.lastIdMs = createdMs;
  }

  shards(): readonly VirtualShard[] {
    return this.list;
  }

  shard(shardId: string): VirtualShard | undefined {
    return this.list.find((shard) => shard.shardId === shardId);
  }

  /** The open shard, if any (none after the real shard itself closed, when the stream was disabled). */
  open(): VirtualShard | undefined {
    return this.list.find((shard) => shard.end === null);
  }

  /** A sequence number in DynamoDB Local's width (21 digits), which its own validation requires. */
  format(sequenceNumber: bigint): string {
    return sequenceNumber.toString().padStart(this.realStart.length, "0");
  }

  noteSeen(sequenceNumber: bigint): void {
    if (sequenceNumber > this.seenThrough) this.seenThrough = sequenceNumber;
  }

  noteServed(shard: VirtualShard, sequenceNumber: bigint): void {
    if (sequenceNumber > shard.highestServed) shard.highestServed = sequenceNumber;
    this.noteSeen(sequenceNumber);
  }

  /**
   * Closes the open shard at `lastWritten` (or higher, if a reader was already given later records from it) and opens
   * its child. An open shard with no records is left as it is: a closed shard's range must hold at least one record
   * for its Starting and Ending sequence numbers to make sense.
   */
  roll(lastWritten: bigint, atMs: number): ShardRoll | null {
    const open = this.open();
    if (!open) return null;
    const end = lastWritten > open.highestServed ? lastWritten : open.highestServed;
    if (end <= open.after) return null;
    open.end = end;
    const child: VirtualShard = { shardId: this.nextShardId(atMs), parentShardId: open.shardId, after: end, end: null, highestServed: end };
    this.list.push(child);
    return { streamArn: this.streamArn, closed: { shardId: open.shardId, endingSequenceNumber: this.format(end) }, opened: { shardId: child.shardId, parentShardId: open.shardId } };
  }

  /** The real shard closed (its stream was disabled): the open virtual shard ends where it does, with no child. */
  closeAt(realEnd: bigint): void {
    const open = this.open();
    if (open) open.end = realEnd > open.after ? realEnd : open.after;
  }

  /** The range of a shard as DescribeStream shows it. */
  range(shard: VirtualShard): ShardRange {
    const starting = shard.parentShardId === null ? this.realStart : this.format(shard.after + 1n);
    return shard.end === null ? { StartingSequenceNumber: starting } : { StartingSequenceNumber: starting, EndingSequenceNumber: this.format(shard.end) };
  }

  wire(shard: VirtualShard): WireShard {
    return { ShardId: shard.shardId, SequenceNumberRange: this.range(shard), ...(shard.parentShardId ? { ParentShardId: shard.parentShardId } : {}) };
  }

  /**
   * AWS-looking ids, `shardId-<20 digits>-<8 hex>` like DynamoDB Local's own (the digits are the creation time in ms).
   * The digits always grow, so the ids sort in creation order, which DescribeStream's ExclusiveStartShardId relies on.
   */
  private nextShardId(atMs: number): string {
    this.lastIdMs = Math.max(atMs, this.lastIdMs + 1);
    const hex = createHash("sha256").update(`${this.salt}|${this.streamArn}|${this.list.length}`).digest("hex").slice(0, 8);
    return `shardId-${String(this.lastIdMs).padStart(20, "0")}-${hex}`;
  }
}
