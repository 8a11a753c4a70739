import {
  CloudWatchServiceException,
  GetMetricDataCommand,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  ListMetricsCommand,
  MissingRequiredParameterException,
  PutMetricDataCommand,
  type CloudWatchClient,
  type ListMetricsCommandInput,
  type MetricDatum,
  type PutMetricDataCommandInput,
  type RecentlyActive,
  type StandardUnit,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { freePort } from "../../local/free-port";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;

let cloudwatch: RunningLocalCloudWatch;
let client: CloudWatchClient;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

async function sumOf(namespace: string, metricName: string): Promise<number[]> {
  const output = await client.send(
    new GetMetricDataCommand({
      StartTime: new Date(NOW - HOUR),
      EndTime: new Date(NOW + HOUR),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: namespace, MetricName: metricName }, Period: 7200, Stat: "Sum" } }],
    }),
  );
  return output.MetricDataResults?.[0]?.Values ?? [];
}

async function listAll(input: ListMetricsCommandInput): Promise<{ pages: number[]; names: string[] }> {
  const pages: number[] = [];
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListMetricsCommand({ ...input, NextToken: token }));
    pages.push(page.Metrics?.length ?? 0);
    names.push(...(page.Metrics ?? []).map((metric) => `${metric.MetricName}:${(metric.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(",")}`));
    token = page.NextToken;
  } while (token && pages.length < 20);
  return { pages, names };
}

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch({ port: await freePort() });
  client = localCloudWatchClient(cloudwatch.endpoint);
});

afterAll(async () => {
  client.destroy();
  await cloudwatch.stop();
});

describe("PutMetricData", () => {
  it("accepts the AWS/ namespaces that the metering proxy publishes, with every kind of value", async () => {
    const metric = { MetricName: "ConsumedReadCapacityUnits", Dimensions: [{ Name: "TableName", Value: "orders" }] };
    const output = await client.send(
      new PutMetricDataCommand({
        Namespace: "AWS/DynamoDB",
        MetricData: [
          { ...metric, Timestamp: new Date(NOW), Value: 4, Unit: "Count" },
          { ...metric, Timestamp: new Date(NOW), Values: [1, 2], Counts: [1, 2] },
          { ...metric, Timestamp: new Date(NOW), StatisticValues: { SampleCount: 1, Sum: 3, Minimum: 3, Maximum: 3 } },
        ],
      }),
    );
    expect(output.$metadata.httpStatusCode).toBe(200);
    const sum = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(NOW - HOUR),
        EndTime: new Date(NOW + HOUR),
        MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", ...metric }, Period: 60, Stat: "Sum" } }],
      }),
    );
    expect(sum.MetricDataResults?.[0]?.Values).toEqual([12]);
  });

  it("takes a request large enough for the SDK to gzip it", async () => {
    const data = Array.from({ length: 1000 }, (_, index): MetricDatum => ({ MetricName: "Gzipped", Timestamp: new Date(NOW), Value: index }));
    await client.send(new PutMetricDataCommand({ Namespace: "Test/Gzip", MetricData: data }));
    expect(await sumOf("Test/Gzip", "Gzipped")).toEqual([(999 * 1000) / 2]);
  });

  const datum = (overrides: Partial<MetricDatum>): MetricDatum => ({ MetricName: "Bad", Timestamp: new Date(NOW), Value: 1, ...overrides });
  const one = (overrides: Partial<MetricDatum>) => ({ MetricData: [datum(overrides)] });
  type Expected = readonly [new (...args: never[]) => CloudWatchServiceException, string];
  const MISSING: Expected = [MissingRequiredParameterException, "MissingRequiredParameterException"];
  const COMBINATION: Expected = [InvalidParameterCombinationException, "InvalidParameterCombinationException"];
  const VALUE: Expected = [InvalidParameterValueException, "InvalidParameterValueException"];
  const statistics = (minimum: number, maximum: number) => ({ SampleCount: 2, Sum: 3, Minimum: minimum, Maximum: maximum });
  it.each<[string, Partial<PutMetricDataCommandInput>, Expected, RegExp]>([
    ["no Namespace", { Namespace: undefined }, MISSING, /Namespace is required/],
    ["no MetricData", { MetricData: undefined }, MISSING, /MetricData/],
    ["no MetricName", one({ MetricName: undefined }), MISSING, /MetricName is required/],
    ["no value at all", one({ Value: undefined }), MISSING, /Value, .*Values or/],
    ["Value with StatisticValues", one({ StatisticValues: statistics(1, 1) }), COMBINATION, /mutually exclusive/],
    ["Value with Values", one({ Values: [1] }), COMBINATION, /mutually exclusive/],
    ["NaN", one({ Value: Number.NaN }), VALUE, /NaN .*MetricData\.member\.1\.Value/],
    ["Infinity in Values", one({ Value: undefined, Values: [1, Number.POSITIVE_INFINITY] }), VALUE, /Values\.member\.2/],
    ["Values and Counts of different lengths", one({ Value: undefined, Values: [1, 2], Counts: [1] }), VALUE, /same length/],
    ["151 Values", one({ Value: undefined, Values: Array.from({ length: 151 }, (_, i) => i) }), VALUE, /150/],
    ["an unknown unit", one({ Unit: "Parsecs" as StandardUnit }), VALUE, /Unit is invalid/],
    ["StorageResolution 30", one({ StorageResolution: 30 }), VALUE, /StorageResolution/],
    ["a timestamp 15 days old", one({ Timestamp: new Date(Date.now() - 15 * 24 * HOUR) }), VALUE, /two weeks/],
    ["a timestamp 3 hours ahead", one({ Timestamp: new Date(Date.now() + 3 * HOUR) }), VALUE, /two hours/],
    ["a repeated dimension", one({ Dimensions: [{ Name: "a", Value: "1" }, { Name: "a", Value: "2" }] }), VALUE, /more than once/],
    ["1001 metrics", { MetricData: Array.from({ length: 1001 }, () => datum({})) }, VALUE, /1000/],
    ["a statistic set with Minimum above Maximum", one({ Value: undefined, StatisticValues: statistics(2, 1) }), VALUE, /Minimum must be less than or equal/],
  ])("rejects %s, storing nothing", async (_, change, [ErrorClass, name], message) => {
    const input: PutMetricDataCommandInput = { Namespace: "Test/Rejected", MetricData: [datum({ MetricName: "Good" }), datum({})], ...change };
    const error = await rejection(client.send(new PutMetricDataCommand(input)));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ name, message: expect.stringMatching(message), $metadata: { httpStatusCode: 400 } });
    expect(await sumOf("Test/Rejected", "Good")).toEqual([]);
  });
});

