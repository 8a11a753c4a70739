/**
 * "changed-before": a change to the table or its auto scaling shortly before a problem's onset is its likely cause,
 * and the first thing on-call should check (and maybe undo). Client-safe, pure.
 *
 * The problem is throttling of one resource (the table or a GSI) in one direction; its onset is the first period of
 * the window with throttle events there. Throttling already under way in the window's first period may have begun
 * before it, so it has no onset to measure from. A change counts when it came at most `changeLeadMs` before the onset
 * (or within the onset's own period, whose events may follow it), succeeded, was made by someone rather than by AWS on
 * the account's behalf (auto scaling's own capacity changes are the scaling verdicts' matter), and is one that can
 * cause that throttling:
 * - capacity or on-demand maximum lowered (or set, when the history does not say from what) on that resource and direction;
 * - the billing mode switched (either way: provisioned capacity caps traffic; on-demand throttles beyond twice the
 *   previous peak within 30 minutes);
 * - a GSI created, for writes: its backfill and every later write need the new index's capacity, and an index short of
 *   it throttles the table's writes (GSI back-pressure);
 * - auto scaling's minimum or maximum lowered from a value it had (not a first registration's limits), a scaling
 *   policy deleted or the target deregistered, on that resource and direction.
 * Severity follows the problem: critical when capacity (not one hot key) was short, as under-provisioned-* says; else a warning.
 */
import type { ChangeDirection, ChangeEffect, TableChange } from "@/lib/changes/change-types";
import type { Evidence, Verdict } from "./diagnosis-types";
import { capitalize, count, utcTime } from "./evidence-text";
import { fired, throttledPeriods, throttleEvidence, type DirectionFacts } from "./metric-facts";
import type { RuleContext } from "./rule-context";

/** The table's change history for the window (and the lead time before it); null or absent when it could not be read. */
export type ChangesInput = { changes?: { changes: readonly TableChange[]; complete: boolean } | null };

const NOUN: Record<ChangeDirection, string> = { read: "reads", write: "writes" };
const MODE = { PROVISIONED: "provisioned capacity", PAY_PER_REQUEST: "on-demand" } as const;

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

/** "eleven minutes before", "less than a minute before", "45 minutes before". */
export function leadText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "less than a minute before";
  const number = WORDS[minutes] ?? count(minutes);
  return `${number} minute${minutes === 1 ? "" : "s"} before`;
}

const whose = (index: string | null) => (index === null ? "" : `the index ${index}'s `);
const lowered = (from: number | "none" | null, to: number | "none") => {
  if (to === "none") return "removed";
  if (from === null) return `set to ${count(to)}`;
  return `lowered from ${from === "none" ? "no maximum" : count(from)} to ${count(to)}`;
};

/** The phrase for an effect that can cause throttling of `index`'s `direction`, or null when it cannot. */
export function causePhrase(effect: ChangeEffect, index: string | null, direction: ChangeDirection): string | null {
  switch (effect.type) {
    case "capacity":
      if (effect.index !== index || effect.direction !== direction || (effect.from !== null && effect.to >= effect.from)) return null;
      return `${capitalize(`${whose(index)}${direction} capacity`)} was ${lowered(effect.from, effect.to)}`;
    case "on-demand-maximum": {
      if (effect.index !== index || effect.direction !== direction || effect.to === "none") return null;
      if (effect.from !== null && effect.from !== "none" && effect.to >= effect.from) return null;
      return `${capitalize(`${whose(index)}on-demand maximum for ${NOUN[direction]}`)} was ${lowered(effect.from, effect.to)}`;
    }
    case "billing":
      return `The table was switched ${effect.from ? `from ${MODE[effect.from]} ` : ""}to ${MODE[effect.to]}`;
    case "index-created":
      return direction === "write" && (index === null || index === effect.index) ? `The index ${effect.index} was created` : null;
    case "scaling-minimum":
    case "scaling-maximum": {
      // Only a known decrease: a first registration's limits lower nothing by themselves (auto scaling's own moves
      // into them are automatic changes, the scaling verdicts' matter).
      if (effect.index !== index || effect.direction !== direction || effect.from === null || effect.to >= effect.from) return null;
      const which = effect.type === "scaling-minimum" ? "minimum" : "maximum";
      return `Auto scaling's ${which} for ${whose(index)}${NOUN[direction]} was ${lowered(effect.from, effect.to)}`;
    }
    case "scaling-removed":
      return effect.index === index && effect.direction === direction ? `Auto scaling was turned off for ${index === null ? "the table's" : `the index ${index}'s`} ${NOUN[direction]}` : null;
    case "scaling-policy-removed":
      return effect.index === index && effect.direction === direction ? `The auto scaling policy ${effect.policy} for ${index === null ? "the table's" : `the index ${index}'s`} ${NOUN[direction]} was deleted` : null;
    case "index-deleted":
      return null;
  }
}

