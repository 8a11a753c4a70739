import { z } from "zod";
import { validationError } from "../cloudwatch-errors";
import { isAutoScalingAction } from "../alarm-actions";
import { AlarmRuleError, parseAlarmRule, referencedAlarms } from "../alarm-rule";
import type { AlarmStore } from "../alarm-store";
import type { CompositeAlarmRecord } from "../alarm-schemas";
import { parseWire } from "../../shared/request-body";
import { checkLength, requireValue } from "./alarm-input";
import { alarmConfigurationInput, checkAlarmConfiguration, saveAlarm } from "./alarm-configuration";
import type { Operation } from "./operation";

const inputSchema = z.object({
  ...alarmConfigurationInput,
  AlarmRule: z.string().optional(),
  ActionsSuppressor: z.string().optional(),
  ActionsSuppressorWaitPeriod: z.number().optional(),
  ActionsSuppressorExtensionPeriod: z.number().optional(),
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
  const configuration = checkAlarmConfiguration(input, nowMs);
  const { name } = configuration;
  const ruleText = requireValue(input.AlarmRule, "AlarmRule");
  checkLength(ruleText, "AlarmRule", 1, 10_240);
  const autoScaling = [...configuration.okActions, ...configuration.alarmActions, ...configuration.insufficientDataActions].find(isAutoScalingAction);
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
  const record: CompositeAlarmRecord = { type: "CompositeAlarm", ...configuration, rule: ruleText };
  saveAlarm(alarms, record, { accountId, region }, nowMs);
  return {};
};
