/**
 * DynamoDB's quota on provisioned-capacity decreases, per table and per GSI (their limits are decoupled), per UTC day.
 *
 * AWS (developer guide, "Quotas": decreasing provisioned throughput; Service Quotas "Provisioned capacity decreases
 * per day", default 27): "A decrease is allowed up to four times any time per day (GMT time zone). Also, if there was
 * no decrease in the past hour, an additional decrease is allowed, effectively bringing the maximum number of
 * decreases in a day to 27 times." An UpdateTable that decreases a table and a GSI is refused whole if either is over.
 */
export const FREE_DECREASES_PER_DAY = 4;
export const MAX_DECREASES_PER_DAY = 27;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type DecreaseVerdict = { allowed: true } | { allowed: false; message: string };

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** DynamoDB's spelling of a time in this message: "Wednesday, July 25, 2018 8:48:14 PM UTC". */
export function formatDecreaseTime(ms: number): string {
  const at = new Date(ms);
  const hours = at.getUTCHours();
  const twoDigits = (value: number) => String(value).padStart(2, "0");
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${twoDigits(at.getUTCMinutes())}:${twoDigits(at.getUTCSeconds())} ${hours < 12 ? "AM" : "PM"}`;
  return `${WEEKDAYS[at.getUTCDay()] ?? ""}, ${MONTHS[at.getUTCMonth()] ?? ""} ${at.getUTCDate()}, ${at.getUTCFullYear()} ${clock} UTC`;
}

/** The decreases of each resource (a key the caller chooses per account, region, table and index) in the current UTC day. */
export class DecreaseLimit {
  private readonly decreases = new Map<string, number[]>();

  private today(resource: string, atMs: number): number[] {
    const dayStart = Math.floor(atMs / DAY_MS) * DAY_MS;
    const kept = (this.decreases.get(resource) ?? []).filter((at) => at >= dayStart && at <= atMs);
    this.decreases.set(resource, kept);
    return kept;
  }

  /** Decreases of the resource so far in the UTC day of `atMs` (DescribeTable's NumberOfDecreasesToday). */
  countToday(resource: string, atMs: number): number {
    return this.today(resource, atMs).length;
  }

  /** Whether one more decrease is allowed at `atMs`; when not, DynamoDB's LimitExceededException message. */
  check(resource: string, atMs: number): DecreaseVerdict {
    const today = this.today(resource, atMs);
    if (today.length < FREE_DECREASES_PER_DAY) return { allowed: true };
    const last = Math.max(...today);
    if (today.length < MAX_DECREASES_PER_DAY && atMs - last >= HOUR_MS) return { allowed: true };
    const next = today.length >= MAX_DECREASES_PER_DAY ? Math.floor(atMs / DAY_MS) * DAY_MS + DAY_MS : last + HOUR_MS;
    // The wording DynamoDB answers with (as its LimitExceededException reads in the wild).
    return {
      allowed: false,
      message:
        "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, " +
        `each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: ${today.length}. ` +
        `Last decrease at ${formatDecreaseTime(last)}. Next decrease can be made at ${formatDecreaseTime(next)}`,
    };
  }

  record(resource: string, atMs: number): void {
    this.today(resource, atMs).push(atMs);
  }
}
