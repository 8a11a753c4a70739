/**
 * What the auto scaling rules read off a target and the metrics: the periods with throttling caused by capacity, the
 * throttling episodes, whether capacity sat at the target's maximum while throttled, and the first scale-out after
 * an episode began. Client-safe, pure.
 */
import type { ScalingActivity, ScalingTarget } from "@/lib/scaling/scaling-types";
import type { TimeWindow } from "./diagnosis-types";
import { fired, throttledPeriods, type DirectionFacts } from "./metric-facts";
import type { RuleContext } from "./rule-context";

/** Throttles from capacity: ProvisionedThroughput events, or events with no published cause while at or near capacity. */
export function capacityThrottlePeriods(ctx: RuleContext, facts: DirectionFacts): Set<number> {
  const periods = new Set<number>();
  const provisioned = facts.causes.provisioned;
  const near = facts.unexplained !== null && facts.utilizationWhenThrottled !== null && facts.utilizationWhenThrottled >= ctx.thresholds.nearProvisioned;
  const source = fired(provisioned) ? provisioned : near ? facts.unexplained : null;
  source?.series.values.forEach((value, i) => {
    if (value !== null && value > 0) periods.add(i);
  });
  return periods;
}

/** Runs of consecutive periods, as windows; `fromStart` when the run begins in the window's first period (it may have begun earlier). */
export type Episode = TimeWindow & { first: number; last: number; fromStart: boolean };

export function episodes(ctx: RuleContext, periods: ReadonlySet<number>): Episode[] {
  const periodMs = ctx.metrics.period * 1000;
  const sorted = [...periods].sort((a, b) => a - b);
  const runs: Episode[] = [];
  for (const i of sorted) {
    const at = ctx.metrics.timestamps[i];
    if (at === undefined) continue;
    const open = runs[runs.length - 1];
    if (open && open.last === i - 1) {
      open.last = i;
      open.end = at + periodMs;
    } else runs.push({ start: at, end: at + periodMs, first: i, last: i, fromStart: i === 0 });
  }
  return runs;
}

/** The highest provisioned capacity in the given periods; null when unknown. */
export function capacityIn(facts: DirectionFacts, periods: Iterable<number>): number | null {
  if (facts.capacity?.kind !== "provisioned") return null;
  let highest: number | null = null;
  for (const i of periods) {
    const value = facts.capacity.perPeriod[i] ?? null;
    if (value !== null) highest = Math.max(highest ?? value, value);
  }
  return highest;
}

export const atMaxAttempts = (target: ScalingTarget): ScalingActivity[] => target.activities.filter((activity) => activity.notScaledReasons.includes("AlreadyAtMaxCapacity"));

/**
 * Whether the target sat at its maximum while the resource was throttled (any cause): the provisioned capacity in a
 * throttled period reached the maximum, or auto scaling reported an attempt it could not make (AlreadyAtMaxCapacity,
 * listed with IncludeNotScaledActivities) in the window.
 */
export function atMaximum(facts: DirectionFacts, target: ScalingTarget): { throttled: Set<number>; capacity: number | null } | null {
  const throttled = throttledPeriods(facts);
  if (throttled.size === 0) return null;
  const capacity = capacityIn(facts, throttled);
  if ((capacity !== null && capacity >= target.maxCapacity) || atMaxAttempts(target).length > 0) return { throttled, capacity };
  return null;
}

/** A scale-out that happened: Successful or still under way, with a capacity above the one before. */
const scaledOut = (activity: ScalingActivity) => activity.direction === "out" && activity.status !== "Failed" && activity.notScaledReasons.length === 0;

/** How long auto scaling may take and still count as reacting to an episode (minutes, beyond its end). */
const REACTION_LIMIT_MS = 15 * 60_000;

/**
 * The first scale-out from one period before the episode began (a scale-out already under way as traffic rose is no
 * late reaction) until REACTION_LIMIT_MS after it ended; null when none came.
 */
export function firstScaleOut(ctx: RuleContext, target: ScalingTarget, episode: Episode): ScalingActivity | null {
  const from = episode.start - ctx.metrics.period * 1000;
  return target.activities.find((activity) => scaledOut(activity) && activity.start >= from && activity.start < episode.end + REACTION_LIMIT_MS) ?? null;
}
