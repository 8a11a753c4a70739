import { z } from "zod";
import { invalidValue, missingParameter, validationError } from "../cloudwatch-errors";
import type { MetricIdentity } from "../metric-store";
import { dimensionProblems, toDimensions, wireDimensions } from "../wire-input";

/** Input checks shared by the alarm operations, with the messages CloudWatch's validation layer uses. */

/** "1 validation error detected: Value '0' at 'evaluationPeriods' failed to satisfy constraint: …" */
export function constraintError(value: unknown, member: string, constraint: string) {
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return validationError(`1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${constraint}`);
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

export function requireValue<T>(value: T | undefined, parameter: string): T {
  if (value === undefined) throw missingParameter(parameter);
  return value;
}

export function checkLength(value: string | undefined, parameter: string, min: number, max: number): void {
  if (value === undefined) return;
  if (value.length < min) throw constraintError(value, lowerFirst(parameter), `Member must have length greater than or equal to ${min}`);
  if (value.length > max) throw constraintError(value, lowerFirst(parameter), `Member must have length less than or equal to ${max}`);
}

export function checkRange(value: number | undefined, parameter: string, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min) throw constraintError(value, lowerFirst(parameter), `Member must have value greater than or equal to ${min}`);
  if (value > max) throw constraintError(value, lowerFirst(parameter), `Member must have value less than or equal to ${max}`);
}

/** The value as one of the allowed literals (undefined stays undefined), or CloudWatch's enum constraint error. */
export function checkEnum<T extends string>(value: string | undefined, parameter: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw constraintError(value, lowerFirst(parameter), `Member must satisfy enum value set: [${allowed.join(", ")}]`);
  return found;
}

/** OKActions, AlarmActions, InsufficientDataActions: at most 5 ARNs each (PutMetricAlarm, PutCompositeAlarm). */
export function checkActions(actions: readonly string[] | undefined, parameter: string): string[] {
  const list = actions ?? [];
  if (list.length > 5) throw constraintError(list, lowerFirst(parameter), "Member must have length less than or equal to 5");
  for (const arn of list) {
    checkLength(arn, parameter, 1, 1024);
    if (!/^arn:aws[a-z-]*:[a-z0-9-]+:[^:]*:[^:]*:.+/.test(arn)) throw validationError(`Invalid arn syntax: ${arn}`);
  }
  return [...list];
}

export const actionsSchema = z.array(z.string()).optional();

/** Alarm names: 1 to 255 characters; CloudWatch's user guide asks for ASCII only. */
export function checkAlarmName(name: string | undefined, parameter = "AlarmName"): string {
  const value = requireValue(name, parameter);
  checkLength(value, parameter, 1, 255);
  if (/[^\x20-\x7e]/.test(value)) throw validationError(`The value for parameter ${parameter} must contain only ASCII characters.`);
  return value;
}

/** Period: 10, 20, 30 or any multiple of 60 (PutMetricAlarm). */
export function checkPeriod(period: number, parameter: string): void {
  checkRange(period, parameter, 1, Number.MAX_SAFE_INTEGER);
  if (![10, 20, 30].includes(period) && period % 60 !== 0) {
    throw validationError(`The value ${period} for parameter ${parameter} is invalid; valid values are 10, 20, 30 and any multiple of 60.`);
  }
}

/** The members that name a single metric and how it is aggregated (PutMetricAlarm, DescribeAlarmsForMetric). */
export const singleMetricInput = z.object({
  MetricName: z.string().optional(),
  Namespace: z.string().optional(),
  Statistic: z.string().optional(),
  ExtendedStatistic: z.string().optional(),
  Dimensions: wireDimensions.optional(),
  Period: z.number().optional(),
  Unit: z.string().optional(),
});

/** The metric those members name: MetricName and Namespace required, 1–255 characters, and CloudWatch's dimension rules. */
export function checkMetricIdentity(input: z.infer<typeof singleMetricInput>): MetricIdentity {
  const metricName = requireValue(input.MetricName, "MetricName");
  const namespace = requireValue(input.Namespace, "Namespace");
  checkLength(metricName, "MetricName", 1, 255);
  checkLength(namespace, "Namespace", 1, 255);
  const problems = dimensionProblems(input.Dimensions ?? [], "Dimensions");
  if (problems[0] !== undefined) throw invalidValue(problems[0]);
  return { namespace, metricName, dimensions: toDimensions(input.Dimensions ?? []) };
}
