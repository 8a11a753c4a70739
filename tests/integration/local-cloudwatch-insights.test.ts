import {
  DescribeInsightRulesCommand,
  GetInsightRuleReportCommand,
  InvalidNextToken,
  InvalidParameterValueException,
  MissingRequiredParameterException,
  ResourceNotFoundException,
  ValidationException,
  type CloudWatchClient,
  type GetInsightRuleReportCommandInput,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InsightRuleDefinition, InsightSample } from "../../local/aws/cloudwatch/insight-store";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { freePort } from "../../local/free-port";

const MINUTE = 60_000;
const H = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const SCHEMA = '{"Name": "CloudWatchLogRule", "Version": 1}';
const PKC = "DynamoDBContributorInsights-PKC-orders-1700000000000";
const PKT = "DynamoDBContributorInsights-PKT-orders-1700000000000";

const rules: InsightRuleDefinition[] = [
  {
    name: PKC,
    state: "ENABLED",
    schema: SCHEMA,
    definition: JSON.stringify({
      Schema: { Name: "CloudWatchLogRule", Version: 1 },
      Contribution: { Keys: ["$.pk"], ValueOf: "$.ConsumedThroughputUnits" },
      AggregateOn: "Sum",
    }),
    managedRule: true,
  },
  { name: PKT, state: "ENABLED", schema: SCHEMA, definition: '{"Contribution":{"Keys":["$.pk"]},"AggregateOn":"Count"}', managedRule: true },
  { name: "free-form", state: "ENABLED", schema: SCHEMA, definition: "not json", managedRule: false },
  { name: "switched-off", state: "DISABLED", schema: SCHEMA, definition: '{"AggregateOn":"Sum"}', managedRule: false },
];

const sample = (ruleName: string, key: string, minute: number, value: number): InsightSample => ({
  ruleName,
  keys: [key],
  timestampMs: H + minute * MINUTE + 500,
  value,
});

let cloudwatch: RunningLocalCloudWatch;
let client: CloudWatchClient;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

const report = (input: Partial<GetInsightRuleReportCommandInput>) =>
  client.send(new GetInsightRuleReportCommand({ RuleName: PKC, StartTime: new Date(H), EndTime: new Date(H + 5 * MINUTE), Period: 60, ...input }));

beforeAll(async () => {
  cloudwatch = await startLocalCloudWatch({ port: await freePort() });
  client = localCloudWatchClient(cloudwatch.endpoint);
  // Half of the data arrives in-process (the metering proxy's path), half over HTTP (a separate process's path).
  for (const rule of rules.slice(0, 2)) cloudwatch.insights.defineRule(rule);
  for (const entry of [sample(PKC, "a", 0, 5), sample(PKC, "a", 0, 5), sample(PKC, "a", 1, 3), sample(PKC, "b", 0, 20)]) cloudwatch.insights.addSample(entry);
  const response = await fetch(`${cloudwatch.endpoint}/_local/insights`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      rules: rules.slice(2),
      samples: [
        ...[1, 1, 1, 1].map((value) => sample(PKC, "c", 1, value)),
        ...[1, 1].map((value) => sample(PKC, "c", 3, value)),
        sample(PKC, "a", 10, 100), // after the report's end
        ...[1, 1, 1].map((value) => sample(PKT, "x", 0, value)),
        sample(PKT, "y", 2, 1),
        sample("free-form", "k", 0, 2),
        sample("switched-off", "k", 0, 2),
      ],
    }),
  });
  expect(response.status).toBe(204);
});

afterAll(async () => {
  client.destroy();
  await cloudwatch.stop();
});

