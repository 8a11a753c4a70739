import { z } from "zod";
import { CloudWatchApiError, validationError } from "../cloudwatch-errors";
import { parseAlarmRule, referencedAlarms } from "../alarm-rule";
import { parseWire } from "../../shared/request-body";
import { checkAlarmName, requireValue } from "./alarm-input";
import type { Operation } from "./operation";

const inputSchema = z.object({ AlarmNames: z.array(z.string()).optional() });

/**
 * DeleteAlarms: up to 100 alarms, at most one of them composite. "If you specify any incorrect alarm names, the
 * alarms you specify with correct names are still deleted"; the unknown names are then reported with the operation's
 * ResourceNotFound error. An alarm that a remaining composite alarm's rule names cannot be deleted (CloudWatch: "there
 * is always still a composite alarm that depends on that alarm"), and then nothing is deleted.
 */
export const deleteAlarms: Operation = (body, { alarms, nowMs }) => {
  const input = parseWire(inputSchema, body);
  const names = [...new Set(requireValue(input.AlarmNames, "AlarmNames"))];
  if (names.length > 100) throw validationError("The collection AlarmNames must not have a size greater than 100.");
  names.forEach((name, index) => checkAlarmName(name, `AlarmNames.member.${index + 1}`));
  const found = names.flatMap((name) => {
    const alarm = alarms.get(name);
    return alarm ? [alarm] : [];
  });
  if (found.filter((alarm) => alarm.type === "CompositeAlarm").length > 1) {
    throw validationError("You can delete at most one composite alarm in one DeleteAlarms call.");
  }
  const deleting = new Set(found.map((alarm) => alarm.name));
  for (const parent of alarms.list()) {
    if (parent.type !== "CompositeAlarm" || deleting.has(parent.name)) continue;
    const child = referencedAlarms(parseAlarmRule(parent.rule)).find((name) => deleting.has(name));
    if (child !== undefined) throw validationError(`The alarm ${child} cannot be deleted because the composite alarm ${parent.name} uses it in its AlarmRule.`);
  }
  for (const alarm of found) {
    alarms.delete(alarm.name);
    alarms.addHistory({
      alarmName: alarm.name,
      alarmType: alarm.type,
      timestampMs: nowMs,
      itemType: "ConfigurationUpdate",
      summary: `Alarm "${alarm.name}" deleted`,
      data: JSON.stringify({ version: "1.0", type: "Delete", deletedAlarm: { alarmName: alarm.name } }),
    });
  }
  const unknown = names.filter((name) => !deleting.has(name));
  if (unknown.length > 0) throw new CloudWatchApiError("ResourceNotFound", `The named resource does not exist: ${unknown.join(", ")}`);
  return {};
};
