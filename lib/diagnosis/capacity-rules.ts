/**
 * Capacity verdicts: under-provisioned reads or writes, GSI back-pressure, and the on-demand and account limits,
 * from the cause-specific throttle metrics (REFERENCE.md, "Throttling reasons") and utilization.
 */
import type { Evidence, Verdict } from "./diagnosis-types";
import { capitalize, count, resourceName } from "./evidence-text";
import { fired, throttleEvidence, utilizationEvidence, type DirectionFacts, type SeriesFact } from "./metric-facts";
import type { RuleContext } from "./rule-context";

const WORDS = { Read: { noun: "reads", kind: "under-provisioned-reads", unit: "RCU" }, Write: { noun: "writes", kind: "under-provisioned-writes", unit: "WCU" } } as const;

/** Throttled requests consume nothing, so the demand was at least the consumption at peak: aim 70% utilization at that. */
function capacityAdvice(facts: DirectionFacts): string {
  const peak = facts.peakUtilization;
  const target = peak ? ` (at least ${count(Math.ceil(peak.consumed / 0.7))} ${WORDS[facts.direction].unit}/s, so the peak seen uses 70%)` : "";
  return `Raise the provisioned ${WORDS[facts.direction].noun} of ${resourceName(facts.index)}${target}, turn on auto scaling with a target around 70%, or switch to on-demand.`;
}

/** Throttles with no published cause while at or near capacity are the capacity's doing, not one key's. */
function nearWhenThrottled(ctx: RuleContext, facts: DirectionFacts): boolean {
  return facts.unexplained !== null && facts.utilizationWhenThrottled !== null && facts.utilizationWhenThrottled >= ctx.thresholds.nearProvisioned;
}

/** Provisioned throttles, or throttles with no published cause while at or near capacity, or near capacity alone. */
function underProvisioned(ctx: RuleContext, facts: DirectionFacts): Verdict | null {
  const near = ctx.thresholds.nearProvisioned;
  const provisioned = fired(facts.causes.provisioned) ? facts.causes.provisioned : null;
  const unexplained = facts.capacity?.kind === "provisioned" && nearWhenThrottled(ctx, facts) ? facts.unexplained : null;
  const throttle = provisioned ?? unexplained;
  const peak = facts.peakUtilization;
  const nearPeak = facts.capacity?.kind === "provisioned" && peak !== null && peak.value >= near;
  if (!throttle && !nearPeak) return null;
  const words = WORDS[facts.direction];
  const name = resourceName(facts.index);
  const evidence: Evidence[] = throttle ? [throttleEvidence(ctx.metrics, throttle)] : [];
  const utilization = utilizationEvidence(ctx.metrics, facts);
  if (utilization) evidence.push(utilization);
  if (throttle) {
    return {
      kind: words.kind,
      severity: "critical",
      title: `${capitalize(name)} is set up for fewer ${words.noun} per second than it gets, so some ${words.noun} are being turned away.`,
      index: facts.index,
      evidence,
      suggestion: `${capacityAdvice(facts)} Provisioned capacity can burst on up to 5 minutes of unused capacity, so short spikes pass and longer ones are throttled.`,
    };
  }
  const gsiWrites = facts.index !== null && facts.direction === "Write" ? " Once the index throttles, it throttles writes to the table too." : "";
  return {
    kind: words.kind,
    severity: "warning",
    title: `${capitalize(name)} is using nearly all the ${words.noun} per second it is set up for; a little more traffic will be turned away.`,
    index: facts.index,
    evidence,
    suggestion: `${capacityAdvice(facts)}${gsiWrites}`,
  };
}

