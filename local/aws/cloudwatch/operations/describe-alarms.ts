import { z } from "zod";
import { invalidCombination, invalidNextToken, validationError } from "../cloudwatch-errors";
import { ALARM_STATES, type AlarmType } from "../alarm-schemas";
import { decodeToken, encodeToken, fingerprint } from "../../shared/paging-token";
import { parseWire } from "../../shared/request-body";
import { checkEnum, checkLength, checkRange } from "./alarm-input";
import { wireCompositeAlarm, wireMetricAlarm } from "./alarm-output";
import type { Operation } from "./operation";

const inputSchema = z.object({
  AlarmNames: z.array(z.string()).optional(),
  AlarmNamePrefix: z.string().optional(),
  AlarmTypes: z.array(z.string()).optional(),
  ChildrenOfAlarmName: z.string().optional(),
  ParentsOfAlarmName: z.string().optional(),
  StateValue: z.string().optional(),
  ActionPrefix: z.string().optional(),
  MaxRecords: z.number().optional(),
  NextToken: z.string().optional(),
});

export const ALARM_TYPES: readonly AlarmType[] = ["MetricAlarm", "CompositeAlarm"];
const DEFAULT_MAX_RECORDS = 50;

/**
 * DescribeAlarms, in alarm-name order, paged by MaxRecords (1–100, default 50) and NextToken. "If you omit
 * [AlarmTypes], only metric alarms are returned, even if composite alarms exist in the account."
 */
export const describeAlarms: Operation = (body, { alarms, accountId, region }) => {
  const input = parseWire(inputSchema, body);
  if (input.AlarmNames !== undefined && input.AlarmNamePrefix !== undefined) {
    throw invalidCombination("The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.");
  }
  if ((input.AlarmNames?.length ?? 0) > 100) throw validationError("The collection AlarmNames must not have a size greater than 100.");
  checkLength(input.AlarmNamePrefix, "AlarmNamePrefix", 1, 255);
  checkLength(input.ActionPrefix, "ActionPrefix", 1, 1024);
  checkRange(input.MaxRecords, "MaxRecords", 1, 100);
  const state = checkEnum(input.StateValue, "StateValue", ALARM_STATES);
  const types = new Set((input.AlarmTypes ?? ["MetricAlarm"]).map((type) => checkEnum(type, "AlarmTypes", ALARM_TYPES)));
  if (input.ChildrenOfAlarmName !== undefined || input.ParentsOfAlarmName !== undefined) {
    throw validationError("The local CloudWatch does not support ChildrenOfAlarmName or ParentsOfAlarmName.");
  }

  const names = input.AlarmNames === undefined ? undefined : new Set(input.AlarmNames);
  const requestFingerprint = fingerprint({ names: input.AlarmNames, prefix: input.AlarmNamePrefix, types: [...types], state, action: input.ActionPrefix, max: input.MaxRecords });
  // The cursor is the last alarm name returned, so alarms created between pages don't shift the pages.
  let after: string | undefined;
  if (input.NextToken !== undefined) {
    after = decodeToken(input.NextToken, "DescribeAlarms", requestFingerprint, z.string());
    if (after === undefined) throw invalidNextToken();
  }
  const matches = alarms.list().filter(
    (alarm) =>
      types.has(alarm.type) &&
      (names === undefined || names.has(alarm.name)) &&
      (input.AlarmNamePrefix === undefined || alarm.name.startsWith(input.AlarmNamePrefix)) &&
      (state === undefined || alarm.state.value === state) &&
      (input.ActionPrefix === undefined ||
        [...alarm.okActions, ...alarm.alarmActions, ...alarm.insufficientDataActions].some((arn) => arn.startsWith(input.ActionPrefix ?? ""))) &&
      (after === undefined || alarm.name > after),
  );
  const page = matches.slice(0, input.MaxRecords ?? DEFAULT_MAX_RECORDS);
  const last = page[page.length - 1];
  const scope = { accountId, region };
  return {
    MetricAlarms: page.flatMap((alarm) => (alarm.type === "MetricAlarm" ? [wireMetricAlarm(alarm, scope)] : [])),
    CompositeAlarms: page.flatMap((alarm) => (alarm.type === "CompositeAlarm" ? [wireCompositeAlarm(alarm, scope)] : [])),
    ...(last && matches.length > page.length ? { NextToken: encodeToken("DescribeAlarms", requestFingerprint, last.name) } : {}),
  };
};
