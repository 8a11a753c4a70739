import type { KeySampleResult } from "./job-types";

/** A sample may take this share of the provisioned read capacity of what it reads, leaving the rest to the application. */
export const PROVISIONED_READ_SHARE = 0.1;
/**
 * On-demand tables have no capacity figure to take a share of; this fixed rate is small next to what on-demand serves
 * without throttling (a new on-demand table sustains thousands of reads per second), and a full 1 MB page costs 128.
 */
export const ON_DEMAND_RCU_PER_SECOND = 25;

/**
 * The rate limit a key sample runs at when the request names none: 10% of the provisioned read capacity of the table
 * or index it reads (at least 1 RCU/s), or a fixed 25 RCU/s on on-demand capacity. Client-safe, so a form can show it.
 */
export function defaultKeySampleRate(provisionedReadCapacity: number | null): KeySampleResult["rateLimit"] {
  if (provisionedReadCapacity === null) return { rcuPerSecond: ON_DEMAND_RCU_PER_SECOND, source: "on-demand-default" };
  return { rcuPerSecond: Math.max(1, Math.floor(provisionedReadCapacity * PROVISIONED_READ_SHARE)), source: "provisioned-share" };
}
