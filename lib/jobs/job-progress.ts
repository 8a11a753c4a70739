import type { JobProgress } from "./job-types";

/** Progress a job reports; the registry adds the timing (elapsedMs, etaMs) when it answers. */
export type ProgressReport = Omit<JobProgress, "elapsedMs" | "etaMs">;

/** While running, never claim more than this: ItemCount is approximate and may be hours old. */
const MAX_RUNNING_FRACTION = 0.99;

/**
 * How far a read has come: the larger of items read vs their target and RCU used vs the budget, because the job stops
 * at whichever is reached first. `itemTarget` is the sample size (or the table's approximate ItemCount if smaller),
 * or the approximate ItemCount for a full scan; null or 0 when unknown.
 */
export function readFraction(progress: { itemsRead: number; itemTarget: number | null; rcuUsed: number; rcuBudget: number }): number | null {
  const parts: number[] = [];
  if (progress.itemTarget !== null && progress.itemTarget > 0) parts.push(progress.itemsRead / progress.itemTarget);
  if (progress.rcuBudget > 0) parts.push(progress.rcuUsed / progress.rcuBudget);
  if (parts.length === 0) return null;
  return Math.min(MAX_RUNNING_FRACTION, Math.max(0, ...parts));
}

/** Remaining time at the pace so far; null until there is a pace to go by. */
export function estimateEtaMs(elapsedMs: number, fraction: number | null): number | null {
  if (fraction === null || fraction <= 0 || elapsedMs <= 0) return null;
  if (fraction >= 1) return 0;
  return Math.round((elapsedMs * (1 - fraction)) / fraction);
}
