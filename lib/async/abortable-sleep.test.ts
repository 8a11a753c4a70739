import { describe, expect, it } from "vitest";
import { abortableSleep } from "./abortable-sleep";

describe("abortableSleep", () => {
  it("ends early when the signal aborts", async () => {
    const controller = new AbortController();
    const sleep = abortableSleep(60_000, controller.signal);
    controller.abort();
    await expect(sleep.promise).resolves.toBeUndefined();
  });

  it("ends early when woken, and at once for no wait or an aborted signal", async () => {
    const sleep = abortableSleep(60_000, new AbortController().signal);
    sleep.wake();
    await expect(sleep.promise).resolves.toBeUndefined();
    await expect(abortableSleep(0, new AbortController().signal).promise).resolves.toBeUndefined();
    await expect(abortableSleep(60_000, AbortSignal.abort()).promise).resolves.toBeUndefined();
  });

  it("waits when nothing interrupts it", async () => {
    let done = false;
    const sleep = abortableSleep(20, new AbortController().signal);
    void sleep.promise.then(() => (done = true));
    expect(done).toBe(false);
    await sleep.promise;
    expect(done).toBe(true);
  });
});
