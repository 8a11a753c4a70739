import { StandardUnit } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import type { Dimension } from "./metric-store";

/** AWS JSON numbers: the SDK sends NaN and ±Infinity as strings, which PutMetricData then rejects. */
export const wireDouble = z.union([
  z.number(),
  z.enum(["NaN", "Infinity", "-Infinity"]).transform((text) => Number(text)),
]);

/** awsJson timestamps are epoch seconds, fractional for milliseconds (the SDK sends `date.getTime() / 1000`). */
export const wireTimestamp = z.number().refine(Number.isFinite, "must be epoch seconds").transform((seconds) => Math.round(seconds * 1000));

export const wireDimensions = z.array(z.object({ Name: z.string().optional(), Value: z.string().optional() }));

/** A MetricDataQuery as the SDK sends it, in GetMetricData's MetricDataQueries and PutMetricAlarm's Metrics alike. */
export const wireMetricDataQuery = z.object({
  Id: z.string().optional(),
  MetricStat: z
    .object({
      Metric: z.object({ Namespace: z.string().optional(), MetricName: z.string().optional(), Dimensions: wireDimensions.optional() }).optional(),
      Period: z.number().optional(),
      Stat: z.string().optional(),
      Unit: z.string().optional(),
    })
    .optional(),
  Expression: z.string().optional(),
  Label: z.string().optional(),
  ReturnData: z.boolean().optional(),
  Period: z.number().optional(),
  AccountId: z.string().optional(),
});
export type WireMetricDataQuery = z.infer<typeof wireMetricDataQuery>;

/** A MetricDataQuery Id: starts with a lower-case letter; letters, digits and underscores. */
export const METRIC_DATA_QUERY_ID = /^[a-z][A-Za-z0-9_]*$/;

export const STANDARD_UNITS: ReadonlySet<string> = new Set(Object.values(StandardUnit));

export const toEpochSeconds = (ms: number) => ms / 1000;

/**
 * CloudWatch's dimension rules (names 1–255 characters, values 1–1024, at most 30, names unique). Returns
 * the problems, each naming the parameter the way CloudWatch's messages do.
 */
export function dimensionProblems(dimensions: z.infer<typeof wireDimensions>, parameter: string): string[] {
  const problems: string[] = [];
  if (dimensions.length > 30) problems.push(`The collection ${parameter} must not have a size greater than 30.`);
  const seen = new Set<string>();
  dimensions.forEach((dimension, index) => {
    const at = `${parameter}.member.${index + 1}`;
    if (dimension.Name === undefined) problems.push(`The parameter ${at}.Name is required.`);
    else if (dimension.Name.length < 1 || dimension.Name.length > 255) problems.push(`The value for parameter ${at}.Name must be 1 to 255 characters long.`);
    else if (seen.has(dimension.Name)) problems.push(`The dimension name ${dimension.Name} appears more than once in ${parameter}.`);
    else seen.add(dimension.Name);
    if (dimension.Value === undefined) problems.push(`The parameter ${at}.Value is required.`);
    else if (dimension.Value.length < 1 || dimension.Value.length > 1024) problems.push(`The value for parameter ${at}.Value must be 1 to 1024 characters long.`);
  });
  return problems;
}

/** Call only after dimensionProblems found none. */
export function toDimensions(dimensions: z.infer<typeof wireDimensions>): Dimension[] {
  return dimensions.map((dimension) => ({ name: dimension.Name ?? "", value: dimension.Value ?? "" }));
}
