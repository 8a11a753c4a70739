import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { estimateEtaMs, type ProgressReport } from "@/lib/jobs/job-progress";
import type { JobError, JobKind, JobSnapshot, JobStatus, StopReason, ThrottleInfo } from "@/lib/jobs/job-types";
import { sameScope, type Scope } from "@/lib/scope/scope";
import { toAppError } from "@/lib/server/http/error-response";

export type JobRunContext = {
  /** Aborted when the job is cancelled: pass it to every request, and return what was found so far. */
  signal: AbortSignal;
  report: (progress: ProgressReport) => void;
};

/** What a job hands back: its (possibly partial) result and why it stopped. */
export type JobOutcome<R> = { result: R; stopReason: Exclude<StopReason, "failed">; throttle: ThrottleInfo | null };
export type JobRunner<R> = (context: JobRunContext) => Promise<JobOutcome<R>>;

export type JobRegistryOptions = {
  /** Jobs that may run at once; past it start() throws a 429. */
  maxRunning: number;
  /** Jobs kept in memory, running or finished; the oldest finished go first. */
  maxRetained?: number;
  now?: () => number;
};

type Entry<P, R> = {
  seq: number;
  id: string;
  kind: JobKind;
  /** The account and region the job reads; a job is only ever found through its own scope. */
  scope: Scope;
  table: string;
  params: P;
  status: JobStatus;
  progress: ProgressReport;
  result: R | null;
  error: JobError | null;
  createdAt: number;
  finishedAt: number | null;
  stopReason: StopReason | null;
  throttle: ThrottleInfo | null;
  controller: AbortController;
  done: Promise<void>;
};

const DEFAULT_MAX_RETAINED = 200;
/** A full registry usually frees up within seconds to minutes; this is when a client should ask again. */
const RETRY_AFTER_SECONDS = 10;
/** How long DELETE waits for a cancelled job to wind down, so it can answer with the final state. */
const CANCEL_WAIT_MS = 5_000;

