/**
 * DynamoDB's quota on provisioned-capacity decreases, per table and per GSI (their limits are decoupled), per UTC day.
 * Pure and client-safe: the local DynamoDB proxy enforces it (local/metering/decrease-limit.ts) and the cost advisor's
 * auto scaling simulation obeys it (lib/cost/capacity-simulation.ts).
 *
 * AWS (developer guide, ServiceQuotas.html, "Decreasing provisioned throughput"; Service Quotas "Provisioned capacity
 * decreases per day", default 27): "A decrease is allowed up to four times any time per day (GMT time zone). Also, if
 * there was no decrease in the past hour, an additional decrease is allowed, effectively bringing the maximum number
 * of decreases in a day to 27 times." A decrease of RCU, WCU or both in one UpdateTable counts once; an UpdateTable
 * that decreases a table and a GSI is refused whole if either is over.
 */
export const FREE_DECREASES_PER_DAY = 4;
export const MAX_DECREASES_PER_DAY = 27;
const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type QuotaVerdict =
  | { allowed: true }
  /** Refused: the decreases so far today, the last one, and when the next would be allowed (epoch ms). */
  | { allowed: false; decreasesToday: number; lastMs: number; nextMs: number };

export const utcDayStart = (atMs: number) => Math.floor(atMs / DAY_MS) * DAY_MS;

/** The decreases of each resource (a key the caller chooses, e.g. per account, region, table and index) in the current UTC day. */
export class DecreaseQuota {
  private readonly decreases = new Map<string, number[]>();

  private today(resource: string, atMs: number): number[] {
    const dayStart = utcDayStart(atMs);
    const kept = (this.decreases.get(resource) ?? []).filter((at) => at >= dayStart && at <= atMs);
    this.decreases.set(resource, kept);
    return kept;
  }

  /** Decreases of the resource so far in the UTC day of `atMs` (DescribeTable's NumberOfDecreasesToday). */
  countToday(resource: string, atMs: number): number {
    return this.today(resource, atMs).length;
  }

  /** Whether one more decrease is allowed at `atMs`: four at any time, then one an hour after the last, 27 at most. */
  check(resource: string, atMs: number): QuotaVerdict {
    const today = this.today(resource, atMs);
    if (today.length < FREE_DECREASES_PER_DAY) return { allowed: true };
    const last = Math.max(...today);
    if (today.length < MAX_DECREASES_PER_DAY && atMs - last >= HOUR_MS) return { allowed: true };
    const nextMs = today.length >= MAX_DECREASES_PER_DAY ? utcDayStart(atMs) + DAY_MS : last + HOUR_MS;
    return { allowed: false, decreasesToday: today.length, lastMs: last, nextMs };
  }

  record(resource: string, atMs: number): void {
    this.today(resource, atMs).push(atMs);
  }
}
