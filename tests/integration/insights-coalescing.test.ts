// Contributor Insights under many viewers: GetInsightRuleReport takes one rule per call, so a round costs one call per
// rule, and viewers of one table and aligned window must share that round. Counted on this file's own local
// CloudWatch (/_local/stats) and metering proxy (DescribeContributorInsights), which the dashboard reads here.
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as insightsRoute from "@/app/api/tables/[table]/insights/route";
import type { InsightsResponse } from "@/lib/insights/insights-types";
import { resolveMetricWindow, type MetricWindow } from "@/lib/metrics/metric-window";
import { tableInsights } from "@/lib/server/insights/table-insights";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";
import { startMeteringStack, type MeteringStack } from "../support/metering-stack";
import { localStats, resetLocalStats } from "../support/metrics-fixtures";
import { warmCosts } from "../support/cost-warmup";

// Each test file has its own module graph, so lib/env.ts parses these values afresh.
vi.stubEnv("TABLES", "it-insco-*");

const TABLE = "it-insco-Orders";
const MINUTE = 60_000;
/** The table (partition and sort key) has PKC, PKT, SKC and SKT; its GSI (partition key only) has PKC and PKT. */
const RULES = 6;
/** DescribeContributorInsights is asked once per resource: the table and its GSI. */
const RESOURCES = 2;
let stack: MeteringStack;

const reportCalls = async () => (await localStats(stack.cloudwatch.endpoint)).GetInsightRuleReport ?? 0;
const describeCalls = () => stack.proxy.requestCounts().DescribeContributorInsights ?? 0;

function windowAt(range: "1h" | "3h", nowMs: number): MetricWindow {
  const resolved = resolveMetricWindow({ range }, nowMs);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.window;
}

beforeAll(async () => {
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    {
      TableName: TABLE,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        { AttributeName: "g", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [{ IndexName: "ByG", KeySchema: [{ AttributeName: "g", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } }],
    },
  ]);
  fixtures.destroy();
  stack = await startMeteringStack({ contributorInsights: { [TABLE]: "ACCESSED_AND_THROTTLED_KEYS", [`${TABLE}/ByG`]: "ACCESSED_AND_THROTTLED_KEYS" } });
  // Some traffic, so every rule has contributors to report.
  for (let i = 0; i < 6; i++) await stack.viaProxy.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: `key-${i % 2}` }, sk: { S: String(i) }, g: { S: `g-${i % 3}` } } }));
  await stack.proxy.flush();
  // The dashboard's own clients read this file's proxy and CloudWatch; lib/env.ts reads these on first use.
  vi.stubEnv("DYNAMODB_ENDPOINT", stack.proxy.endpoint);
  vi.stubEnv("CLOUDWATCH_ENDPOINT", stack.cloudwatch.endpoint);
});

afterAll(async () => {
  vi.useRealTimers();
  await stack.stop();
});

describe("Contributor Insights under concurrent viewers", () => {
  const minute = Math.floor(Date.now() / MINUTE) * MINUTE;

  it("gives 20 viewers asking for the last hour at different moments of one minute one round: a call per rule", async () => {
    // Each viewer resolves "last 1h" at its own `now`, as each request does; alignment must give them one window.
    const nows = Array.from({ length: 20 }, (_, i) => minute + 1_000 + i * 2_500);
    const windows = nows.map((now) => windowAt("1h", now));
    for (const window of windows) expect(window).toEqual(windows[0]);
    await resetLocalStats(stack.cloudwatch.endpoint);
    const describedBefore = describeCalls();

    const answers = await Promise.all(nows.map((now, i) => tableInsights(LOCAL_SCOPE, TABLE, windows[i] ?? windowAt("1h", now), {}, now)));
    expect(await reportCalls()).toBe(RULES);
    expect(describeCalls() - describedBefore).toBe(RESOURCES);
    const outcomes = answers.map((answer) => answer.report?.cache);
    expect(outcomes.filter((outcome) => outcome === "miss")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "coalesced")).toHaveLength(19);
    const [first] = answers;
    expect(first?.report?.resources.map((resource) => [resource.index, Object.keys(resource.rules).sort()])).toEqual([
      [null, ["PKC", "PKT", "SKC", "SKT"]],
      ["ByG", ["PKC", "PKT"]],
    ]);
    for (const answer of answers) expect({ ...answer.report, cache: null }).toEqual({ ...first?.report, cache: null });

    // A viewer later in the same minute is answered from the cache.
    const late = minute + 59_000;
    expect((await tableInsights(LOCAL_SCOPE, TABLE, windowAt("1h", late), {}, late)).report?.cache).toBe("hit");
    expect(await reportCalls()).toBe(RULES);
    expect(describeCalls() - describedBefore).toBe(RESOURCES);
  });

  it("reads a new round once the aligned window moves on a period, with the status still cached", async () => {
    const nows = Array.from({ length: 5 }, (_, i) => minute + MINUTE + 5_000 + i * 1_000);
    await resetLocalStats(stack.cloudwatch.endpoint);
    const describedBefore = describeCalls();
    const answers = await Promise.all(nows.map((now) => tableInsights(LOCAL_SCOPE, TABLE, windowAt("1h", now), {}, now)));
    expect(answers.map((answer) => answer.report?.start)).toEqual(Array(5).fill(windowAt("1h", minute).startMs + MINUTE));
    expect(await reportCalls()).toBe(RULES);
    expect(describeCalls() - describedBefore).toBe(0);
  });

  it("gives concurrent insights and diagnosis requests for one table and range one report round and one metrics round", async () => {
    // Only Date is frozen (not timers or I/O), so every request resolves the same aligned "last 3h".
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(minute + 20_000);
    await warmCosts([TABLE]);
    await resetLocalStats(stack.cloudwatch.endpoint);
    const insights = Array.from({ length: 10 }, () => callRoute(insightsRoute.GET, `/api/tables/${TABLE}/insights?range=3h`, { table: TABLE }));
    const diagnoses = Array.from({ length: 10 }, () => callRoute(diagnosisRoute.GET, `/api/tables/${TABLE}/diagnosis?range=3h`, { table: TABLE }));
    const responses = await Promise.all([...insights, ...diagnoses]);
    vi.useRealTimers();
    for (const response of responses) expect(response.status).toBe(200);
    for (const response of responses.slice(0, 10)) expect((response.body as InsightsResponse).report?.resources).toHaveLength(RESOURCES);
    const stats = await localStats(stack.cloudwatch.endpoint);
    expect(stats.GetInsightRuleReport).toBe(RULES);
    // One metrics round for the window, and one for each of the diagnosis's baselines (a day and a week earlier).
    expect(stats.GetMetricData).toBe(3);
  });
});
