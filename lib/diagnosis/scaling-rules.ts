/**
 * Auto scaling verdicts: at its maximum while throttled, reacting late, missing on a provisioned table that throttles,
 * and a minimum below the daily peak. Client-safe, pure.
 *
 * How they sit next to capacity-rules' verdicts (one thing said once at one severity):
 * - scaling-at-maximum (critical when capacity throttled) IS the explanation of the shortfall, so it replaces the
 *   under-provisioned-* verdict of the same resource and direction (`explained`) and carries its evidence. A GSI's
 *   gsi-back-pressure stays: it says what the index's shortfall does to the table's writes.
 * - scaling-slow (warning) says why capacity lagged; under-provisioned-* (critical) still says that requests were
 *   turned away.
 * - no-auto-scaling (warning) is the missing remedy; under-provisioned-* (critical) stays the problem.
 * - scaling-minimum-low is info, or a warning when the window's throttling began with capacity at the minimum.
 */
import type { ScalingTarget } from "@/lib/scaling/scaling-types";
import type { Evidence, TimeWindow, Verdict } from "./diagnosis-types";
import { amount, capitalize, count, resourceName, utcTime, windowText } from "./evidence-text";
import { fired, throttleEvidence, utilizationEvidence, type Direction, type DirectionFacts } from "./metric-facts";
import type { RuleContext } from "./rule-context";
import { atMaximum, atMaxAttempts, capacityIn, capacityThrottlePeriods, episodes, firstScaleOut } from "./scaling-rules-facts";

/** Peak per-second consumption of one resource and direction over the last 24 h (one GetMetricData batch per scope). */
export type DailyPeak = { index: string | null; kind: "read" | "write"; perSecond: number; at: number };
/** What the 24 h read covered; `peaks` lists only the resources that had data. */
export type DailyPeaks = { window: TimeWindow; periodSeconds: number; peaks: DailyPeak[] };

/** The table's auto scaling, as GET /api/tables/:table/scaling lists it; null or absent when it could not be read. */
export type ScalingInput = { scaling?: { targets: readonly ScalingTarget[]; dailyPeaks: DailyPeaks | null } | null };

/** A resource and direction whose capacity verdict a scaling verdict replaces. */
export type Explained = { index: string | null; direction: Direction };

/** Auto scaling needs this long to react: AlarmHigh wants 2 consecutive one-minute periods above target, then acts. */
const SLOW_MS = 2 * 60_000;

const NOUN = { read: "reads", write: "writes" } as const;
const UNIT = { read: "RCU", write: "WCU" } as const;
const directionOf = (kind: "read" | "write"): Direction => (kind === "read" ? "Read" : "Write");
const whose = (index: string | null, kind: "read" | "write") => (index === null ? `the table's ${NOUN[kind]}` : `the index ${index}'s ${NOUN[kind]}`);
const minutes = (ms: number) => Math.round(ms / 60_000);
const plural = (value: number, word: string) => `${value} ${word}${value === 1 ? "" : "s"}`;

function targetValue(target: ScalingTarget): number | null {
  return target.policies.find((policy) => policy.targetValue !== null)?.targetValue ?? null;
}

function settingsCommand(ctx: RuleContext, target: ScalingTarget, option: string): string {
  return `\`aws application-autoscaling register-scalable-target --service-namespace dynamodb --resource-id ${target.resourceId} --scalable-dimension ${target.dimension} ${option}\``;
}

function provisionedLink(facts: DirectionFacts): Evidence["link"] {
  const series = facts.capacity?.series ?? facts.consumed;
  return series ? { kind: "chart", seriesId: series.id } : undefined;
}

function throttles(ctx: RuleContext, facts: DirectionFacts): Evidence[] {
  const causes = Object.values(facts.causes).filter(fired);
  const shown = causes.length > 0 ? causes : fired(facts.generic) ? [facts.generic] : [];
  const evidence = shown.map((fact) => throttleEvidence(ctx.metrics, fact));
  // A GSI that cannot take its writes throttles the table's writes (back-pressure): the same shortfall, seen at the table.
  const tableWrites = facts.index !== null && facts.direction === "Write" ? ctx.facts.find((resource) => resource.index === null)?.write.generic : null;
  if (fired(tableWrites ?? null) && tableWrites) evidence.push(throttleEvidence(ctx.metrics, tableWrites));
  return evidence;
}

