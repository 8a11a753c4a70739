import "server-only";

type Entry<V> = { value: V; expiresAt: number };

/**
 * Like TtlCache (lib/server/cache/ttl-cache.ts), but the load says how long its own value stays fresh: a complete
 * change history is kept as long as the window's metrics, a partial one read under throttling only seconds, so the
 * next viewer after that tries again. Concurrent loads of one key share one promise; failures are not cached.
 */
export class ValueTtlCache<V> {
  private readonly values = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<{ value: V; ttlMs: number }>): Promise<V> {
    const hit = this.values.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = load()
      .then(({ value, ttlMs }) => {
        this.values.delete(key);
        this.values.set(key, { value, expiresAt: this.now() + ttlMs });
        // Map keeps insertion order, so the first key is the oldest write.
        while (this.values.size > this.maxEntries) {
          const oldest = this.values.keys().next();
          if (oldest.done) break;
          this.values.delete(oldest.value);
        }
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  clear(): void {
    this.values.clear();
  }
}