/** An index that can't absorb its share of the table's writes throttles those writes at the table (back-pressure). */
function backPressure(ctx: RuleContext, facts: DirectionFacts): Verdict | null {
  const index = facts.index;
  if (index === null || facts.direction !== "Write") return null;
  const { provisioned, keyRange, maxOnDemand } = facts.causes;
  const causes = [provisioned, keyRange, maxOnDemand, facts.unexplained].filter(fired);
  if (causes.length === 0) return null;
  const evidence: Evidence[] = causes.map((fact) => throttleEvidence(ctx.metrics, fact));
  const tableWrites = ctx.facts.find((resource) => resource.index === null)?.write.generic ?? null;
  if (fired(tableWrites)) evidence.push(throttleEvidence(ctx.metrics, tableWrites));
  const utilization = utilizationEvidence(ctx.metrics, facts);
  if (utilization) evidence.push(utilization);
  const advice: string[] = [];
  if (fired(provisioned) || fired(facts.unexplained)) advice.push(`Give ${index} at least the write capacity the table's writes need of it (every table write that sets its key attributes is also a write to the index), or turn on auto scaling for the index.`);
  if (fired(keyRange)) advice.push(`One value of ${index}'s partition key gets too many writes: choose an index key with more distinct values, or add a suffix to it.`);
  if (fired(maxOnDemand)) advice.push(`Raise ${index}'s on-demand maximum write throughput.`);
  return {
    kind: "gsi-back-pressure",
    severity: "critical",
    title: `Writes to the table are being turned away because the index ${index} cannot keep up with them.`,
    index,
    evidence,
    suggestion: advice.join(" "),
  };
}

function limitVerdict(ctx: RuleContext, kind: "on-demand-limit" | "account-limit", facts: SeriesFact[], index: string | null): Verdict {
  const evidence = facts.map((fact) => throttleEvidence(ctx.metrics, fact));
  if (kind === "account-limit") {
    return {
      kind,
      severity: "critical",
      title: "The AWS account's throughput limit for this table has been reached, so requests are being turned away.",
      index,
      evidence,
      suggestion:
        "Ask AWS for a higher limit in Service Quotas (DynamoDB's table-level read and write throughput limits, 40,000 units per second by default), or smooth out the traffic.",
    };
  }
  const name = resourceName(index);
  return {
    kind,
    severity: "critical",
    title: `${capitalize(name)} has reached the most traffic per second it is allowed, so requests are being turned away.`,
    index,
    evidence,
    suggestion:
      `${capitalize(name)} has an on-demand maximum throughput set and traffic hit it. Raise or remove the maximum if the traffic is expected: ` +
      `\`aws dynamodb update-table --table-name ${ctx.input.table.name} --on-demand-throughput MaxReadRequestUnits=<n>,MaxWriteRequestUnits=<n>\` ` +
      `(for an index, through --global-secondary-index-updates). If it isn't expected, find what sent it.`,
  };
}

export function capacityVerdicts(ctx: RuleContext): Verdict[] {
  const verdicts: Verdict[] = [];
  const accountLimits: SeriesFact[] = [];
  for (const resource of ctx.facts) {
    const onDemand: SeriesFact[] = [];
    for (const facts of [resource.read, resource.write]) {
      const pressure = backPressure(ctx, facts);
      if (pressure) verdicts.push(pressure);
      // A GSI's write throttles are the table's problem (back-pressure), not a capacity verdict of their own.
      const isGsiWrite = facts.index !== null && facts.direction === "Write";
      const under = isGsiWrite && pressure ? null : underProvisioned(ctx, facts);
      if (under) verdicts.push(under);
      if (!isGsiWrite && fired(facts.causes.maxOnDemand)) onDemand.push(facts.causes.maxOnDemand);
      if (!isGsiWrite && facts.unexplained && facts.capacity?.kind === "on-demand maximum" && nearWhenThrottled(ctx, facts)) onDemand.push(facts.unexplained);
      if (fired(facts.causes.accountLimit)) accountLimits.push(facts.causes.accountLimit);
    }
    if (onDemand.length > 0) verdicts.push(limitVerdict(ctx, "on-demand-limit", onDemand, resource.index));
  }
  if (accountLimits.length > 0) verdicts.push(limitVerdict(ctx, "account-limit", accountLimits, null));
  return verdicts;
}