function atMaximumVerdict(ctx: RuleContext, target: ScalingTarget, facts: DirectionFacts): Verdict | null {
  const found = atMaximum(facts, target);
  if (!found) return null;
  const capacityCaused = capacityThrottlePeriods(ctx, facts).size > 0;
  const keyRange = fired(facts.causes.keyRange);
  const noun = NOUN[target.kind];
  const window = { start: ctx.metrics.start, end: ctx.metrics.end };
  const attempts = atMaxAttempts(target);
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: `Provisioned${directionOf(target.kind)}CapacityUnits`,
      label:
        `Auto scaling may set ${whose(target.index, target.kind)} between ${count(target.minCapacity)} and ${count(target.maxCapacity)} ${UNIT[target.kind]}/s` +
        (found.capacity === null ? "" : `; provisioned was ${count(found.capacity)} ${UNIT[target.kind]}/s while they were throttled`),
      window,
      link: provisionedLink(facts),
    },
    ...throttles(ctx, facts),
  ];
  const [firstAttempt] = attempts;
  if (firstAttempt) {
    evidence.push({ source: "metric", label: `Auto scaling wanted more ${plural(attempts.length, "time")} but was already at its maximum (AlreadyAtMaxCapacity), first at ${utcTime(firstAttempt.start)} UTC`, window, link: provisionedLink(facts) });
  }
  const utilization = utilizationEvidence(ctx.metrics, facts);
  if (utilization) evidence.push(utilization);
  const target100 = targetValue(target);
  const peak = facts.peakUtilization?.consumed ?? null;
  const aim = peak !== null && target100 ? ` to at least ${count(Math.ceil(peak / (target100 / 100)))} (what the peak seen needs at its ${target100}% target; throttled requests consume nothing, so demand was higher)` : "";
  const raise = `Raise the maximum${aim}: ${settingsCommand(ctx, target, "--max-capacity <n>")}.`;
  const key = "Some throttles are key-range ones: one partition key gets more than a partition can serve, which no maximum fixes; spread that key's traffic (a suffix, or a better-spread key).";
  const suggestion = capacityCaused ? (keyRange ? `${raise} ${key}` : raise) : `${key} Raising the maximum would not stop these throttles.`;
  return {
    kind: "scaling-at-maximum",
    severity: capacityCaused ? "critical" : "warning",
    title: `Auto scaling of ${whose(target.index, target.kind)} is at its maximum (${count(target.maxCapacity)}) while ${noun} are being turned away.`,
    index: target.index,
    evidence,
    suggestion,
  };
}

function slowVerdict(ctx: RuleContext, target: ScalingTarget, facts: DirectionFacts): Verdict | null {
  const noun = NOUN[target.kind];
  let worst: { delayMs: number | null; episode: ReturnType<typeof episodes>[number]; reaction: ScalingTarget["activities"][number] | null } | null = null;
  for (const episode of episodes(ctx, capacityThrottlePeriods(ctx, facts))) {
    // Throttling already under way when the window began may have begun long before: no "began at" to measure from.
    if (episode.fromStart) continue;
    const capacity = capacityIn(facts, Array.from({ length: episode.last - episode.first + 1 }, (_, i) => episode.first + i));
    if (capacity !== null && capacity >= target.maxCapacity) continue;
    const reaction = firstScaleOut(ctx, target, episode);
    const delayMs = reaction ? Math.max(0, reaction.start - episode.start) : null;
    if (delayMs !== null && delayMs < SLOW_MS) continue;
    if (!worst || delayMs === null || (worst.delayMs !== null && delayMs > worst.delayMs)) worst = { delayMs, episode, reaction };
    if (delayMs === null) break;
  }
  if (!worst) return null;
  const { episode, reaction, delayMs } = worst;
  const where = whose(target.index, target.kind);
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: facts.causes.provisioned?.series.metric ?? facts.generic?.series.metric,
      label: `${capitalize(noun)} were throttled for lack of capacity ${windowText(episode)} (${plural(minutes(episode.end - episode.start), "minute")})`,
      window: { start: episode.start, end: episode.end },
      link: facts.causes.provisioned ? { kind: "chart", seriesId: facts.causes.provisioned.series.id } : facts.generic ? { kind: "chart", seriesId: facts.generic.series.id } : undefined,
    },
  ];
  const suspended = target.suspended.dynamicScalingOut ? " Scaling out is suspended on this target (SuspendedState), so it could not react at all." : "";
  if (reaction) {
    evidence.push({ source: "metric", label: `Auto scaling set ${where} to ${reaction.capacity === null ? "more" : count(reaction.capacity)} at ${utcTime(reaction.start)} UTC (${reaction.cause})`, window: { start: reaction.start, end: reaction.end ?? reaction.start }, link: provisionedLink(facts) });
  } else {
    evidence.push({ source: "metric", label: `No scale-out of ${where} between ${utcTime(episode.start)} and ${utcTime(Math.min(episode.end + 15 * 60_000, ctx.metrics.end))} UTC`, window: { start: episode.start, end: episode.end }, link: provisionedLink(facts) });
  }
  const title =
    delayMs !== null
      ? `Auto scaling of ${where} reacted ${plural(minutes(delayMs), "minute")} after they began to be turned away.`
      : `Auto scaling of ${where} did not react while they were being turned away.`;
  return {
    kind: "scaling-slow",
    severity: "warning",
    title,
    index: target.index,
    evidence,
    suggestion:
      `Auto scaling acts only after its alarm sees 2 consecutive minutes above the target, and a change then takes a minute or more: bursts shorter than that are over before it reacts.${suspended} ` +
      `Keep headroom for them: a higher minimum (${settingsCommand(ctx, target, "--min-capacity <n>")}, or a scheduled action ahead of known peaks), a lower target utilization, or on-demand capacity.`,
  };
}

