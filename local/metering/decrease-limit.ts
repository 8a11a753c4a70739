import { DecreaseQuota, FREE_DECREASES_PER_DAY, MAX_DECREASES_PER_DAY } from "../../lib/scaling/decrease-quota";

/**
 * DynamoDB's quota on provisioned-capacity decreases, per table and per GSI, per UTC day, with the refusal DynamoDB
 * answers. The rule itself (4 at any time, then one an hour without a decrease, 27 at most; AWS's words and sources)
 * lives in lib/scaling/decrease-quota.ts, which the cost advisor's simulation shares.
 */
export { FREE_DECREASES_PER_DAY, MAX_DECREASES_PER_DAY };

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
  private readonly quota = new DecreaseQuota();

  /** Decreases of the resource so far in the UTC day of `atMs` (DescribeTable's NumberOfDecreasesToday). */
  countToday(resource: string, atMs: number): number {
    return this.quota.countToday(resource, atMs);
  }

  /** Whether one more decrease is allowed at `atMs`; when not, DynamoDB's LimitExceededException message. */
  check(resource: string, atMs: number): DecreaseVerdict {
    const verdict = this.quota.check(resource, atMs);
    if (verdict.allowed) return verdict;
    // The wording DynamoDB answers with (as its LimitExceededException reads in the wild).
    return {
      allowed: false,
      message:
        "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, " +
        `each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: ${verdict.decreasesToday}. ` +
        `Last decrease at ${formatDecreaseTime(verdict.lastMs)}. Next decrease can be made at ${formatDecreaseTime(verdict.nextMs)}`,
    };
  }

  record(resource: string, atMs: number): void {
    this.quota.record(resource, atMs);
  }
}
