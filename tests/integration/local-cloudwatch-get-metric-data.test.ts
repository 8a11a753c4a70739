import {
  GetMetricDataCommand,
  InvalidNextToken,
  PutMetricDataCommand,
  ValidationException,
  type CloudWatchClient,
  type GetMetricDataCommandInput,
  type MetricDataQuery,
  type MetricDatum,
  type StandardUnit,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { freePort } from "../../local/free-port";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Two whole hours back: inside PutMetricData's two-week window and clear of "now".
const H = Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR;
// A recent minute for one-second data, which is kept at that resolution for 3 hours only.
const R = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;
const NS = "Test/GetMetricData";
const TABLE = [{ Name: "TableName", Value: "agg" }];

let cloudwatch: RunningLocalCloudWatch;
let client: CloudWatchClient;

const at = (ms: number) => new Date(ms);
const metricStat = (id: string, metricName: string, stat: string, period: number, unit?: StandardUnit): MetricDataQuery => ({
  Id: id,
  MetricStat: { Metric: { Namespace: NS, MetricName: metricName, Dimensions: TABLE }, Period: period, Stat: stat, Unit: unit },
});

async function query(queries: MetricDataQuery[], extra: Partial<GetMetricDataCommandInput> = {}) {
  const output = await client.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: at(H), EndTime: at(H + 2 * HOUR), ...extra }));
  return output;
}

/** [offset from H in seconds, value] pairs, in the order returned. */
async function points(q: MetricDataQuery, extra: Partial<GetMetricDataCommandInput> = {}): Promise<[number, number][]> {
  const output = await query([q], extra);
  const result = output.MetricDataResults?.[0];
  expect(result?.StatusCode).toBe("Complete");
  return (result?.Timestamps ?? []).map((timestamp, index) => [(timestamp.getTime() - H) / 1000, result?.Values?.[index] ?? Number.NaN]);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch({ port: await freePort() });
  client = localCloudWatchClient(cloudwatch.endpoint);
  const data: MetricDatum[] = [
    { MetricName: "Latency", Dimensions: TABLE, Timestamp: at(H + 5_000), Value: 10 },
    { MetricName: "Latency", Dimensions: TABLE, Timestamp: at(H + 30_000), Value: 20 },
    { MetricName: "Latency", Dimensions: TABLE, Timestamp: at(H + MINUTE), Values: [1, 5], Counts: [3, 1] },
    { MetricName: "Latency", Dimensions: TABLE, Timestamp: at(H + 2 * MINUTE), StatisticValues: { SampleCount: 4, Sum: 40, Minimum: 10, Maximum: 10 } },
    { MetricName: "Latency", Dimensions: TABLE, Timestamp: at(H + 7 * MINUTE), Value: 100 },
    { MetricName: "Latency", Dimensions: TABLE, Timestamp: at(H + 65 * MINUTE), Value: 7 },
    { MetricName: "Spread", Dimensions: TABLE, Timestamp: at(H), Value: 3 },
    { MetricName: "Spread", Dimensions: TABLE, Timestamp: at(H), StatisticValues: { SampleCount: 2, Sum: 10, Minimum: 4, Maximum: 6 } },
    { MetricName: "Units", Dimensions: TABLE, Timestamp: at(H), Value: 1, Unit: "Milliseconds" },
    { MetricName: "Units", Dimensions: TABLE, Timestamp: at(H), Value: 2, Unit: "Count" },
    ...[1, 2, 11].map(
      (second): MetricDatum => ({ MetricName: "HighRes", Dimensions: TABLE, Timestamp: at(R + second * 1000), Value: second, StorageResolution: 1 }),
    ),
    ...Array.from({ length: 50 }, (_, minute): MetricDatum => ({ MetricName: "Paged", Dimensions: TABLE, Timestamp: at(H + minute * MINUTE), Value: minute })),
  ];
  await client.send(new PutMetricDataCommand({ Namespace: NS, MetricData: data }));
});

afterAll(async () => {
  client.destroy();
  await cloudwatch.stop();
});

