// A baseline that cannot be read: CloudWatch refusing only the reads of the past (the local CloudWatch cannot throttle
// a caller, so GetMetricData is simulated on the product's client, answering the live window and refusing anything that
// starts more than 12 hours back). The live charts and the verdicts still answer; the baseline says why it is missing,
// and the overview names "baselines" among the checks it could not run.
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { DescribeAlarmsCommand, GetMetricDataCommand, type GetMetricDataCommandInput, type GetMetricDataCommandOutput } from "@aws-sdk/client-cloudwatch";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as diagnosisOverviewRoute from "@/app/api/diagnosis/overview/route";
import * as diagnosisRoute from "@/app/api/tables/[table]/diagnosis/route";
import * as metricsRoute from "@/app/api/tables/[table]/metrics/route";
import type { DiagnosisOverviewResponse, DiagnosisResponse } from "@/lib/diagnosis/diagnosis-response";
import type { MetricsResponse } from "@/lib/metrics/metrics-response";
import { cloudwatch } from "@/lib/server/aws/clients";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";

const TABLE = "it-baseline-fail-Orders";
const HOUR = 3_600_000;
const mock = mockClient(cloudwatch(LOCAL_SCOPE));
const refused = Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $fault: "client", $metadata: { httpStatusCode: 400 } });
let pastReads = 0;

/** Every query of the live window gets 600 units in its first minute; a read of the past is throttled. */
function answer(input: GetMetricDataCommandInput): GetMetricDataCommandOutput {
  const start = input.StartTime instanceof Date ? input.StartTime.getTime() : 0;
  if (start < Date.now() - 12 * HOUR) {
    pastReads++;
    throw refused;
  }
  const at = new Date(Math.ceil(start / 60_000) * 60_000);
  return { MetricDataResults: (input.MetricDataQueries ?? []).map((query) => ({ Id: query.Id, StatusCode: "Complete", Timestamps: [at], Values: [600] })), $metadata: {} };
}

beforeAll(async () => {
  vi.stubEnv("TABLES", "it-baseline-fail-*");
  const fixtures = fixtureClient();
  await createTables(fixtures, [
    { TableName: TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" }] },
  ]);
  fixtures.destroy();
  mock.on(GetMetricDataCommand).callsFake(answer);
  // The alarm listing answers (empty), so the only missing input is the baselines.
  mock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
});

afterAll(() => {
  mock.restore();
});

describe("a baseline CloudWatch refuses", () => {
  it("leaves the live metrics answering, the baseline saying why it has no data", async () => {
    const { status, body } = await callRoute(metricsRoute.GET, `/api/tables/${TABLE}/metrics?range=1h&compare=1d`, { table: TABLE });
    expect(status, JSON.stringify(body)).toBe(200);
    const response = body as MetricsResponse;
    expect(response.series.find((series) => series.metric === "ConsumedWriteCapacityUnits" && series.scope.index === null)?.values.some((value) => value === 10)).toBe(true);
    expect(response.baseline).toMatchObject({ offset: "1d", unavailable: "CloudWatch failed: ThrottlingException: Rate exceeded" });
    expect(response.baseline?.series.map((series) => series.id)).toEqual(response.series.map((series) => series.id));
    expect(response.baseline?.series.every((series) => series.values.every((value) => value === null))).toBe(true);
  });

  it("is asked again at most every 10 s, not once per viewer", async () => {
    pastReads = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => callRoute(metricsRoute.GET, `/api/tables/${TABLE}/metrics?range=1h&compare=1w`, { table: TABLE })));
    expect(answers.every((entry) => entry.status === 200 && (entry.body as MetricsResponse).baseline?.unavailable !== undefined)).toBe(true);
    await callRoute(metricsRoute.GET, `/api/tables/${TABLE}/metrics?range=1h&compare=1w`, { table: TABLE });
    expect(pastReads).toBe(1);
  });

  it("gives the diagnosis without the baseline verdicts, and the overview a partial check naming the baselines", async () => {
    const page = (await callRoute(diagnosisRoute.GET, `/api/tables/${TABLE}/diagnosis?range=1h`, { table: TABLE })).body as DiagnosisResponse;
    expect(page.inputs.metrics).toEqual({ ok: true });
    expect(page.inputs.baselines).toEqual({ ok: false, error: "CloudWatch failed: ThrottlingException: Rate exceeded" });
    expect(page.verdicts.map((verdict) => verdict.kind)).not.toContain("unusual-traffic");

    const { status, body } = await callRoute(diagnosisOverviewRoute.GET, "/api/diagnosis/overview", {});
    expect(status, JSON.stringify(body)).toBe(200);
    const line = (body as DiagnosisOverviewResponse).tables[TABLE];
    expect(line?.check).toBe("partial");
    expect(line?.notChecked).toEqual([
      { check: "baselines", reason: "The same hour yesterday and last week could not be read: CloudWatch failed: ThrottlingException: Rate exceeded" },
      // The cost reads 14 days back, so the same refusal of the past stops it too: named, never silently dropped.
      { check: "capacity mode cost", reason: "The cost could not be worked out: CloudWatch failed: ThrottlingException: Rate exceeded" },
    ]);
    expect(line?.partialNote).toMatch(/; baselines and capacity mode cost not checked\./);
  });
});
