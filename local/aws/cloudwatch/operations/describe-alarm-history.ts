import { z } from "zod";
import { invalidNextToken, validationError } from "../cloudwatch-errors";
import { HISTORY_ITEM_TYPES } from "../alarm-schemas";
import { decodeToken, encodeToken, fingerprint } from "../../shared/paging-token";
import { parseWire } from "../../shared/request-body";
import { toEpochSeconds, wireTimestamp } from "../wire-input";
import { checkEnum, checkLength, checkRange } from "./alarm-input";
import { ALARM_TYPES } from "./describe-alarms";
import type { Operation } from "./operation";

const inputSchema = z.object({
  AlarmName: z.string().optional(),
  AlarmContributorId: z.string().optional(),
  AlarmTypes: z.array(z.string()).optional(),
  HistoryItemType: z.string().optional(),
  StartDate: wireTimestamp.optional(),
  EndDate: wireTimestamp.optional(),
  MaxRecords: z.number().optional(),
  NextToken: z.string().optional(),
  ScanBy: z.string().optional(),
});

const DEFAULT_MAX_RECORDS = 100;
/** A page position: the offset into the matches as of the first call's time, so later items can't shift the pages. */
const positionSchema = z.object({ offset: z.number().int().nonnegative(), asOfMs: z.number() });

/**
 * DescribeAlarmHistory: history items of the alarm (or of all alarms) between StartDate and EndDate, newest first
 * unless ScanBy is TimestampAscending; MaxRecords 1–100; AlarmTypes defaults to metric alarms only, as in
 * DescribeAlarms. History outlives deleted alarms and is kept 30 days.
 */
export const describeAlarmHistory: Operation = (body, { alarms, nowMs }) => {
  const input = parseWire(inputSchema, body);
  checkLength(input.AlarmName, "AlarmName", 1, 255);
  if (input.AlarmContributorId !== undefined) throw validationError("The local CloudWatch does not support AlarmContributorId (Metrics Insights multi-time-series alarms).");
  const itemType = checkEnum(input.HistoryItemType, "HistoryItemType", HISTORY_ITEM_TYPES);
  const scanBy = checkEnum(input.ScanBy, "ScanBy", ["TimestampDescending", "TimestampAscending"]) ?? "TimestampDescending";
  const types = new Set((input.AlarmTypes ?? ["MetricAlarm"]).map((type) => checkEnum(type, "AlarmTypes", ALARM_TYPES)).filter((type) => type !== undefined));
  checkRange(input.MaxRecords, "MaxRecords", 1, 100);
  if (input.StartDate !== undefined && input.EndDate !== undefined && input.StartDate > input.EndDate) {
    throw validationError("The parameter StartDate must be less than or equal to the parameter EndDate.");
  }

  const requestFingerprint = fingerprint({ name: input.AlarmName, types: [...types], itemType, start: input.StartDate, end: input.EndDate, scanBy, max: input.MaxRecords });
  let position = { offset: 0, asOfMs: nowMs };
  if (input.NextToken !== undefined) {
    const decoded = decodeToken(input.NextToken, "DescribeAlarmHistory", requestFingerprint, positionSchema);
    if (!decoded) throw invalidNextToken();
    position = decoded;
  }
  const matches = alarms
    .historyItems({ alarmName: input.AlarmName, alarmTypes: types })
    .filter(
      (item) =>
        (itemType === undefined || item.itemType === itemType) &&
        (input.StartDate === undefined || item.timestampMs >= input.StartDate) &&
        (input.EndDate === undefined || item.timestampMs <= input.EndDate) &&
        item.timestampMs <= position.asOfMs,
    )
    .map((item, index) => ({ item, index }))
    // Stable: items recorded at the same time keep the order they were recorded in (reversed when descending).
    .sort((a, b) => a.item.timestampMs - b.item.timestampMs || a.index - b.index);
  if (scanBy === "TimestampDescending") matches.reverse();
  const size = input.MaxRecords ?? DEFAULT_MAX_RECORDS;
  const page = matches.slice(position.offset, position.offset + size);
  const nextOffset = position.offset + page.length;
  return {
    AlarmHistoryItems: page.map(({ item }) => ({
      AlarmName: item.alarmName,
      AlarmType: item.alarmType,
      Timestamp: toEpochSeconds(item.timestampMs),
      HistoryItemType: item.itemType,
      HistorySummary: item.summary,
      HistoryData: item.data,
    })),
    ...(nextOffset < matches.length ? { NextToken: encodeToken("DescribeAlarmHistory", requestFingerprint, { offset: nextOffset, asOfMs: position.asOfMs }) } : {}),
  };
};