describe("GetInsightRuleReport", () => {
  it("ranks contributors by their summed value and caps them at MaxContributorCount", async () => {
    const output = await report({ MaxContributorCount: 2 });
    expect(output).toMatchObject({ KeyLabels: ["$.pk"], AggregationStatistic: "Sum", AggregateValue: 39, ApproximateUniqueCount: 3 });
    expect(output.Contributors).toEqual([
      { Keys: ["b"], ApproximateAggregateValue: 20, Datapoints: [{ Timestamp: new Date(H), ApproximateValue: 20 }] },
      {
        Keys: ["a"],
        ApproximateAggregateValue: 13,
        Datapoints: [
          { Timestamp: new Date(H), ApproximateValue: 10 },
          { Timestamp: new Date(H + MINUTE), ApproximateValue: 3 },
        ],
      },
    ]);
    expect(output.MetricDatapoints).toEqual([]);
  });

  it("ranks by the largest period value with OrderBy Maximum and regroups datapoints by Period", async () => {
    const byMaximum = await report({ OrderBy: "Maximum" });
    expect(byMaximum.Contributors?.map((contributor) => [contributor.Keys?.[0], contributor.ApproximateAggregateValue])).toEqual([
      ["b", 20],
      ["a", 10],
      ["c", 4],
    ]);
    const twoMinutes = await report({ Period: 120 });
    expect(twoMinutes.Contributors?.find((contributor) => contributor.Keys?.[0] === "c")?.Datapoints).toEqual([
      { Timestamp: new Date(H), ApproximateValue: 4 },
      { Timestamp: new Date(H + 2 * MINUTE), ApproximateValue: 2 },
    ]);
  });

  it("returns the requested metric datapoints for each period with data", async () => {
    const output = await report({ Metrics: ["UniqueContributors", "MaxContributorValue", "SampleCount", "Average", "Sum", "Minimum", "Maximum"] });
    expect(output.MetricDatapoints).toEqual([
      { Timestamp: new Date(H), UniqueContributors: 2, MaxContributorValue: 20, SampleCount: 3, Average: 15, Sum: 30, Minimum: 5, Maximum: 20 },
      { Timestamp: new Date(H + MINUTE), UniqueContributors: 2, MaxContributorValue: 4, SampleCount: 5, Average: 3.5, Sum: 7, Minimum: 1, Maximum: 3 },
      { Timestamp: new Date(H + 3 * MINUTE), UniqueContributors: 1, MaxContributorValue: 2, SampleCount: 2, Average: 2, Sum: 2, Minimum: 1, Maximum: 1 },
    ]);
    const some = await report({ Metrics: ["MaxContributorValue"] });
    expect(some.MetricDatapoints?.[0]).toEqual({ Timestamp: new Date(H), MaxContributorValue: 20 });
  });

  it("counts events for a Count rule, defaults labels for a free-form rule and stays empty for a disabled one", async () => {
    const counted = await report({ RuleName: PKT });
    expect(counted).toMatchObject({ AggregationStatistic: "Count", AggregateValue: 4, ApproximateUniqueCount: 2 });
    expect(counted.Contributors?.map((contributor) => [contributor.Keys, contributor.ApproximateAggregateValue])).toEqual([
      [["x"], 3],
      [["y"], 1],
    ]);
    expect(await report({ RuleName: "free-form" })).toMatchObject({ KeyLabels: ["Key1"], AggregationStatistic: "Sum", AggregateValue: 2 });
    expect(await report({ RuleName: "switched-off" })).toMatchObject({ AggregateValue: 0, ApproximateUniqueCount: 0, Contributors: [] });
  });

  it("answers ResourceNotFoundException for a rule that does not exist", async () => {
    const error = await rejection(report({ RuleName: "no-such-rule" }));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ name: "ResourceNotFoundException", ResourceId: "no-such-rule", $metadata: { httpStatusCode: 404 } });
  });

  it("answers MissingRequiredParameterException without a RuleName", async () => {
    const error = await rejection(report({ RuleName: undefined }));
    expect(error).toBeInstanceOf(MissingRequiredParameterException);
    expect(error).toMatchObject({ name: "MissingRequiredParameterException", $metadata: { httpStatusCode: 400 } });
  });

  it.each<[string, Partial<GetInsightRuleReportCommandInput>, RegExp]>([
    ["MaxContributorCount 101", { MaxContributorCount: 101 }, /MaxContributorCount/],
    ["MaxContributorCount 0", { MaxContributorCount: 0 }, /MaxContributorCount/],
    ["an unknown metric", { Metrics: ["Median"] }, /Metrics\.member\.1/],
    ["an unknown OrderBy", { OrderBy: "Minimum" }, /OrderBy/],
    ["a zero Period", { Period: 0 }, /Period/],
    ["EndTime before StartTime", { StartTime: new Date(H + MINUTE), EndTime: new Date(H) }, /StartTime/],
  ])("rejects %s with InvalidParameterValueException", async (_, input, message) => {
    const error = await rejection(report(input));
    expect(error).toBeInstanceOf(InvalidParameterValueException);
    expect(error).toMatchObject({ name: "InvalidParameterValueException", message: expect.stringMatching(message), $metadata: { httpStatusCode: 400 } });
  });
});

describe("DescribeInsightRules", () => {
  it("lists every rule with its fields, paged by MaxResults", async () => {
    const first = await client.send(new DescribeInsightRulesCommand({ MaxResults: 3 }));
    expect(first.InsightRules).toHaveLength(3);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await client.send(new DescribeInsightRulesCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    const all = [...(first.InsightRules ?? []), ...(second.InsightRules ?? [])];
    expect(all.map((rule) => rule.Name)).toEqual([PKC, PKT, "free-form", "switched-off"]);
    expect(all[0]).toEqual({ Name: PKC, State: "ENABLED", Schema: SCHEMA, Definition: rules[0]?.definition, ManagedRule: true });
    expect(all.find((rule) => rule.Name === "switched-off")?.State).toBe("DISABLED");
    expect((await client.send(new DescribeInsightRulesCommand({}))).InsightRules).toHaveLength(4);
  });

  it("answers InvalidNextToken for a token it did not issue", async () => {
    const error = await rejection(client.send(new DescribeInsightRulesCommand({ NextToken: "bogus" })));
    expect(error).toBeInstanceOf(InvalidNextToken);
    expect(error).toMatchObject({ name: "InvalidNextToken", $metadata: { httpStatusCode: 400 } });
  });

  it("answers ValidationException for MaxResults outside 1–500", async () => {
    const error = await rejection(client.send(new DescribeInsightRulesCommand({ MaxResults: 0 })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ name: "ValidationException", $metadata: { httpStatusCode: 400 } });
  });
});
