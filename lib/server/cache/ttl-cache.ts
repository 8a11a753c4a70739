import "server-only";

/** hit: a fresh cached value; miss: this call loaded it; coalesced: it joined a load already in flight. */
export type CacheOutcome = "hit" | "miss" | "coalesced";

type Entry<V> = { value: V; expiresAt: number };

/**
 * A small TTL cache that also coalesces concurrent loads of one key: while a load is in flight,
 * every caller of that key awaits the same promise, so N viewers cost one upstream call.
 * Failures are not cached, unless `failureTtlMs` says for how long: then a failing upstream (a missing rule, a
 * throttled API) is asked again once per that time, not once per viewer's request.
 */
export class TtlCache<V> {
  private readonly values = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private readonly failures = new Map<string, { error: unknown; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
    private readonly failureTtlMs = 0,
  ) {}

  /** `ttlMs` may depend on the value loaded: a partial answer (read under throttling, say) can be kept for less. */
  async get(key: string, ttlMs: number | ((value: V) => number), load: () => Promise<V>): Promise<V> {
    return (await this.lookup(key, ttlMs, load)).value;
  }

  /** Like get, and also says how it was answered, for callers that report their cache behaviour. */
  async lookup(key: string, ttlMs: number | ((value: V) => number), load: () => Promise<V>): Promise<{ value: V; outcome: CacheOutcome }> {
    const hit = this.values.get(key);
    if (hit && hit.expiresAt > this.now()) return { value: hit.value, outcome: "hit" };
    const failed = this.failures.get(key);
    if (failed && failed.expiresAt > this.now()) throw failed.error;
    const pending = this.inFlight.get(key);
    if (pending) return { value: await pending, outcome: "coalesced" };
    const promise = load()
      .then(
        (value) => {
          this.failures.delete(key);
          this.set(key, value, typeof ttlMs === "function" ? ttlMs(value) : ttlMs);
          return value;
        },
        (error: unknown) => {
          if (this.failureTtlMs > 0) this.rememberFailure(key, error);
          throw error;
        },
      )
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return { value: await promise, outcome: "miss" };
  }

  private set(key: string, value: V, ttlMs: number): void {
    this.values.delete(key);
    this.values.set(key, { value, expiresAt: this.now() + ttlMs });
    // Map keeps insertion order, so the first key is the oldest write.
    while (this.values.size > this.maxEntries) {
      const oldest = this.values.keys().next();
      if (oldest.done) break;
      this.values.delete(oldest.value);
    }
  }

  private rememberFailure(key: string, error: unknown): void {
    this.failures.delete(key);
    this.failures.set(key, { error, expiresAt: this.now() + this.failureTtlMs });
    while (this.failures.size > this.maxEntries) {
      const oldest = this.failures.keys().next();
      if (oldest.done) break;
      this.failures.delete(oldest.value);
    }
  }

  clear(): void {
    this.values.clear();
    this.failures.clear();
  }
}