type Cause = { change: TableChange; phrase: string };

function causes(changes: readonly TableChange[], index: string | null, direction: ChangeDirection, from: number, until: number): Cause[] {
  const found: Cause[] = [];
  for (const change of changes) {
    if (change.error !== null || change.automatic === true || change.at < from || change.at >= until) continue;
    const phrase = (change.effects ?? []).map((effect) => causePhrase(effect, index, direction)).find((text): text is string => text !== null);
    if (phrase) found.push({ change, phrase });
  }
  return found;
}

function changeEvidence(cause: Cause, onset: number): Evidence {
  const { change } = cause;
  const who = change.whoDigested ? `identity ${change.who}` : change.who;
  return {
    source: "change",
    metric: change.eventName,
    label: `${utcTime(change.at)} UTC, ${leadText(onset - change.at)} the throttling began: ${change.eventName} by ${who}: ${change.summary.join("; ") || change.eventName}`,
    window: { start: change.at, end: change.at + 1 },
  };
}

function verdictFor(ctx: RuleContext, facts: DirectionFacts, changes: readonly TableChange[]): Verdict | null {
  const periods = throttledPeriods(facts);
  if (periods.size === 0) return null;
  const first = Math.min(...periods);
  const onset = ctx.metrics.timestamps[first];
  // Throttled from the window's first period: it may have begun before the window, so there is no onset to measure from.
  if (first === 0 || onset === undefined) return null;
  const periodMs = ctx.metrics.period * 1000;
  const direction: ChangeDirection = facts.direction === "Read" ? "read" : "write";
  const found = causes(changes, facts.index, direction, onset - ctx.thresholds.changeLeadMs, onset + periodMs);
  const latest = found[found.length - 1];
  if (!latest) return null;
  const noun = NOUN[direction];
  const where = facts.index === null ? "" : ` on the index ${facts.index}`;
  const throttle = [facts.causes.provisioned, facts.causes.maxOnDemand, facts.causes.accountLimit, facts.causes.keyRange, facts.generic].find(fired) ?? null;
  const evidence: Evidence[] = [...found].reverse().map((cause) => changeEvidence(cause, onset));
  evidence.push({
    source: "metric",
    metric: throttle?.series.metric ?? `${facts.direction}ThrottleEvents`,
    label: `Throttling of ${noun}${where} began at ${utcTime(onset)} UTC (the first minute with throttle events in this range)`,
    window: { start: onset, end: onset + periodMs },
    link: throttle ? { kind: "chart", seriesId: throttle.series.id } : undefined,
  });
  if (throttle) evidence.push(throttleEvidence(ctx.metrics, throttle));
  const capacityShort = [facts.causes.provisioned, facts.causes.maxOnDemand, facts.causes.accountLimit, facts.unexplained].some(fired);
  return {
    kind: "changed-before",
    severity: capacityShort ? "critical" : "warning",
    title: `${latest.phrase} ${leadText(onset - latest.change.at)} throttling of ${noun}${where} began.`,
    index: facts.index,
    evidence,
    suggestion:
      `Check this change first: if it was not meant to leave ${noun} short, undo it (the change list shows what it set, and who made it). ` +
      "Lowered capacity can take minutes to show, while up to 300 seconds of saved-up burst capacity runs out.",
  };
}

/** One verdict per throttled resource and direction that a change preceded, nearest change named first. */
export function changeVerdicts(ctx: RuleContext, input: ChangesInput["changes"]): Verdict[] {
  if (!input || input.changes.length === 0) return [];
  return ctx.facts.flatMap((resource) => [verdictFor(ctx, resource.read, input.changes), verdictFor(ctx, resource.write, input.changes)]).filter((verdict): verdict is Verdict => verdict !== null);
}
