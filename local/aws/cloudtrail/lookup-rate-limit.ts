import { scopeKey } from "../shared/sigv4-scope";

/**
 * LookupEvents' documented limit: "The rate of lookup requests is limited to two per second, per account, per Region.
 * If this limit is exceeded, a throttling error occurs." A token bucket per account and region holding two requests,
 * refilled at two a second; a refused request takes nothing from it.
 */
export class LookupRateLimit {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(private readonly perSecond: number) {}

  /** Whether one more lookup may run now in this account and region (and counts it when it may). */
  admit(scope: { accountId: string; region: string }, nowMs: number): boolean {
    const key = scopeKey(scope);
    const bucket = this.buckets.get(key) ?? { tokens: this.perSecond, atMs: nowMs };
    const tokens = Math.min(this.perSecond, bucket.tokens + (Math.max(0, nowMs - bucket.atMs) / 1000) * this.perSecond);
    const admitted = tokens >= 1;
    this.buckets.set(key, { tokens: admitted ? tokens - 1 : tokens, atMs: nowMs });
    return admitted;
  }
}