describe("ListMetrics", () => {
  beforeAll(async () => {
    const metric = (index: number): MetricDatum => ({
      MetricName: `m${String(index).padStart(4, "0")}`,
      Dimensions: [{ Name: "TableName", Value: index % 2 === 0 ? "even" : "odd" }],
      Timestamp: new Date(NOW),
      Value: 1,
    });
    await client.send(new PutMetricDataCommand({ Namespace: "Test/List", MetricData: Array.from({ length: 1000 }, (_, index) => metric(index)) }));
    await client.send(
      new PutMetricDataCommand({
        Namespace: "Test/List",
        MetricData: [metric(1000), { MetricName: "old", Dimensions: [{ Name: "Other", Value: "x" }], Timestamp: new Date(Date.now() - 5 * HOUR), Value: 1 }],
      }),
    );
  });

  it("pages 500 metrics at a time with NextToken", async () => {
    const { pages, names } = await listAll({ Namespace: "Test/List" });
    expect(pages).toEqual([500, 500, 2]);
    expect(new Set(names).size).toBe(1002);
  });

  it("filters by metric name and by dimension name, with or without a value", async () => {
    expect((await listAll({ Namespace: "Test/List", MetricName: "m0007" })).names).toEqual(["m0007:TableName=odd"]);
    expect((await listAll({ Namespace: "Test/List", Dimensions: [{ Name: "TableName", Value: "even" }] })).pages).toEqual([500, 1]);
    expect((await listAll({ Namespace: "Test/List", Dimensions: [{ Name: "Other" }] })).names).toEqual(["old:Other=x"]);
    expect((await listAll({ Namespace: "Test/Nothing" })).pages).toEqual([0]);
  });

  it("limits RecentlyActive PT3H to metrics with data in the last three hours", async () => {
    const { names } = await listAll({ Namespace: "Test/List", RecentlyActive: "PT3H" });
    expect(names).toHaveLength(1001);
    expect(names).not.toContain("old:Other=x");
  });

  it.each<[string, Partial<ListMetricsCommandInput>, RegExp]>([
    ["a foreign NextToken", { NextToken: "not-a-token" }, /NextToken/],
    ["eleven dimension filters", { Dimensions: Array.from({ length: 11 }, (_, i) => ({ Name: `d${i}` })) }, /10/],
    ["an unknown RecentlyActive", { RecentlyActive: "P1D" as RecentlyActive }, /PT3H/],
  ])("rejects %s with InvalidParameterValueException", async (_, input, message) => {
    const error = await rejection(client.send(new ListMetricsCommand({ Namespace: "Test/List", ...input })));
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ name: "InvalidParameterValueException", message: expect.stringMatching(message), $metadata: { httpStatusCode: 400 } });
  });
});
