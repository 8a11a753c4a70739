// CloudWatch failures reach the browser as a 502 that names the AWS error. The local CloudWatch cannot refuse a
// caller's permissions or throttle it, so those two are simulated on the product's client (mocks only for failures
// the real component cannot produce); a closed port is a real network failure.
import { LOCAL_SCOPE } from "@/tests/support/local-scope";
import { DescribeAlarmsCommand, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../local/free-port";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../local/local-clients";
import * as tableRoute from "@/app/api/tables/[table]/route";
import * as metricsRoute from "@/app/api/tables/[table]/metrics/route";
import * as overviewRoute from "@/app/api/metrics/overview/route";
import * as diagnosisOverviewRoute from "@/app/api/diagnosis/overview/route";
import type { DiagnosisOverviewResponse } from "@/lib/diagnosis/diagnosis-response";
import { cloudwatch, createCloudWatchClient } from "@/lib/server/aws/clients";
import { fetchMetricData } from "@/lib/server/metrics/get-metric-data";
import { callRoute, createTables, fixtureClient } from "../support/local-tables";

const TABLE = "it-metrics-fail-Orders";
const fixtures = fixtureClient();
const mock = mockClient(cloudwatch(LOCAL_SCOPE));

beforeAll(async () => {
  await createTables(fixtures, [
    { TableName: TABLE, BillingMode: "PAY_PER_REQUEST", AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }], KeySchema: [{ AttributeName: "id", KeyType: "HASH" }] },
  ]);
});

afterEach(() => mock.reset());

afterAll(() => {
  mock.restore();
  fixtures.destroy();
});

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode: 400 } });

describe("a CloudWatch failure", () => {
  it("is a 502 naming AccessDeniedException, and the table itself still answers", async () => {
    mock.on(GetMetricDataCommand).rejects(awsError("AccessDeniedException", "User: arn:aws:iam::123456789012:user/lens is not authorized to perform: cloudwatch:GetMetricData"));
    const { status, body } = await callRoute(metricsRoute.GET, `/api/tables/${TABLE}/metrics?range=1h`, { table: TABLE });
    expect(status).toBe(502);
    expect(body).toEqual({ error: { code: "UPSTREAM", message: expect.stringMatching(/^CloudWatch failed: AccessDeniedException: User: .* cloudwatch:GetMetricData$/) } });
    // DynamoDB's own AccessDenied mapping (403) is untouched, and the rest of the page keeps working.
    expect((await callRoute(tableRoute.GET, `/api/tables/${TABLE}`, { table: TABLE })).status).toBe(200);
  });

  it("leaves the diagnosis overview answering: each line says CloudWatch failed and is a partial check, never healthy", async () => {
    // Before any overview batch is cached in this file, so the failure reaches the overview's diagnosis.
    mock.on(GetMetricDataCommand).rejects(awsError("ThrottlingException", "Rate exceeded"));
    // Only GetMetricData fails here: the alarm listing answers (empty), as an unmocked command would not.
    mock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });
    const { status, body } = await callRoute(diagnosisOverviewRoute.GET, "/api/diagnosis/overview", {});
    expect(status, JSON.stringify(body)).toBe(200);
    const line = (body as DiagnosisOverviewResponse).tables[TABLE];
    expect(line).toMatchObject({
      kind: "no-data",
      severity: "warning",
      check: "partial",
      notChecked: [
        { check: "capacity, throttling and request mix", reason: "CloudWatch metrics could not be read: CloudWatch failed: ThrottlingException: Rate exceeded" },
        // The baselines are GetMetricData too (the same hour yesterday and last week).
        { check: "baselines", reason: "The same hour yesterday and last week could not be read: CloudWatch failed: ThrottlingException: Rate exceeded" },
        // And so is the cost (14 days of one-minute sums).
        { check: "capacity mode cost", reason: "The cost could not be worked out: CloudWatch failed: ThrottlingException: Rate exceeded" },
      ],
      inputs: { metrics: { ok: false, error: "CloudWatch failed: ThrottlingException: Rate exceeded" } },
    });
  });

  it("is a 502 for CloudWatch throttling too (not the 429 DynamoDB throttling gets), and is not cached", async () => {
    mock.on(GetMetricDataCommand).rejects(awsError("ThrottlingException", "Rate exceeded"));
    const overview = await callRoute(overviewRoute.GET, "/api/metrics/overview", {});
    expect(overview).toMatchObject({ status: 502, body: { error: { code: "UPSTREAM", message: "CloudWatch failed: ThrottlingException: Rate exceeded" } } });
    mock.reset();
    mock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    expect((await callRoute(overviewRoute.GET, "/api/metrics/overview", {})).status).toBe(200);
  });

  it("names the network error when CloudWatch cannot be reached", async () => {
    const closed = createCloudWatchClient({ endpoint: `http://127.0.0.1:${await freePort()}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    const query = { key: "k", metric: "ConsumedReadCapacityUnits", stat: "Sum", dimensions: [{ name: "TableName", value: TABLE }], periodSeconds: 60 };
    await expect(fetchMetricData(LOCAL_SCOPE, [query], { startMs: Date.now() - 3_600_000, endMs: Date.now() }, { client: closed })).rejects.toMatchObject({
      status: 502,
      message: expect.stringMatching(/^CloudWatch failed: ECONNREFUSED: /),
    });
    closed.destroy();
  });
});
