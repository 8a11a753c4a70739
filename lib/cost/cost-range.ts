import { z } from "zod";

/**
 * The cost window's length, as `?range=` gives it: whole hours or days, from 1 hour to 14 days. 14 days is where
 * CloudWatch stops keeping one-minute datapoints (15 days) with a day to spare, and the simulation needs them.
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
export const MAX_COST_RANGE_MS = 14 * DAY_MS;
export const DEFAULT_COST_RANGE = "14d";
export const COST_RANGE_CHOICES = ["1d", "7d", "14d"] as const;

export const costRangeSchema = z
  .string()
  .regex(/^[1-9]\d{0,2}[hd]$/, "range must be a number of hours or days, such as 24h or 14d")
  .transform((text) => ({ text, ms: Number(text.slice(0, -1)) * (text.endsWith("d") ? DAY_MS : HOUR_MS) }))
  .refine((range) => range.ms <= MAX_COST_RANGE_MS, "range can be at most 14d: CloudWatch keeps one-minute data for 15 days");

export type CostRange = z.output<typeof costRangeSchema>;

/** The window ending at the last whole minute before `nowMs`: CloudWatch's one-minute sums of a minute still running are incomplete. */
export function costWindow(nowMs: number, rangeMs: number): { start: number; end: number } {
  const end = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  return { start: end - rangeMs, end };
}