describe("GetMetricData aggregation", () => {
  it.each([
    ["Sum", [[0, 30], [60, 8], [120, 40], [420, 100], [3900, 7]]],
    ["Average", [[0, 15], [60, 2], [120, 10], [420, 100], [3900, 7]]],
    ["Minimum", [[0, 10], [60, 1], [120, 10], [420, 100], [3900, 7]]],
    ["Maximum", [[0, 20], [60, 5], [120, 10], [420, 100], [3900, 7]]],
    ["SampleCount", [[0, 2], [60, 4], [120, 4], [420, 1], [3900, 1]]],
  ])("is exact for %s over 60 s periods, oldest first when asked, with empty periods absent", async (stat, expected) => {
    expect(await points(metricStat("m", "Latency", stat, 60), { ScanBy: "TimestampAscending" })).toEqual(expected);
  });

  it.each([
    [300, "Sum", [[0, 78], [300, 100], [3900, 7]]],
    [300, "Average", [[0, 7.8], [300, 100], [3900, 7]]],
    [300, "Minimum", [[0, 1], [300, 100], [3900, 7]]],
    [300, "SampleCount", [[0, 10], [300, 1], [3900, 1]]],
    [3600, "Sum", [[0, 178], [3600, 7]]],
    [3600, "Average", [[0, 178 / 11], [3600, 7]]],
    [3600, "Maximum", [[0, 100], [3600, 7]]],
    [3600, "SampleCount", [[0, 11], [3600, 1]]],
    [3600, "p50", [[0, 10], [3600, 7]]],
    [3600, "p90", [[0, 20], [3600, 7]]],
    [3600, "p99.9", [[0, 100], [3600, 7]]],
    [3600, "p0", [[0, 1], [3600, 7]]],
  ])("merges stored minutes exactly into %i s periods for %s", async (period, stat, expected) => {
    expect(await points(metricStat("m", "Latency", stat, period), { ScanBy: "TimestampAscending" })).toEqual(expected);
  });

  it("returns the newest datapoint first by default", async () => {
    expect(await points(metricStat("m", "Latency", "Sum", 3600))).toEqual([
      [3600, 7],
      [0, 178],
    ]);
  });

  it("aligns datapoints to period boundaries and rounds StartTime down to the minute", async () => {
    const shifted = await points(metricStat("m", "Latency", "Sum", 300), { StartTime: at(H + 90_000), ScanBy: "TimestampAscending" });
    expect(shifted).toEqual([
      [0, 48],
      [300, 100],
      [3900, 7],
    ]);
    const beforeEnd = await points(metricStat("m", "Latency", "Sum", 60), { EndTime: at(H + 2 * MINUTE), ScanBy: "TimestampAscending" });
    expect(beforeEnd).toEqual([
      [0, 30],
      [60, 8],
    ]);
  });

  it("gives no percentile for periods holding a statistic set it cannot expand, but still the other statistics", async () => {
    expect(await points(metricStat("m", "Spread", "Sum", 60))).toEqual([[0, 13]]);
    expect(await points(metricStat("m", "Spread", "p50", 60))).toEqual([]);
  });

  it("filters by unit only when a unit is asked for", async () => {
    expect(await points(metricStat("m", "Units", "Sum", 60))).toEqual([[0, 3]]);
    expect(await points(metricStat("m", "Units", "Sum", 60, "Milliseconds"))).toEqual([[0, 1]]);
    expect(await points(metricStat("m", "Units", "Sum", 60, "Bytes"))).toEqual([]);
  });

  it("serves high-resolution data at 1, 5, 10 and 30 s periods and standard data at its minute", async () => {
    const highRes = async (period: number) =>
      (await points(metricStat("h", "HighRes", "Sum", period), { StartTime: at(R), EndTime: at(R + MINUTE), ScanBy: "TimestampAscending" })).map(
        ([offset, value]) => [offset - (R - H) / 1000, value],
      );
    expect(await highRes(1)).toEqual([[1, 1], [2, 2], [11, 11]]);
    expect(await highRes(5)).toEqual([[0, 3], [10, 11]]);
    expect(await highRes(10)).toEqual([[0, 3], [10, 11]]);
    expect(await highRes(30)).toEqual([[0, 14]]);
    expect(await highRes(60)).toEqual([[0, 14]]);
    expect(await points(metricStat("m", "Latency", "Sum", 10), { EndTime: at(H + 2 * MINUTE), ScanBy: "TimestampAscending" })).toEqual([
      [0, 30],
      [60, 8],
    ]);
  });

  it("answers many queries in one call, labelled, leaving out ReturnData=false and unknown metrics empty", async () => {
    const output = await query([
      { ...metricStat("a", "Latency", "Sum", 3600), Label: "total" },
      { ...metricStat("b", "Latency", "Sum", 3600), ReturnData: false },
      metricStat("c", "Missing", "Sum", 60),
    ]);
    expect(output.MetricDataResults?.map((result) => [result.Id, result.Label, result.Values?.length, result.StatusCode])).toEqual([
      ["a", "total", 2, "Complete"],
      ["c", "Missing", 0, "Complete"],
    ]);
    expect(output.NextToken).toBeUndefined();
    expect(output.$metadata.httpStatusCode).toBe(200);
  });
});

