/**
 * DynamoDB Streams' read limit, which DynamoDB Local does not enforce: AWS allows about 5 GetRecords calls per second
 * per shard, shared by every reader of the stream (the table's Lambda triggers, KCL workers, and any tool), and answers
 * the rest with LimitExceededException. A sliding one-second window of admitted calls per shard; throttled calls do
 * not take a place in it, so a reader that backs off is admitted again a second after its last admitted burst.
 *
 * It also counts every GetRecords call per shard with its time, so tests and the benchmark can check, at the proxy,
 * how often the dashboard's readers poll.
 */

/** How many call times are kept per shard: enough for minutes of polling, bounded however long the stack runs. */
export const KEPT_CALL_TIMES = 10_000;

export type ShardReads = {
  /** Every GetRecords call on the shard, admitted or throttled. */
  calls: number;
  /** Calls answered with LimitExceededException. */
  throttled: number;
  /** When each call arrived (ms since the epoch, the proxy's clock), oldest first; the last KEPT_CALL_TIMES only. */
  callTimes: number[];
};

export type StreamReads = { byShard: Record<string, ShardReads> };

type ShardState = ShardReads & { admitted: number[] };

export class ShardReadLimit {
  private readonly shards = new Map<string, ShardState>();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    if (!Number.isInteger(perSecond) || perSecond < 1) throw new Error(`getRecordsPerShardPerSecond must be a positive integer, not ${perSecond}`);
  }

  /** Counts a GetRecords call on the shard and says whether it is within the limit. */
  admit(shardId: string): boolean {
    const at = this.now();
    let state = this.shards.get(shardId);
    if (!state) {
      state = { calls: 0, throttled: 0, callTimes: [], admitted: [] };
      this.shards.set(shardId, state);
    }
    state.calls++;
    state.callTimes.push(at);
    // Trim in batches, so keeping the last 10,000 costs one copy per thousand calls rather than one per call.
    if (state.callTimes.length > KEPT_CALL_TIMES + 1_000) state.callTimes.splice(0, state.callTimes.length - KEPT_CALL_TIMES);
    while (state.admitted.length > 0 && (state.admitted[0] ?? at) <= at - 1_000) state.admitted.shift();
    if (state.admitted.length >= this.perSecond) {
      state.throttled++;
      return false;
    }
    state.admitted.push(at);
    return true;
  }

  snapshot(): StreamReads {
    const byShard: Record<string, ShardReads> = {};
    for (const [shardId, state] of this.shards) {
      byShard[shardId] = { calls: state.calls, throttled: state.throttled, callTimes: state.callTimes.slice(-KEPT_CALL_TIMES) };
    }
    return { byShard };
  }
}

/** The most GetRecords calls any one-second window [t, t + 1000) held, for checks of a reader's politeness. */
export function maxCallsPerSecond(callTimes: readonly number[]): number {
  const sorted = [...callTimes].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] ?? 0) <= (sorted[end] ?? 0) - 1_000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
