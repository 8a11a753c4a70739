import type { LagModel } from "./replication-lag";

export type QueuedWrite<T> = { payload: T; writtenAtMs: number; applyAtMs: number };

/**
 * The writes made in one region that another region's replica has not applied yet, in the order they were made.
 * Each is due at its write time plus the lag model's lag, but never before an earlier write (replication applies a
 * stream in order), so the head is always the next one due.
 */
export class ReplicationQueue<T> {
  private readonly writes: QueuedWrite<T>[] = [];
  private lastApplyAtMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly lag: LagModel) {}

  enqueue(payload: T, writtenAtMs: number): QueuedWrite<T> {
    const applyAtMs = Math.max(writtenAtMs + this.lag(writtenAtMs), this.lastApplyAtMs);
    this.lastApplyAtMs = applyAtMs;
    const write = { payload, writtenAtMs, applyAtMs };
    this.writes.push(write);
    return write;
  }

  /** The oldest write, if it is due by `nowMs`; it stays queued until `shift()`, so a failed apply can be retried. */
  peekDue(nowMs: number): QueuedWrite<T> | undefined {
    const head = this.writes[0];
    return head && head.applyAtMs <= nowMs ? head : undefined;
  }

  shift(): void {
    this.writes.shift();
  }

  /** Writes made but not yet applied: PendingReplicationCount. */
  get size(): number {
    return this.writes.length;
  }
}
