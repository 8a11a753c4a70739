import type { StreamStartingPosition } from "./stream-types";

/** A shard as DescribeStream lists it. A closed shard has an EndingSequenceNumber and takes no new records. */
export type ShardDescription = { shardId: string; parentShardId: string | null; closed: boolean };

/** Where to start reading a shard: GetShardIterator's ShardIteratorType. */
export type ShardStart = { shardId: string; iteratorType: StreamStartingPosition };

/**
 * - skipped: held before the reader started, closed, and the reader starts at LATEST (nothing new can reach it);
 * - waiting: its parent is still being read (records of one key must be read in order, parent first);
 * - reading / finished: read, or read to its end (GetRecords answered no NextShardIterator).
 */
export type ShardState = "skipped" | "waiting" | "reading" | "finished";

/**
 * Which shards of a stream to read, and from where. DynamoDB splits and closes shards; a child names its
 * ParentShardId. AWS's guidance (Streams developer guide, "Reading and processing a stream"): read a parent to its
 * end before its children, so the writes to one key are seen in order. The rules:
 * - first look, LATEST: every open shard from LATEST; closed ones are skipped (they hold only older writes);
 * - first look, TRIM_HORIZON: every shard the stream still holds, from TRIM_HORIZON, each after its parent;
 * - a child of a shard this reader finished starts at TRIM_HORIZON, so it misses nothing written after the split;
 * - a shard first seen later whose parent this reader never read was created after the reader started (DescribeStream
 *   is paged to its end on the first look), so it too starts at TRIM_HORIZON: everything in it is new.
 * Client-safe and pure: the poller asks it what to start after every DescribeStream and every finished shard.
 */
export class ShardLineage {
  private readonly shards = new Map<string, { parentShardId: string | null; state: ShardState }>();
  private looked = false;

  constructor(private readonly startingPosition: StreamStartingPosition) {}

  /** Merges a DescribeStream answer (all pages); returns the shards to start reading now. */
  discover(described: readonly ShardDescription[]): ShardStart[] {
    const first = !this.looked;
    this.looked = true;
    const fresh = described.filter((shard) => !this.shards.has(shard.shardId));
    const freshIds = new Set(fresh.map((shard) => shard.shardId));
    const starts: ShardStart[] = [];
    for (const shard of fresh) {
      const parent = shard.parentShardId;
      // A parent in this same answer that will be read (TRIM_HORIZON first look, or a new shard split again) goes first.
      const parentPending = parent !== null && ((freshIds.has(parent) && (!first || this.startingPosition === "TRIM_HORIZON")) || this.isPending(parent));
      if (first && this.startingPosition === "LATEST") {
        this.shards.set(shard.shardId, { parentShardId: parent, state: shard.closed ? "skipped" : "reading" });
        if (!shard.closed) starts.push({ shardId: shard.shardId, iteratorType: "LATEST" });
      } else if (parentPending) {
        this.shards.set(shard.shardId, { parentShardId: parent, state: "waiting" });
      } else {
        this.shards.set(shard.shardId, { parentShardId: parent, state: "reading" });
        starts.push({ shardId: shard.shardId, iteratorType: "TRIM_HORIZON" });
      }
    }
    return starts;
  }

  /** The shard was read to its end; returns its children that were waiting for it, to start at TRIM_HORIZON. */
  finish(shardId: string): ShardStart[] {
    const entry = this.shards.get(shardId);
    if (entry) entry.state = "finished";
    const starts: ShardStart[] = [];
    for (const [childId, child] of this.shards) {
      if (child.state === "waiting" && child.parentShardId === shardId) {
        child.state = "reading";
        starts.push({ shardId: childId, iteratorType: "TRIM_HORIZON" });
      }
    }
    return starts;
  }

  stateOf(shardId: string): ShardState | undefined {
    return this.shards.get(shardId)?.state;
  }

  /** Finished shards with no child known yet: DescribeStream should be asked again soon to find it. */
  childlessFinished(): string[] {
    const parents = new Set([...this.shards.values()].map((entry) => entry.parentShardId));
    return [...this.shards].filter(([shardId, entry]) => entry.state === "finished" && !parents.has(shardId)).map(([shardId]) => shardId);
  }

  counts(): { reading: number; waiting: number; finished: number } {
    let reading = 0;
    let waiting = 0;
    let finished = 0;
    for (const entry of this.shards.values()) {
      if (entry.state === "reading") reading++;
      else if (entry.state === "waiting") waiting++;
      else if (entry.state === "finished") finished++;
    }
    return { reading, waiting, finished };
  }

  private isPending(shardId: string): boolean {
    const state = this.shards.get(shardId)?.state;
    return state === "reading" || state === "waiting";
  }
}