describe("GetMetricData paging", () => {
  const queries = [metricStat("sum", "Paged", "Sum", 60), metricStat("max", "Paged", "Maximum", 60), metricStat("count", "Paged", "SampleCount", 60)];

  it.each(["TimestampDescending", "TimestampAscending"] as const)("pages %s with NextToken and PartialData, and the pages add up to the whole", async (scanBy) => {
    const whole = await query(queries, { ScanBy: scanBy });
    expect(whole.MetricDataResults?.map((result) => result.Values?.length)).toEqual([50, 50, 50]);

    const gathered = new Map<string, { timestamps: number[]; values: number[] }>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await query(queries, { ScanBy: scanBy, MaxDatapoints: 7, NextToken: token });
      pages += 1;
      const returned = (page.MetricDataResults ?? []).reduce((total, result) => total + (result.Values?.length ?? 0), 0);
      expect(returned).toBeLessThanOrEqual(7);
      for (const result of page.MetricDataResults ?? []) {
        const entry = gathered.get(result.Id ?? "") ?? { timestamps: [], values: [] };
        entry.timestamps.push(...(result.Timestamps ?? []).map((timestamp) => timestamp.getTime()));
        entry.values.push(...(result.Values ?? []));
        gathered.set(result.Id ?? "", entry);
      }
      token = page.NextToken;
      if (token) expect(page.MetricDataResults?.some((result) => result.StatusCode === "PartialData")).toBe(true);
      else expect(page.MetricDataResults?.every((result) => result.StatusCode === "Complete")).toBe(true);
    } while (token && pages < 100);

    expect(pages).toBe(Math.ceil(150 / 7));
    for (const result of whole.MetricDataResults ?? []) {
      expect(gathered.get(result.Id ?? "")).toEqual({
        timestamps: (result.Timestamps ?? []).map((timestamp) => timestamp.getTime()),
        values: result.Values,
      });
    }
  });

  it("marks the cut query and the ones after it PartialData on the first page", async () => {
    const page = await query(queries, { MaxDatapoints: 60 });
    expect(page.MetricDataResults?.map((result) => [result.Values?.length, result.StatusCode])).toEqual([
      [50, "Complete"],
      [10, "PartialData"],
      [0, "PartialData"],
    ]);
    expect(page.NextToken).toEqual(expect.any(String));
  });

  it("refuses a token that is not its own with InvalidNextToken", async () => {
    const first = await query(queries, { MaxDatapoints: 5 });
    for (const [token, other] of [
      ["garbage", queries],
      [first.NextToken, queries.slice(1)],
    ] as const) {
      const error = await rejection(query([...other], { MaxDatapoints: 5, NextToken: token }));
      expect(error).toBeInstanceOf(InvalidNextToken);
      expect(error).toMatchObject({ name: "InvalidNextToken", $metadata: { httpStatusCode: 400 } });
    }
  });

  it("accepts 500 queries and rejects 501", async () => {
    const many = (count: number) => Array.from({ length: count }, (_, index) => metricStat(`q${index}`, "Latency", "Sum", 3600));
    expect((await query(many(500))).MetricDataResults).toHaveLength(500);
    const error = await rejection(query(many(501)));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 400 }, message: expect.stringMatching(/greater than 500/) });
  });
});

describe("GetMetricData validation", () => {
  const good = metricStat("m", "Latency", "Sum", 60);
  it.each<[string, Partial<GetMetricDataCommandInput>, RegExp]>([
    ["StartTime equal to EndTime", { StartTime: at(H), EndTime: at(H) }, /must not equal/],
    ["StartTime after EndTime", { StartTime: at(H + HOUR), EndTime: at(H) }, /less than/],
    ["an Id with an upper-case start", { MetricDataQueries: [{ ...good, Id: "Bad" }] }, /Id is invalid/],
    ["a repeated Id", { MetricDataQueries: [good, good] }, /unique/],
    ["a math expression", { MetricDataQueries: [{ Id: "e", Expression: "m * 2" }] }, /does not support metric math/],
    ["a query without MetricStat", { MetricDataQueries: [{ Id: "e" }] }, /Exactly one of MetricStat and Expression/],
    ["an invalid statistic", { MetricDataQueries: [metricStat("m", "Latency", "Median", 60)] }, /not a valid statistic/],
    ["a period of 7 s", { MetricDataQueries: [metricStat("m", "Latency", "Sum", 7)] }, /Period must be/],
    ["a period of 90 s", { MetricDataQueries: [metricStat("m", "Latency", "Sum", 90)] }, /Period must be/],
    ["an unknown ScanBy", { ScanBy: "Sideways" as GetMetricDataCommandInput["ScanBy"] }, /ScanBy/],
    ["MaxDatapoints of 0", { MaxDatapoints: 0 }, /MaxDatapoints/],
    ["no StartTime", { StartTime: undefined }, /StartTime is required/],
  ])("rejects %s with ValidationException", async (_, change, message) => {
    const error = await rejection(query([good], change));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ name: "ValidationException", message: expect.stringMatching(message), $metadata: { httpStatusCode: 400 } });
  });
});
