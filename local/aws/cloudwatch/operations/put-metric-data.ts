import { z } from "zod";
import { CloudWatchApiError, invalidCombination, invalidValue, missingParameter } from "../cloudwatch-errors";
import type { MetricSample } from "../metric-store";
import { parseWire } from "../../shared/request-body";
import { dimensionProblems, STANDARD_UNITS, toDimensions, wireDimensions, wireDouble, wireTimestamp } from "../wire-input";
import type { Operation } from "./operation";

const datumSchema = z.object({
  MetricName: z.string().optional(),
  Dimensions: wireDimensions.optional(),
  Timestamp: wireTimestamp.optional(),
  Value: wireDouble.optional(),
  StatisticValues: z
    .object({ SampleCount: wireDouble.optional(), Sum: wireDouble.optional(), Minimum: wireDouble.optional(), Maximum: wireDouble.optional() })
    .optional(),
  Values: z.array(wireDouble).optional(),
  Counts: z.array(wireDouble).optional(),
  Unit: z.string().optional(),
  StorageResolution: z.number().optional(),
});
type Datum = z.infer<typeof datumSchema>;

const inputSchema = z.object({
  Namespace: z.string().optional(),
  MetricData: z.array(datumSchema).optional(),
  EntityMetricData: z.array(z.object({ Entity: z.unknown().optional(), MetricData: z.array(datumSchema).optional() })).optional(),
});

const HOUR_MS = 3_600_000;
// CloudWatch rejects values whose magnitude is above 2^360 (and below 2^-360, other than zero).
const LIMIT = 2 ** 360;

function checkNumber(value: number, parameter: string): void {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude > LIMIT || (magnitude !== 0 && magnitude < 1 / LIMIT)) {
    throw invalidValue(`The value ${String(value)} for parameter ${parameter} is invalid.`);
  }
}

/** Validates one datum the way PutMetricData does and turns it into a stored sample. */
function toSample(namespace: string, datum: Datum, at: string, nowMs: number): MetricSample {
  if (datum.MetricName === undefined) throw missingParameter(`${at}.MetricName`);
  if (datum.MetricName.length < 1 || datum.MetricName.length > 255) throw invalidValue(`The value for parameter ${at}.MetricName must be 1 to 255 characters long.`);
  const problems = dimensionProblems(datum.Dimensions ?? [], `${at}.Dimensions`);
  if (problems[0]) throw invalidValue(problems[0]);

  const given = (["Value", "Values", "StatisticValues"] as const).filter((member) => datum[member] !== undefined);
  if (given.length > 1) {
    throw invalidCombination(`The parameters ${at}.${given[0]} and ${at}.${given[1]} are mutually exclusive and you have specified both.`);
  }
  if (given.length === 0) {
    throw new CloudWatchApiError("MissingParameter", `One of the parameters ${at}.Value, ${at}.Values or ${at}.StatisticValues must be specified.`);
  }
  if (datum.Counts !== undefined && datum.Values === undefined) throw invalidCombination(`The parameter ${at}.Counts requires ${at}.Values.`);
  if (datum.Unit !== undefined && !STANDARD_UNITS.has(datum.Unit)) throw invalidValue(`The value ${datum.Unit} for parameter ${at}.Unit is invalid.`);
  const resolution = datum.StorageResolution ?? 60;
  if (resolution !== 1 && resolution !== 60) throw invalidValue(`The value ${resolution} for parameter ${at}.StorageResolution is invalid; it must be 1 or 60.`);

  const timestampMs = datum.Timestamp ?? nowMs;
  if (timestampMs < nowMs - 14 * 24 * HOUR_MS) throw invalidValue(`The parameter ${at}.Timestamp must specify a time no more than two weeks in the past.`);
  if (timestampMs > nowMs + 2 * HOUR_MS) throw invalidValue(`The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`);

  const sample: MetricSample = {
    namespace,
    metricName: datum.MetricName,
    dimensions: toDimensions(datum.Dimensions ?? []),
    timestampMs,
    unit: datum.Unit,
    storageResolution: resolution,
  };
  if (datum.Value !== undefined) {
    checkNumber(datum.Value, `${at}.Value`);
    return { ...sample, value: datum.Value };
  }
  if (datum.Values !== undefined) {
    if (datum.Values.length > 150) throw invalidValue(`The collection ${at}.Values must not have a size greater than 150.`);
    if (datum.Counts !== undefined && datum.Counts.length !== datum.Values.length) {
      throw invalidValue(`The parameters ${at}.Values and ${at}.Counts must be arrays of the same length.`);
    }
    const values = datum.Values.map((value, index) => {
      checkNumber(value, `${at}.Values.member.${index + 1}`);
      const count = datum.Counts?.[index] ?? 1;
      if (!Number.isFinite(count) || count < 0) throw invalidValue(`The value ${String(count)} for parameter ${at}.Counts.member.${index + 1} is invalid.`);
      return { value, count };
    });
    return { ...sample, values };
  }
  const set = datum.StatisticValues ?? {};
  const { SampleCount, Sum, Minimum, Maximum } = set;
  if (SampleCount === undefined) throw missingParameter(`${at}.StatisticValues.SampleCount`);
  if (Sum === undefined) throw missingParameter(`${at}.StatisticValues.Sum`);
  if (Minimum === undefined) throw missingParameter(`${at}.StatisticValues.Minimum`);
  if (Maximum === undefined) throw missingParameter(`${at}.StatisticValues.Maximum`);
  for (const [member, value] of Object.entries({ SampleCount, Sum, Minimum, Maximum })) checkNumber(value, `${at}.StatisticValues.${member}`);
  if (SampleCount <= 0) throw invalidValue(`The value ${SampleCount} for parameter ${at}.StatisticValues.SampleCount is invalid; it must be greater than 0.`);
  if (Minimum > Maximum) {
    throw invalidValue(`The parameter ${at}.StatisticValues.Minimum must be less than or equal to the parameter ${at}.StatisticValues.Maximum.`);
  }
  return { ...sample, statistics: { sampleCount: SampleCount, sum: Sum, minimum: Minimum, maximum: Maximum } };
}

