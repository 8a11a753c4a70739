/**
 * What an Application Auto Scaling call changed for a DynamoDB table or GSI, from its CloudTrail record. Client-safe,
 * pure. RegisterScalableTarget's record holds only what was asked (its responseElements carry no previous values), so
 * "minimum 5 → 1" takes the 5 from the previous RegisterScalableTarget of the same target in the history, when there is
 * one; otherwise it says "minimum set to 1".
 */
import { formatCount } from "@/lib/format/format-count";
import type { ChangeSummary } from "./change-summary";
import type { ChangeEffect } from "./change-types";
import type { ChangeMemory } from "./change-memory";
import type { ChangeTarget } from "./change-target";
import { bool, member, num, obj, str, type CloudTrailRecord } from "./cloudtrail-record";

const n = (value: number) => formatCount(value);

/** "the table's writes", "GSI1 writes". */
function targetWords(target: ChangeTarget): string {
  const what = target.direction === null ? "capacity" : `${target.direction}s`;
  return target.index === null ? `the table's ${what}` : `GSI ${target.index} ${what}`;
}

function register(record: CloudTrailRecord, target: ChangeTarget, memory: ChangeMemory, failed: boolean): Pick<ChangeSummary, "summary" | "effects"> {
  const request = record.requestParameters ?? null;
  const before = memory.scalingBefore(target.resource, target.direction);
  const summary: string[] = [];
  const effects: ChangeEffect[] = [];
  const min = num(member(request, "minCapacity"));
  const max = num(member(request, "maxCapacity"));
  for (const [word, to, from, type] of [
    ["minimum", min, before.min, "scaling-minimum"],
    ["maximum", max, before.max, "scaling-maximum"],
  ] as const) {
    if (to === null || to === from) continue;
    summary.push(from === null ? `${word} set to ${n(to)}` : `${word} ${n(from)} → ${n(to)}`);
    if (!failed && target.direction !== null) effects.push({ type, index: target.index, direction: target.direction, from, to });
  }
  const suspended = obj(member(request, "suspendedState"));
  for (const [name, words] of [
    ["dynamicScalingInSuspended", "scale-in"],
    ["dynamicScalingOutSuspended", "scale-out"],
    ["scheduledScalingSuspended", "scheduled scaling"],
  ] as const) {
    const value = bool(member(suspended, name));
    if (value !== null) summary.push(`${words} ${value ? "suspended" : "resumed"}`);
  }
  if (!failed) memory.rememberScaling(target.resource, target.direction, { min, max });
  if (summary.length === 0) summary.push(`auto scaling of ${targetWords(target)} registered again, unchanged`);
  return { summary, effects };
}

function policy(record: CloudTrailRecord): string[] {
  const request = record.requestParameters ?? null;
  const name = str(member(request, "policyName")) ?? "(unnamed)";
  const config = obj(member(request, "targetTrackingScalingPolicyConfiguration"));
  if (!config) return [`policy ${name} set (${str(member(request, "policyType")) ?? "step scaling"})`];
  const target = num(member(config, "targetValue"));
  const parts = [`policy ${name}: target ${target === null ? "?" : `${n(target)}%`}`];
  const out = num(member(config, "scaleOutCooldown"));
  const inward = num(member(config, "scaleInCooldown"));
  if (out !== null || inward !== null) parts.push(`cooldowns: scale-out ${out === null ? "default" : `${n(out)} s`}, scale-in ${inward === null ? "default" : `${n(inward)} s`}`);
  if (bool(member(config, "disableScaleIn")) === true) parts.push("scale-in disabled");
  return parts;
}

export function scalingSummary(record: CloudTrailRecord, target: ChangeTarget, memory: ChangeMemory, failed: boolean): ChangeSummary {
  const request = record.requestParameters ?? null;
  const base = { kind: "scaling" as const, index: target.index };
  switch (record.eventName) {
    case "RegisterScalableTarget":
      return { ...base, ...register(record, target, memory, failed) };
    case "PutScalingPolicy":
      return { ...base, summary: policy(record), effects: [] };
    case "DeleteScalingPolicy": {
      const name = str(member(request, "policyName")) ?? "(unnamed)";
      const effects: ChangeEffect[] = !failed && target.direction !== null ? [{ type: "scaling-policy-removed", index: target.index, direction: target.direction, policy: name }] : [];
      return { ...base, summary: [`policy ${name} deleted`], effects };
    }
    case "DeregisterScalableTarget": {
      if (!failed) memory.forgetScaling(target.resource, target.direction);
      const effects: ChangeEffect[] = !failed && target.direction !== null ? [{ type: "scaling-removed", index: target.index, direction: target.direction }] : [];
      return { ...base, summary: [`auto scaling turned off for ${targetWords(target)}`], effects };
    }
    case "PutScheduledAction":
      return { ...base, summary: [`scheduled action ${str(member(request, "scheduledActionName")) ?? "(unnamed)"} set`], effects: [] };
    case "DeleteScheduledAction":
      return { ...base, summary: [`scheduled action ${str(member(request, "scheduledActionName")) ?? "(unnamed)"} deleted`], effects: [] };
    default:
      return { ...base, summary: [record.eventName], effects: [] };
  }
}
