import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import type { ProgressReport } from "@/lib/jobs/job-progress";
import { JobRegistry, type JobOutcome, type JobRunContext } from "./job-registry";

const S = { account: "prod", region: "eu-west-1" };
const initial: ProgressReport = { itemsRead: 0, rcuUsed: 0, rcuBudget: 10, fraction: 0, pagesRead: 0, segmentsDone: 0, segments: 1 };

/** A job that reads "pages" until told to stop, returning what it counted so far: a partial result on cancel. */
function countingJob(): { run: (context: JobRunContext) => Promise<JobOutcome<{ pages: number }>>; step: () => void } {
  let release: () => void = () => undefined;
  return {
    step: () => release(),
    run: async (context) => {
      let pages = 0;
      while (!context.signal.aborted) {
        await new Promise<void>((resolve) => {
          release = resolve;
          context.signal.addEventListener("abort", () => resolve(), { once: true });
        });
        if (context.signal.aborted) break;
        pages++;
        context.report({ ...initial, itemsRead: pages, fraction: pages / 10 });
        if (pages === 3) return { result: { pages }, stopReason: "end", throttle: null };
      }
      return { result: { pages }, stopReason: "cancelled", throttle: null };
    },
  };
}

const done = <R>(result: R): Promise<JobOutcome<R>> => Promise.resolve({ result, stopReason: "end", throttle: null });