/** PutMetricData: validates the whole request first, so a rejected request stores nothing, as in CloudWatch. */
export const putMetricData: Operation = (body, { metrics, nowMs }) => {
  const input = parseWire(inputSchema, body);
  const namespace = input.Namespace;
  if (namespace === undefined) throw missingParameter("Namespace");
  // Real CloudWatch also rejects namespaces starting with "AWS/". The local one accepts them on
  // purpose: the metering proxy publishes AWS/DynamoDB metrics the way DynamoDB itself does.
  if (namespace.length < 1 || namespace.length > 255 || namespace.startsWith(":") || !/^[\x20-\x7e]+$/.test(namespace)) {
    throw invalidValue(`The value ${namespace} for parameter Namespace is invalid.`);
  }
  if (input.MetricData === undefined && input.EntityMetricData === undefined) {
    throw new CloudWatchApiError("MissingParameter", "At least one of the parameters MetricData or EntityMetricData must be specified.");
  }
  if ((input.EntityMetricData?.length ?? 0) > 2) throw invalidValue("The collection EntityMetricData must not have a size greater than 2.");
  // Entities only associate metrics with resources in the console; their metric data is stored like any other.
  const data = [
    ...(input.MetricData ?? []).map((datum, index) => ({ datum, at: `MetricData.member.${index + 1}` })),
    ...(input.EntityMetricData ?? []).flatMap((entity, entityIndex) =>
      (entity.MetricData ?? []).map((datum, index) => ({ datum, at: `EntityMetricData.member.${entityIndex + 1}.MetricData.member.${index + 1}` })),
    ),
  ];
  if (data.length > 1000) throw invalidValue("The collection MetricData must not have a size greater than 1000.");
  const samples = data.map(({ datum, at }) => toSample(namespace, datum, at, nowMs));
  for (const sample of samples) metrics.put(sample);
  return {};
};
