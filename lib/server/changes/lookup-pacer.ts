import "server-only";

/**
 * LookupEvents allows two requests per second per account and region (CloudTrail API reference: "The rate of lookup
 * requests is limited to two per second, per account, per Region"). Every lookup of a scope takes the next free slot,
 * at least this far after the previous one, so however many reads run (both event sources, several windows) this
 * process never asks faster than that. The slots are handed out in call order: a small per-scope queue.
 */
export const LOOKUP_SPACING_MS = 500;

export type Sleep = (ms: number) => Promise<void>;
const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class LookupPacer {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly spacingMs = LOOKUP_SPACING_MS,
    // A monotonic clock: slots are about real spacing, whatever the wall clock (or a test's frozen Date) says.
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: Sleep = sleepFor,
  ) {}

  /** Runs `call` in the scope's next slot. */
  async run<T>(scopeKey: string, call: () => Promise<T>): Promise<T> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot.get(scopeKey) ?? 0);
    this.nextSlot.set(scopeKey, slot + this.spacingMs);
    if (slot > now) await this.sleep(slot - now);
    return call();
  }
}