describe("JobRegistry", () => {
  it("runs a job in the background and reports progress, then its result", async () => {
    let now = 1_000;
    const registry = new JobRegistry({ maxRunning: 2, now: () => now });
    const job = countingJob();
    const started = registry.start("size-audit", S, "T", { kind: "size-audit" }, job.run, initial);
    expect(started).toMatchObject({ status: "running", table: "T", kind: "size-audit", result: null, finishedAt: null, stopReason: null, createdAt: new Date(1_000).toISOString() });
    expect(started.id).toMatch(/^[0-9a-f-]{36}$/);
    job.step();
    await vi.waitFor(() => expect(registry.get(S, started.id)?.progress.itemsRead).toBe(1));
    now = 3_000;
    expect(registry.get(S, started.id)?.progress).toMatchObject({ fraction: 0.1, elapsedMs: 2_000, etaMs: 18_000 });
    job.step();
    await vi.waitFor(() => expect(registry.get(S, started.id)?.progress.itemsRead).toBe(2));
    job.step();
    const finished = await registry.whenFinished(S, started.id);
    expect(finished).toMatchObject({ status: "succeeded", stopReason: "end", result: { pages: 3 }, error: null, finishedAt: new Date(3_000).toISOString() });
    expect(finished?.progress).toMatchObject({ fraction: 1, etaMs: null, elapsedMs: 2_000 });
  });

  it("refuses a job past the concurrency limit with a 429 that says when to retry", async () => {
    const registry = new JobRegistry({ maxRunning: 2 });
    const jobs = [countingJob(), countingJob()];
    const ids = jobs.map((job, i) => registry.start("size-audit", S, `T${i}`, {}, job.run, initial).id);
    let refused: unknown;
    try {
      registry.start("size-audit", S, "T2", {}, countingJob().run, initial);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "THROTTLED", status: 429, retryAfterSeconds: 10 });
    await registry.cancel(S, ids[0] ?? "");
    expect(registry.start("size-audit", S, "T2", {}, countingJob().run, initial).status).toBe("running");
  });

  it("refuses a second running job of the same kind on one table (409)", () => {
    const registry = new JobRegistry({ maxRunning: 5 });
    registry.start("size-audit", S, "T", {}, countingJob().run, initial);
    expect(() => registry.start("size-audit", S, "T", {}, countingJob().run, initial)).toThrow(expect.objectContaining({ code: "CONFLICT", status: 409 }));
    expect(registry.start("key-sample", S, "T", {}, countingJob().run, initial).status).toBe("running");
  });

  it("cancels a running job, keeping its partial result, and answers a finished one as it is", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const job = countingJob();
    const { id } = registry.start("size-audit", S, "T", {}, job.run, initial);
    job.step();
    await vi.waitFor(() => expect(registry.get(S, id)?.progress.itemsRead).toBe(1));
    const cancelled = await registry.cancel(S, id);
    expect(cancelled).toMatchObject({ status: "cancelled", stopReason: "cancelled", result: { pages: 1 }, error: null });
    expect(await registry.cancel(S, id)).toEqual(cancelled);
    expect(await registry.cancel(S, "no-such-id")).toBeUndefined();
    expect(registry.runningCount).toBe(0);
  });

  it("ends a throwing job as failed with a clear error, and keeps working", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const crashed = registry.start("size-audit", S, "T", {}, async () => {
      throw new TypeError("bug at /srv/x.js");
    }, initial);
    expect(await registry.whenFinished(S, crashed.id)).toMatchObject({
      status: "failed",
      stopReason: "failed",
      result: null,
      error: { code: "INTERNAL", message: "The job stopped on an unexpected error (TypeError). The server log has the details." },
    });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    const denied = registry.start("size-audit", S, "T", {}, async () => {
      throw Object.assign(new Error("not allowed"), { name: "AccessDeniedException" });
    }, initial);
    expect((await registry.whenFinished(S, denied.id))?.error).toEqual({ code: "FORBIDDEN", message: expect.stringContaining("IAM policy") });
    const fine = registry.start("size-audit", S, "T", {}, () => done("ok"), initial);
    expect(await registry.whenFinished(S, fine.id)).toMatchObject({ status: "succeeded", result: "ok" });
  });

  it("keeps a stopped job's reason and throttle", async () => {
    const registry = new JobRegistry({ maxRunning: 1 });
    const throttle = { reason: "TableReadProvisionedThroughputExceeded", resource: "arn:table/T", message: "slow down" };
    const job = registry.start("size-audit", S, "T", {}, async () => ({ result: "partial", stopReason: "throttled", throttle }), initial);
    expect(await registry.whenFinished(S, job.id)).toMatchObject({ status: "succeeded", stopReason: "throttled", throttle, result: "partial" });
  });

  it("keeps the latest job per table and kind: a newer finished job replaces the older one", async () => {
    const registry = new JobRegistry({ maxRunning: 3 });
    const first = registry.start("size-audit", S, "T", {}, () => done(1), initial);
    await registry.whenFinished(S, first.id);
    const other = registry.start("size-audit", S, "U", {}, () => done(2), initial);
    const sample = registry.start("key-sample", S, "T", {}, () => done(3), initial);
    await Promise.all([registry.whenFinished(S, other.id), registry.whenFinished(S, sample.id)]);
    expect(registry.latest(S, "T", "size-audit")?.id).toBe(first.id);
    const running = countingJob();
    const second = registry.start("size-audit", S, "T", {}, running.run, initial);
    // While the newer one runs, it is the latest, and the older result is still readable.
    expect(registry.latest(S, "T", "size-audit")?.id).toBe(second.id);
    expect(registry.get(S, first.id)?.result).toBe(1);
    for (let page = 1; page <= 3; page++) {
      running.step();
      await vi.waitFor(() => expect(registry.get(S, second.id)?.progress.itemsRead).toBe(page));
    }
    await registry.whenFinished(S, second.id);
    expect(registry.get(S, first.id)).toBeUndefined();
    expect(registry.latest(S, "T", "size-audit")).toMatchObject({ id: second.id, result: { pages: 3 } });
    expect(registry.latest(S, "U", "size-audit")?.id).toBe(other.id);
    expect(registry.latest(S, "T", "key-sample")?.id).toBe(sample.id);
    expect(registry.latest(S, "V", "size-audit")).toBeUndefined();
  });

  it("caps the jobs it retains, dropping the oldest finished first", async () => {
    const registry = new JobRegistry({ maxRunning: 1, maxRetained: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const job = registry.start("size-audit", S, `T${i}`, {}, () => done(i), initial);
      await registry.whenFinished(S, job.id);
      ids.push(job.id);
    }
    expect(ids.map((id) => registry.get(S, id)?.result ?? null)).toEqual([null, null, 2, 3, 4]);
  });

  it("keeps every job inside its account and region: another scope neither sees, cancels nor blocks it", async () => {
    const registry = new JobRegistry({ maxRunning: 3 });
    const other = { account: "prod", region: "us-east-1" };
    const otherAccount = { account: "dev", region: "eu-west-1" };
    const job = countingJob();
    const started = registry.start("size-audit", S, "T", {}, job.run, initial);
    expect(started).toMatchObject({ account: "prod", region: "eu-west-1", table: "T" });
    for (const scope of [other, otherAccount]) {
      expect(registry.get(scope, started.id)).toBeUndefined();
      expect(registry.latest(scope, "T", "size-audit")).toBeUndefined();
      expect(await registry.cancel(scope, started.id)).toBeUndefined();
      expect(await registry.whenFinished(scope, started.id)).toBeUndefined();
    }
    // The same table name in another region is another table: its audit may run beside this one.
    const twin = registry.start("size-audit", other, "T", {}, () => done(7), initial);
    await registry.whenFinished(other, twin.id);
    expect(registry.get(S, started.id)?.status).toBe("running");
    expect(registry.latest(other, "T", "size-audit")?.id).toBe(twin.id);
    expect(registry.latest(S, "T", "size-audit")?.id).toBe(started.id);
    await registry.cancel(S, started.id);
    expect(registry.get(S, started.id)?.status).toBe("cancelled");
  });
});

