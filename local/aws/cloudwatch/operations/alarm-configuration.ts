import { z } from "zod";
import type { AlarmRecord, CompositeAlarmRecord } from "../alarm-schemas";
import type { AlarmStore } from "../alarm-store";
import { actionsSchema, checkActions, checkAlarmName, checkLength, constraintError } from "./alarm-input";
import { wireAlarm } from "./alarm-output";

/** What PutMetricAlarm and PutCompositeAlarm share: the members both take, the record fields they set, and saving. */

/** Tags are accepted and not kept (the local service has no ListTagsForResource); ActionConfiguration likewise. */
export const alarmConfigurationInput = {
  AlarmName: z.string().optional(),
  AlarmDescription: z.string().optional(),
  ActionsEnabled: z.boolean().optional(),
  OKActions: actionsSchema,
  AlarmActions: actionsSchema,
  InsufficientDataActions: actionsSchema,
  Tags: z.array(z.object({ Key: z.string().optional(), Value: z.string().optional() })).optional(),
  ActionConfiguration: z.unknown().optional(),
};
type AlarmConfigurationInput = z.infer<z.ZodObject<typeof alarmConfigurationInput>>;

/** The record fields both alarm types share (a composite alarm has only these, its type and its rule). */
export type AlarmConfiguration = Omit<CompositeAlarmRecord, "type" | "rule">;

/**
 * Checks the name, description and actions. A new alarm starts in INSUFFICIENT_DATA with the reason CloudWatch gives,
 * "Unchecked: Initial alarm creation"; AlarmStore.put keeps an existing alarm's state when its configuration is replaced.
 */
export function checkAlarmConfiguration(input: AlarmConfigurationInput, nowMs: number): AlarmConfiguration {
  const name = checkAlarmName(input.AlarmName);
  checkLength(input.AlarmDescription, "AlarmDescription", 0, 1024);
  return {
    name,
    description: input.AlarmDescription,
    actionsEnabled: input.ActionsEnabled ?? true,
    okActions: checkActions(input.OKActions, "OKActions"),
    alarmActions: checkActions(input.AlarmActions, "AlarmActions"),
    insufficientDataActions: checkActions(input.InsufficientDataActions, "InsufficientDataActions"),
    configurationUpdatedMs: nowMs,
    state: { value: "INSUFFICIENT_DATA", reason: "Unchecked: Initial alarm creation", updatedMs: nowMs, transitionedMs: nowMs },
  };
}

const KIND = { MetricAlarm: "metric", CompositeAlarm: "composite" } as const;

/** Creates or replaces the alarm. Metric and composite alarms share one namespace of names, and neither replaces the other. */
export function saveAlarm(alarms: AlarmStore, record: AlarmRecord, scope: { accountId: string; region: string }, nowMs: number): void {
  const existing = alarms.get(record.name);
  if (existing && existing.type !== record.type) {
    throw constraintError(record.name, "alarmName", `The alarm ${record.name} is a ${KIND[existing.type]} alarm; a ${KIND[record.type]} alarm cannot replace it`);
  }
  alarms.put(record, nowMs, (stored) => wireAlarm(stored, scope));
}
