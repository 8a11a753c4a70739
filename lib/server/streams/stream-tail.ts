import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { sameScope, type Scope } from "@/lib/scope/scope";
import type { Access } from "@/lib/server/auth/access";
import type { StreamReadStats, TailState } from "@/lib/streams/stream-types";
import { TailBuffer } from "@/lib/streams/tail-buffer";
import { startShardPoller, type ShardPoller } from "./shard-poller";

/** A tail nobody asked for records for this long stops: an open page polls every second or two. */
export const TAIL_IDLE_MS = 60_000;
/** Tails kept in memory, running or stopped (a stopped tail's records stay readable); the oldest stopped go first. */
const MAX_TAILS = 50;
const CHECK_EVERY_MS = 1_000;

export type StreamTail = {
  id: string;
  scope: Scope;
  table: string;
  streamArn: string;
  buffer: TailBuffer;
  status: TailState["status"];
  stoppedReason: TailState["stoppedReason"];
  startedAt: number;
  stopsAt: number;
  error: string | null;
  lastRequestAt: number;
  stats: () => StreamReadStats;
  stop: (reason: "idle" | "cap") => void;
};

/**
 * Starting (or resuming) the tail is for engineers. Every reader of a shard shares about 5 GetRecords calls a second
 * with the table's own consumers, and AWS advises at most two readers per shard: a reader more can slow the
 * application's Lambda or KCL consumers. Viewers read what a running tail holds.
 */
export function assertMayTailStream(access: Access): void {
  if (access.role !== "engineer") {
    throw new AppError(
      "FORBIDDEN",
      "Starting the live tail is for engineers: every reader shares each shard's ~5 GetRecords calls a second with the table's own consumers (Lambda, KCL), and AWS advises at most two readers per shard. Viewers see what a running tail has read.",
    );
  }
}

export type StreamTailsOptions = { now?: () => number; idleMs?: number; maxSeconds?: () => number; pollIntervalMs?: () => number };

/**
 * One live tail per account, region and table, shared by every page open on it: one reader per shard however many
 * people watch. A tail reads from LATEST (the writes from when it started), keeps the newest TAIL_BUFFER_SIZE
 * records, and stops when nobody asked for 60 s, after STREAM_TAIL_MAX_SECONDS, or on an error it cannot work around.
 */
export class StreamTails {
  private readonly tails = new Map<string, StreamTail>();
  private readonly now: () => number;

  constructor(private readonly options: StreamTailsOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  find(scope: Scope, table: string): StreamTail | undefined {
    const tail = this.tails.get(tailKey(scope, table));
    return tail && sameScope(tail.scope, scope) ? tail : undefined;
  }

  /** The running tail of this stream, or a new one replacing a stopped one (or one on an older stream of the table). */
  resume(scope: Scope, table: string, streamArn: string): StreamTail {
    const current = this.find(scope, table);
    if (current?.status === "running" && current.streamArn === streamArn) return current;
    current?.stop("idle");
    const tail = this.start(scope, table, streamArn);
    this.tails.delete(tailKey(scope, table));
    this.tails.set(tailKey(scope, table), tail);
    this.evictOverflow();
    return tail;
  }

  /** A request came for the tail's records: it stays running. */
  touch(tail: StreamTail): void {
    tail.lastRequestAt = this.now();
  }

  state(tail: StreamTail): TailState {
    return { status: tail.status, stoppedReason: tail.stoppedReason, startedAt: tail.startedAt, stopsAt: tail.stopsAt, error: tail.error, stats: tail.stats() };
  }

  /** Stops every running tail (tests, shutdown). */
  stopAll(): void {
    for (const tail of this.tails.values()) if (tail.status === "running") tail.stop("idle");
  }

  private start(scope: Scope, table: string, streamArn: string): StreamTail {
    const startedAt = this.now();
    const maxSeconds = this.options.maxSeconds?.() ?? env().streamTailMaxSeconds;
    const idleMs = this.options.idleMs ?? TAIL_IDLE_MS;
    const controller = new AbortController();
    const buffer = new TailBuffer();
    let poller: ShardPoller | null = null;
    const tail: StreamTail = {
      id: randomUUID(),
      scope: { account: scope.account, region: scope.region },
      table,
      streamArn,
      buffer,
      status: "running",
      stoppedReason: null,
      startedAt,
      stopsAt: startedAt + maxSeconds * 1_000,
      error: null,
      lastRequestAt: startedAt,
      stats: () => poller?.stats() ?? emptyStats(this.options.pollIntervalMs?.() ?? env().streamPollIntervalMs),
      stop: (reason) => {
        if (tail.status !== "running") return;
        tail.status = "stopped";
        tail.stoppedReason = reason;
        clearInterval(timer);
        controller.abort();
      },
    };
    poller = startShardPoller({
      scope,
      streamArn,
      startingPosition: "LATEST",
      pollIntervalMs: this.options.pollIntervalMs?.() ?? env().streamPollIntervalMs,
      signal: controller.signal,
      onBatch: (batch) => buffer.push(batch.records),
      now: this.now,
    });
    poller.done.catch((error: unknown) => {
      if (tail.status !== "running") return;
      tail.status = "stopped";
      tail.stoppedReason = "error";
      tail.error = error instanceof AppError ? error.message : "The tail stopped on an unexpected error.";
      clearInterval(timer);
      if (!(error instanceof AppError)) console.error("[dynamo-lens] stream tail failed", error);
    });
    const timer = setInterval(() => {
      const now = this.now();
      if (now >= tail.stopsAt) tail.stop("cap");
      else if (now - tail.lastRequestAt >= idleMs) tail.stop("idle");
    }, CHECK_EVERY_MS);
    // The check must not keep a process (a test run, a stopping server) alive on its own.
    timer.unref();
    return tail;
  }

  private evictOverflow(): void {
    for (const [key, tail] of this.tails) {
      if (this.tails.size <= MAX_TAILS) return;
      if (tail.status !== "running") this.tails.delete(key);
    }
  }
}

function tailKey(scope: Scope, table: string): string {
  return JSON.stringify([scope.account, scope.region, table]);
}

function emptyStats(pollIntervalMs: number): StreamReadStats {
  return { getRecordsCalls: 0, throttledCalls: 0, callsPerShardPerSecond: null, shardsReading: 0, shardsFinished: 0, shardsRead: 0, pollIntervalMs };
}

type TailsHolder = { __dynamoLensStreamTails?: StreamTails };

/** The server's tails, cached on globalThis so dev-mode hot reload does not start a second set of readers. */
export function streamTails(): StreamTails {
  const holder = globalThis as TailsHolder;
  holder.__dynamoLensStreamTails ??= new StreamTails();
  return holder.__dynamoLensStreamTails;
}
