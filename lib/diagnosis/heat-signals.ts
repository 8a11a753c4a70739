/**
 * Signs that one key (a partition) is hotter than DynamoDB can serve, from the throttle metrics: key-range
 * throttle events, and throttle events without a published cause while the table used little of its capacity.
 */
import type { ContributorInsightsInput, ContributorInsightsResource, Evidence, TimeWindow } from "./diagnosis-types";
import { resourceName, windowText } from "./evidence-text";
import { fired, throttledPeriods, throttleEvidence, utilizationEvidence, type DirectionFacts, type ResourceFacts, type SeriesFact } from "./metric-facts";
import type { RuleContext } from "./rule-context";

export type Heat = {
  /** Key-range throttle facts with events: a hot partition for certain. */
  keyRange: SeriesFact[];
  /** Directions throttled for no published cause while well under capacity (or with no capacity to be under). */
  unexplained: DirectionFacts[];
  /** Directions that throttled at all, for corroboration and utilization. */
  throttled: DirectionFacts[];
};

/**
 * Table writes throttled for no published cause while a GSI throttled its writes are that GSI's back-pressure
 * (a table write fails when an index can't take its copy), not a hot key of the table.
 */
function isBackPressure(ctx: RuleContext, facts: DirectionFacts): boolean {
  if (facts.index !== null || facts.direction !== "Write") return false;
  const gsiPeriods = new Set(ctx.facts.filter((resource) => resource.index !== null).flatMap((resource) => [...throttledPeriods(resource.write)]));
  return [...throttledPeriods(facts)].every((period) => gsiPeriods.has(period));
}

export function heatOf(ctx: RuleContext, resource: ResourceFacts): Heat {
  const directions = [resource.read, resource.write];
  return {
    keyRange: directions.map((facts) => facts.causes.keyRange).filter(fired),
    // Throttling while utilization is low can't be capacity: DynamoDB throttled one partition, not the table.
    unexplained: directions.filter(
      (facts) => facts.unexplained !== null && (facts.utilizationWhenThrottled ?? 0) < ctx.thresholds.nearProvisioned && !isBackPressure(ctx, facts),
    ),
    throttled: directions.filter((facts) => fired(facts.generic) || Object.values(facts.causes).some(fired)),
  };
}

export const hasHeat = (heat: Heat): boolean => heat.keyRange.length > 0 || heat.unexplained.length > 0;

/** The metrics behind a heat verdict: key-range events, generic events that corroborate, and low utilization. */
export function heatEvidence(ctx: RuleContext, heat: Heat): Evidence[] {
  const evidence = heat.keyRange.map((fact) => throttleEvidence(ctx.metrics, fact));
  for (const facts of heat.throttled) {
    if (fired(facts.generic)) evidence.push(throttleEvidence(ctx.metrics, facts.generic));
    const utilization = facts.utilizationWhenThrottled;
    // Low use of capacity while throttled is what rules out under-provisioning, so show it.
    if (utilization !== null && utilization < ctx.thresholds.nearProvisioned) {
      const shown = utilizationEvidence(ctx.metrics, facts, "throttled");
      if (shown) evidence.push(shown);
    }
  }
  return evidence;
}

/** What Contributor Insights could tell about a resource: off, unreadable, being enabled, or not read at all. */
export function insightsStatusEvidence(ctx: RuleContext, resource: ContributorInsightsResource | null, index: string | null): Evidence {
  const input: ContributorInsightsInput | null = ctx.input.contributorInsights;
  const window: TimeWindow = input?.window ?? { start: ctx.metrics.start, end: ctx.metrics.end };
  const name = resourceName(index);
  let label: string;
  if (!input) label = `Contributor Insights was not read for ${name}`;
  else if (!resource) label = `Contributor Insights reported nothing for ${name}`;
  else if (resource.status === "UNAVAILABLE") label = `Contributor Insights' status for ${name} could not be read${resource.error ? `: ${resource.error}` : ""}`;
  else if (resource.status === "ENABLED") label = `Contributor Insights is on for ${name}, but its reports could not be read ${windowText(window)}${resource.error ? `: ${resource.error}` : ""}`;
  else label = `Contributor Insights is ${resource.status} for ${name}, so no key was recorded ${windowText(window)}`;
  return { source: "contributor-insights", label, window };
}