/**
 * Background jobs in this server's memory. Jobs run detached from the request that started them; a result stays
 * readable until the server restarts or a newer job of the same kind on the same table finishes. A job that throws
 * ends "failed" with a clear error; nothing a job does can crash the server.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Entry<unknown, unknown>>();
  private seq = 0;
  private readonly now: () => number;

  constructor(private readonly options: JobRegistryOptions) {
    this.now = options.now ?? Date.now;
  }

  get runningCount(): number {
    let running = 0;
    for (const entry of this.jobs.values()) if (entry.status === "running") running++;
    return running;
  }

  start<P, R>(kind: JobKind, scope: Scope, table: string, params: P, run: JobRunner<R>, initial: ProgressReport): JobSnapshot<P, R> {
    if (this.runningCount >= this.options.maxRunning) {
      throw new AppError(
        "THROTTLED",
        `This server already runs ${this.options.maxRunning} background job(s), its limit (MAX_CONCURRENT_JOBS). Wait for one to finish or cancel one.`,
        RETRY_AFTER_SECONDS,
      );
    }
    const twin = [...this.jobs.values()].find((entry) => entry.status === "running" && sameScope(entry.scope, scope) && entry.table === table && entry.kind === kind);
    if (twin) {
      // Two audits of one table would only double the load on it; the UI can show (or cancel) the running one.
      throw new AppError("CONFLICT", `A ${kind} job of table ${table} is already running (id ${twin.id}). Cancel it or wait for it to finish.`);
    }
    const entry: Entry<P, R> = {
      seq: ++this.seq,
      id: randomUUID(),
      kind,
      scope: { account: scope.account, region: scope.region },
      table,
      params,
      status: "running",
      progress: initial,
      result: null,
      error: null,
      createdAt: this.now(),
      finishedAt: null,
      stopReason: null,
      throttle: null,
      controller: new AbortController(),
      done: Promise.resolve(),
    };
    this.jobs.set(entry.id, entry);
    entry.done = this.execute(entry, run);
    this.evictOverflow();
    return this.snapshot(entry);
  }

  /** A job by id, only within its own account and region: from another scope it does not exist. */
  get(scope: Scope, id: string): JobSnapshot<unknown, unknown> | undefined {
    const entry = this.entryIn(scope, id);
    return entry && this.snapshot(entry);
  }

  /** The newest job of this kind on the scope's table, running or finished. */
  latest(scope: Scope, table: string, kind: JobKind): JobSnapshot<unknown, unknown> | undefined {
    let newest: Entry<unknown, unknown> | undefined;
    for (const entry of this.jobs.values()) if (sameScope(entry.scope, scope) && entry.table === table && entry.kind === kind && (!newest || entry.seq > newest.seq)) newest = entry;
    return newest && this.snapshot(newest);
  }

  /** Cancels a running job and waits (briefly) for it to stop; a finished job is answered as it is. */
  async cancel(scope: Scope, id: string): Promise<JobSnapshot<unknown, unknown> | undefined> {
    const entry = this.entryIn(scope, id);
    if (!entry) return undefined;
    if (entry.status === "running") {
      entry.controller.abort();
      await settleWithin(entry.done, CANCEL_WAIT_MS);
    }
    return this.snapshot(entry);
  }

  private entryIn(scope: Scope, id: string): Entry<unknown, unknown> | undefined {
    const entry = this.jobs.get(id);
    return entry && sameScope(entry.scope, scope) ? entry : undefined;
  }

  /** Resolves once the job has finished. */
  async whenFinished(scope: Scope, id: string): Promise<JobSnapshot<unknown, unknown> | undefined> {
    const entry = this.entryIn(scope, id);
    if (!entry) return undefined;
    await entry.done;
    return this.snapshot(entry);
  }

  private async execute<P, R>(entry: Entry<P, R>, run: JobRunner<R>): Promise<void> {
    const context: JobRunContext = {
      signal: entry.controller.signal,
      report: (progress) => {
        if (entry.status === "running") entry.progress = progress;
      },
    };
    try {
      const outcome = await run(context);
      entry.result = outcome.result;
      const cancelled = entry.controller.signal.aborted || outcome.stopReason === "cancelled";
      entry.status = cancelled ? "cancelled" : "succeeded";
      entry.stopReason = cancelled ? "cancelled" : outcome.stopReason;
      entry.throttle = outcome.throttle;
      if (entry.stopReason === "end" || entry.stopReason === "sample-size") entry.progress = { ...entry.progress, fraction: 1 };
    } catch (error) {
      if (entry.controller.signal.aborted) {
        entry.status = "cancelled";
        entry.stopReason = "cancelled";
      } else {
        entry.status = "failed";
        entry.stopReason = "failed";
        entry.error = describeFailure(error);
      }
    }
    entry.finishedAt = this.now();
    this.dropReplaced(entry);
  }

  /** A finished job replaces the older finished jobs of its kind on its table. */
  private dropReplaced(finished: Entry<unknown, unknown>): void {
    for (const [id, entry] of this.jobs) {
      if (entry.seq < finished.seq && entry.status !== "running" && sameScope(entry.scope, finished.scope) && entry.table === finished.table && entry.kind === finished.kind) this.jobs.delete(id);
    }
  }

  private evictOverflow(): void {
    const max = this.options.maxRetained ?? DEFAULT_MAX_RETAINED;
    // Map iteration is in insertion order, so the first finished entries are the oldest.
    for (const [id, entry] of this.jobs) {
      if (this.jobs.size <= max) return;
      if (entry.status !== "running") this.jobs.delete(id);
    }
  }

  private snapshot<P, R>(entry: Entry<P, R>): JobSnapshot<P, R> {
    const elapsedMs = Math.max(0, (entry.finishedAt ?? this.now()) - entry.createdAt);
    return {
      id: entry.id,
      kind: entry.kind,
      account: entry.scope.account,
      region: entry.scope.region,
      table: entry.table,
      status: entry.status,
      params: entry.params,
      progress: { ...entry.progress, elapsedMs, etaMs: entry.status === "running" ? estimateEtaMs(elapsedMs, entry.progress.fraction) : null },
      result: entry.result,
      error: entry.error,
      createdAt: new Date(entry.createdAt).toISOString(),
      finishedAt: entry.finishedAt === null ? null : new Date(entry.finishedAt).toISOString(),
      stopReason: entry.stopReason,
      throttle: entry.throttle,
    };
  }
}

function describeFailure(error: unknown): JobError {
  const known = toAppError(error);
  if (known) return { code: known.code, message: known.message };
  console.error("[dynamo-lens] background job failed", error);
  const name = error instanceof Error ? error.name : typeof error;
  return { code: "INTERNAL", message: `The job stopped on an unexpected error (${name}). The server log has the details.` };
}

async function settleWithin(done: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

type RegistryHolder = { __dynamoLensJobs?: JobRegistry };

/** The server's one registry, cached on globalThis so dev-mode hot reload does not start a second, empty one. */
export function jobRegistry(): JobRegistry {
  const holder = globalThis as RegistryHolder;
  holder.__dynamoLensJobs ??= new JobRegistry({ maxRunning: env().maxConcurrentJobs });
  return holder.__dynamoLensJobs;
}
