import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";

/**
 * Handles that keep the process busy without being I/O: timers and immediates. Sockets (keep-alive connections the
 * SDK's agents hold) and other I/O handles are deliberately not counted: they come and go with the connection pool.
 */
const TIMER_RESOURCES = new Set(["Timeout", "Immediate"]);

export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => TIMER_RESOURCES.has(resource)).length;
}

/**
 * Asserts that the timers active now are no more than `before`. It polls for a while first: the SDK's HTTP handler
 * defers registering socket listeners with one-shot timers of up to 3 s that outlive the request, which is not a
 * leak; a timer still there after ten seconds (a pacing interval, a forgotten retry) is. (Not vi.waitFor: its own
 * timers would be counted.)
 */
export async function expectNoLeakedTimers(before: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && activeTimers() > before; attempt++) await sleep(100);
  expect(activeTimers(), `active resources: ${process.getActiveResourcesInfo().join(", ")}`).toBeLessThanOrEqual(before);
}