function noScalingVerdict(ctx: RuleContext, facts: DirectionFacts): Verdict | null {
  if (ctx.input.table.billingMode !== "PROVISIONED" || facts.capacity?.kind !== "provisioned") return null;
  const periods = capacityThrottlePeriods(ctx, facts);
  if (periods.size === 0) return null;
  const kind = facts.direction === "Read" ? "read" : "write";
  const table = ctx.input.table.name;
  const resourceId = facts.index === null ? `table/${table}` : `table/${table}/index/${facts.index}`;
  const dimension = `dynamodb:${facts.index === null ? "table" : "index"}:${facts.direction}CapacityUnits`;
  const evidence = throttles(ctx, facts);
  evidence.push({ source: "table", label: `No auto scaling target is registered for ${whose(facts.index, kind)} (Application Auto Scaling lists none for ${resourceId}, ${dimension})` });
  return {
    kind: "no-auto-scaling",
    severity: "warning",
    title: `${capitalize(resourceName(facts.index))} has no auto scaling for its ${NOUN[kind]}, and ${NOUN[kind]} are being turned away for lack of capacity.`,
    index: facts.index,
    evidence,
    suggestion:
      `Provisioned capacity stays where it was set unless something changes it. Turn on auto scaling with a target around 70%: ` +
      `\`aws application-autoscaling register-scalable-target --service-namespace dynamodb --resource-id ${resourceId} --scalable-dimension ${dimension} --min-capacity <n> --max-capacity <n>\`, then ` +
      `\`aws application-autoscaling put-scaling-policy --service-namespace dynamodb --resource-id ${resourceId} --scalable-dimension ${dimension} --policy-name ${facts.direction.toLowerCase()}-tracking --policy-type TargetTrackingScaling ` +
      `--target-tracking-scaling-policy-configuration '{"TargetValue":70,"PredefinedMetricSpecification":{"PredefinedMetricType":"DynamoDB${facts.direction}CapacityUtilization"}}'\`. Or switch to on-demand.`,
  };
}

/** The peak to compare the minimum with: the last 24 h when read, else the window's own (and the evidence says so). */
function peakFor(ctx: RuleContext, target: ScalingTarget, facts: DirectionFacts, daily: ScalingInput["scaling"]): { perSecond: number; at: number; covers: string } | null {
  const peaks = daily?.dailyPeaks;
  if (peaks) {
    const found = peaks.peaks.find((peak) => peak.index === target.index && peak.kind === target.kind);
    return found ? { perSecond: found.perSecond, at: found.at, covers: `over the last 24 h (${windowText(peaks.window)}, ${minutes(peaks.periodSeconds * 1000)}-minute averages)` } : null;
  }
  let best: { perSecond: number; at: number } | null = null;
  for (const [i, value] of (facts.consumed?.values ?? []).entries()) {
    const at = ctx.metrics.timestamps[i];
    if (value !== null && at !== undefined && (best === null || value > best.perSecond)) best = { perSecond: value, at };
  }
  return best ? { ...best, covers: `in this window only (${windowText({ start: ctx.metrics.start, end: ctx.metrics.end })}; the last 24 h could not be read)` } : null;
}

