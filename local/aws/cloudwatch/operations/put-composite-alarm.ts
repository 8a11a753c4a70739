import { z } from "zod";
import { validationError } from "../cloudwatch-errors";
import { isAutoScalingAction } from "../alarm-actions";
import { AlarmRuleError, parseAlarmRule, referencedAlarms } from "../alarm-rule";
import type { AlarmStore } from "../alarm-store";
import type { CompositeAlarmRecord } from "../alarm-schemas";
import { parseWire } from "../../shared/request-body";
import { actionsSchema, checkActions, checkAlarmName, checkLength, constraintError, requireValue } from "./alarm-input";
import { wireAlarm } from "./alarm-output";
import type { Operation } from "./operation";

const inputSchema = z.object({
  AlarmName: z.string().optional(),
  AlarmRule: z.string().optional(),
  AlarmDescription: z.string().optional(),
  ActionsEnabled: z.boolean().optional(),
  OKActions: actionsSchema,
  AlarmActions: actionsSchema,
  InsufficientDataActions: actionsSchema,
  Tags: z.array(z.object({ Key: z.string().optional(), Value: z.string().optional() })).optional(),
  ActionsSuppressor: z.string().optional(),
  ActionsSuppressorWaitPeriod: z.number().optional(),
  ActionsSuppressorExtensionPeriod: z.number().optional(),
  ActionConfiguration: z.unknown().optional(),
});

const ARN_PREFIX = /^arn:aws[a-z-]*:cloudwatch:([^:]+):(\d{12}):alarm:/;

/** True when `name`'s rule reaches `target` through composite alarms (so saving would close a cycle). */
function reaches(alarms: AlarmStore, name: string, target: string, seen = new Set<string>()): boolean {
  if (name === target) return true;
  if (seen.has(name)) return false;
  seen.add(name);
  const alarm = alarms.get(name);
  if (alarm?.type !== "CompositeAlarm") return false;
  return referencedAlarms(parseAlarmRule(alarm.rule)).some((child) => reaches(alarms, child, target, seen));
}

/**
 * PutCompositeAlarm. The rule may only name alarms of this account and region that exist, and composite alarms
 * "can't perform EC2 actions or Auto Scaling actions" (CloudWatch user guide), so such actions are refused.
 * Action suppression is not supported by the local service and is refused rather than ignored.
 */
export const putCompositeAlarm: Operation = (body, { alarms, accountId, region, nowMs }) => {
  const input = parseWire(inputSchema, body);
  const name = checkAlarmName(input.AlarmName);
  const ruleText = requireValue(input.AlarmRule, "AlarmRule");
  checkLength(ruleText, "AlarmRule", 1, 10_240);
  checkLength(input.AlarmDescription, "AlarmDescription", 0, 1024);
  const okActions = checkActions(input.OKActions, "OKActions");
  const alarmActions = checkActions(input.AlarmActions, "AlarmActions");
  const insufficientDataActions = checkActions(input.InsufficientDataActions, "InsufficientDataActions");
  const autoScaling = [...okActions, ...alarmActions, ...insufficientDataActions].find(isAutoScalingAction);
  if (autoScaling !== undefined) throw validationError(`Composite alarms cannot perform Auto Scaling actions: ${autoScaling}`);
  if (input.ActionsSuppressor !== undefined || input.ActionsSuppressorWaitPeriod !== undefined || input.ActionsSuppressorExtensionPeriod !== undefined) {
    throw validationError("The local CloudWatch does not support composite alarm action suppression (ActionsSuppressor).");
  }

  let references: string[];
  try {
    const rule = parseAlarmRule(ruleText);
    references = referencedAlarms(rule);
  } catch (error) {
    if (error instanceof AlarmRuleError) throw validationError(error.message);
    throw error;
  }
  // ARNs must name this account and region: a composite alarm only watches alarms beside it.
  for (const match of [...ruleText.matchAll(new RegExp(ARN_PREFIX.source, "g"))]) {
    if (match[1] !== region || match[2] !== accountId) throw validationError(`The AlarmRule names an alarm of another account or region: ${match[0]}`);
  }
  const missing = references.filter((child) => !alarms.get(child));
  if (missing.length > 0) throw validationError(`Could not save the composite alarm as alarms [${missing.join(", ")}] in the alarm rule do not exist`);
  if (references.some((child) => reaches(alarms, child, name))) {
    throw validationError(`The AlarmRule of ${name} would create a cycle of composite alarms.`);
  }
  const existing = alarms.get(name);
  if (existing?.type === "MetricAlarm") throw constraintError(name, "alarmName", `The alarm ${name} is a metric alarm; a composite alarm cannot replace it`);

  const record: CompositeAlarmRecord = {
    type: "CompositeAlarm",
    name,
    description: input.AlarmDescription,
    actionsEnabled: input.ActionsEnabled ?? true,
    okActions,
    alarmActions,
    insufficientDataActions,
    configurationUpdatedMs: nowMs,
    state: { value: "INSUFFICIENT_DATA", reason: "Unchecked: Initial alarm creation", updatedMs: nowMs, transitionedMs: nowMs },
    rule: ruleText,
  };
  alarms.put(record, nowMs, (stored) => wireAlarm(stored, { accountId, region }));
  return {};
};