function minimumLowVerdict(ctx: RuleContext, target: ScalingTarget, facts: DirectionFacts, scaling: ScalingInput["scaling"]): Verdict | null {
  if (target.minCapacity >= target.maxCapacity) return null;
  const peak = peakFor(ctx, target, facts, scaling);
  // Below one unit a second the difference is noise, not a morning that throttles.
  if (!peak || peak.perSecond <= target.minCapacity || peak.perSecond - target.minCapacity < 1) return null;
  const [first] = episodes(ctx, capacityThrottlePeriods(ctx, facts));
  const startCapacity = first ? capacityIn(facts, [first.first]) : null;
  const bites = first !== undefined && startCapacity !== null && startCapacity <= target.minCapacity;
  const unit = `${UNIT[target.kind]}/s`;
  const evidence: Evidence[] = [
    {
      source: "metric",
      metric: `Consumed${directionOf(target.kind)}CapacityUnits`,
      label: `${capitalize(whose(target.index, target.kind))} peaked at ${amount(peak.perSecond)} ${unit} at ${utcTime(peak.at)} UTC ${peak.covers}; auto scaling's minimum is ${count(target.minCapacity)} ${unit}`,
      link: facts.consumed ? { kind: "chart", seriesId: facts.consumed.id } : undefined,
    },
  ];
  if (bites && first) evidence.push({ source: "metric", label: `Throttling began at ${utcTime(first.start)} UTC with capacity at the minimum (${count(target.minCapacity)} ${unit})`, window: { start: first.start, end: first.end }, link: provisionedLink(facts) });
  return {
    kind: "scaling-minimum-low",
    severity: bites ? "warning" : "info",
    title: `Auto scaling's minimum for ${whose(target.index, target.kind)} (${count(target.minCapacity)}) is below their daily peak (${amount(peak.perSecond)} per second).`,
    index: target.index,
    evidence,
    suggestion:
      `After a quiet spell capacity falls back to the minimum, so a rise to the daily peak throttles until auto scaling catches up (2 minutes or more per step). ` +
      `If the rise is predictable (mornings, batch jobs), raise the minimum ahead of it with a scheduled action; otherwise raise the minimum (${settingsCommand(ctx, target, "--min-capacity <n>")}) or switch to on-demand.`,
  };
}

/** The verdicts, and which resources' capacity verdicts they replace (see the header). */
export function scalingVerdicts(ctx: RuleContext, scaling: ScalingInput["scaling"]): { verdicts: Verdict[]; explained: Explained[] } {
  if (!scaling) return { verdicts: [], explained: [] };
  const verdicts: Verdict[] = [];
  const explained: Explained[] = [];
  const minimums: Verdict[] = [];
  for (const resource of ctx.facts) {
    for (const facts of [resource.read, resource.write]) {
      const kind = facts.direction === "Read" ? "read" : "write";
      const target = scaling.targets.find((entry) => entry.index === resource.index && entry.kind === kind);
      if (!target) {
        const none = noScalingVerdict(ctx, facts);
        if (none) verdicts.push(none);
        continue;
      }
      const atMax = atMaximumVerdict(ctx, target, facts);
      if (atMax) {
        verdicts.push(atMax);
        if (atMax.severity === "critical") explained.push({ index: resource.index, direction: facts.direction });
      } else {
        const slow = slowVerdict(ctx, target, facts);
        if (slow) verdicts.push(slow);
      }
      const low = minimumLowVerdict(ctx, target, facts, scaling);
      if (low) minimums.push(low);
    }
  }
  return { verdicts: [...verdicts, ...minimums], explained };
}

/** Capacity verdicts less the under-provisioned ones a scaling verdict explains. */
export function withoutExplained(capacity: readonly Verdict[], explained: readonly Explained[]): Verdict[] {
  const kindOf = { Read: "under-provisioned-reads", Write: "under-provisioned-writes" } as const;
  return capacity.filter((verdict) => !explained.some((entry) => verdict.kind === kindOf[entry.direction] && (verdict.index ?? null) === entry.index));
}
