import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  CloudWatchServiceException,
  DescribeInsightRulesCommand,
  GetInsightRuleReportCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type CloudWatchClient,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsignedAuthorization } from "../../local/aws/shared/sigv4-scope";
import { localCloudWatchClient } from "../../local/aws/cloudwatch/local-cloudwatch-client";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { freePort } from "../../local/free-port";

const MINUTE = 60_000;
const T = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const TARGET = "GraniteServiceVersion20100801";

let cloudwatch: RunningLocalCloudWatch;
let client: CloudWatchClient;
let scratch: string;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (error: unknown) => error,
  );
}

function raw(operation: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(cloudwatch.endpoint, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": `${TARGET}.${operation}`,
      // The scope the SDK would sign with: the local services read the credential scope and check no signature.
      authorization: unsignedAuthorization("local", "us-east-1", "monitoring"),
      ...headers,
    },
    body,
  });
}

const stats = async () => ((await (await fetch(`${cloudwatch.endpoint}/_local/stats`)).json()) as { operations: Record<string, number> }).operations;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "local-cloudwatch-"));
  cloudwatch = await startLocalCloudWatch({ port: await freePort() });
  client = localCloudWatchClient(cloudwatch.endpoint);
});

afterAll(async () => {
  client.destroy();
  await cloudwatch.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe("the HTTP extras", () => {
  it("answers the health check", async () => {
    const response = await fetch(`${cloudwatch.endpoint}/_local/health`);
    expect(response.status).toBe(200);
  });

  it("counts every request per operation, failures included, until reset", async () => {
    expect((await fetch(`${cloudwatch.endpoint}/_local/stats/reset`, { method: "POST" })).status).toBe(204);
    expect(await stats()).toEqual({});
    const window = { StartTime: new Date(T - MINUTE), EndTime: new Date(T) };
    await client.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [] }));
    await client.send(new GetMetricDataCommand({ ...window, MetricDataQueries: [] }));
    await rejection(client.send(new PutMetricDataCommand({ Namespace: undefined, MetricData: [] })));
    await rejection(client.send(new SetAlarmStateCommand({ AlarmName: "x", StateValue: "OK", StateReason: "test" })));
    expect(await stats()).toEqual({ GetMetricData: 2, PutMetricData: 1, SetAlarmState: 1 });
    await fetch(`${cloudwatch.endpoint}/_local/stats/reset`, { method: "POST" });
    expect(await stats()).toEqual({});
  });

  it("refuses a /_local/insights body that is invalid or names an unknown rule, changing nothing", async () => {
    const post = (body: string) => fetch(`${cloudwatch.endpoint}/_local/insights`, { method: "POST", body });
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ rules: [{ name: "r" }] }))).status).toBe(400);
    const unknown = await post(
      JSON.stringify({
        rules: [{ name: "fresh", state: "ENABLED", schema: "{}", definition: "{}", managedRule: false }],
        samples: [{ ruleName: "nobody", keys: ["k"], timestampMs: T, value: 1 }],
      }),
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: expect.stringContaining("nobody") });
    expect((await client.send(new DescribeInsightRulesCommand({}))).InsightRules).toEqual([]);
    expect((await fetch(`${cloudwatch.endpoint}/_local/nowhere`)).status).toBe(404);
  });
});

describe("the wire protocol", () => {
  it("answers an operation it does not implement with UnknownOperationException", async () => {
    const error = await rejection(client.send(new SetAlarmStateCommand({ AlarmName: "x", StateValue: "OK", StateReason: "test" })));
    expect(error).toBeInstanceOf(CloudWatchServiceException);
    expect(error).toMatchObject({ name: "UnknownOperationException", $metadata: { httpStatusCode: 400 } });
  });

  it("answers a body it cannot read with SerializationException and stays up", async () => {
    for (const body of ["{not json", "[]", JSON.stringify({ MetricDataQueries: "nope" })]) {
      const response = await raw("GetMetricData", body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: expect.stringContaining("SerializationException") });
    }
    const corrupt = await raw("PutMetricData", Uint8Array.from(Buffer.from("not gzip")), { "content-encoding": "gzip" });
    expect(corrupt.status).toBe(400);
    expect((await client.send(new ListMetricsCommand({}))).$metadata.httpStatusCode).toBe(200);
  });

  it("sends modeled errors with __type and the x-amzn-query-error header", async () => {
    const response = await raw("PutMetricData", JSON.stringify({ MetricData: [] }));
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-query-error")).toBe("MissingParameter;Sender");
    expect(await response.json()).toEqual({ __type: "com.amazonaws.cloudwatch#MissingRequiredParameterException", message: "The parameter Namespace is required." });
  });

  it("inflates gzip bodies and reads epoch-second timestamps", async () => {
    const body = Uint8Array.from(gzipSync(JSON.stringify({ Namespace: "Test/Raw", MetricData: [{ MetricName: "m", Timestamp: T / 1000 + 0.25, Value: 2 }] })));
    expect((await raw("PutMetricData", body, { "content-encoding": "gzip" })).status).toBe(200);
    const response = await raw(
      "GetMetricData",
      JSON.stringify({
        StartTime: (T - MINUTE) / 1000,
        EndTime: (T + MINUTE) / 1000,
        MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: "Test/Raw", MetricName: "m" }, Period: 60, Stat: "Sum" } }],
      }),
    );
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.0");
    expect(await response.json()).toEqual({
      MetricDataResults: [{ Id: "m", Label: "m", Timestamps: [T / 1000], Values: [2], StatusCode: "Complete", Messages: [] }],
      Messages: [],
    });
  });
});

describe("the snapshot", () => {
  it("keeps metrics and insights across a restart", async () => {
    const snapshotPath = join(scratch, "nested", "cloudwatch.json");
    const first = await startLocalCloudWatch({ port: await freePort(), snapshotPath });
    const firstClient = localCloudWatchClient(first.endpoint);
    await firstClient.send(
      new PutMetricDataCommand({
        Namespace: "Test/Snapshot",
        MetricData: [
          { MetricName: "Latency", Timestamp: new Date(T), Values: [1, 9], Counts: [3, 1] },
          { MetricName: "Latency", Timestamp: new Date(T + 1_000), Value: 4, StorageResolution: 1 },
        ],
      }),
    );
    const definition = '{"AggregateOn":"Sum","Contribution":{"Keys":["$.pk"]}}';
    first.insights.defineRule({ name: "kept", state: "ENABLED", schema: "{}", definition, managedRule: false });
    first.insights.addSample({ ruleName: "kept", keys: ["hot"], timestampMs: T, value: 6 });
    firstClient.destroy();
    await first.stop();
    expect(JSON.parse(await readFile(snapshotPath, "utf8"))).toMatchObject({ version: 2, tenants: [{ accountId: "111111111111", region: "us-east-1" }] });

    const second = await startLocalCloudWatch({ port: await freePort(), snapshotPath });
    const secondClient = localCloudWatchClient(second.endpoint);
    try {
      const query = (stat: string, period: number) => ({
        Id: stat.toLowerCase(),
        MetricStat: { Metric: { Namespace: "Test/Snapshot", MetricName: "Latency" }, Period: period, Stat: stat },
      });
      const window = { StartTime: new Date(T), EndTime: new Date(T + MINUTE) };
      const output = await secondClient.send(
        new GetMetricDataCommand({ ...window, MetricDataQueries: [query("Sum", 60), query("p60", 60), query("SampleCount", 1)] }),
      );
      expect(output.MetricDataResults?.map((result) => result.Values)).toEqual([[16], [1], [1, 4]]);
      const report = await secondClient.send(new GetInsightRuleReportCommand({ ...window, RuleName: "kept", Period: 60 }));
      expect(report.Contributors).toEqual([{ Keys: ["hot"], ApproximateAggregateValue: 6, Datapoints: [{ Timestamp: new Date(T), ApproximateValue: 6 }] }]);
    } finally {
      secondClient.destroy();
      await second.stop();
    }
  });

  it("refuses to start from a snapshot it cannot read, rather than silently losing history", async () => {
    const snapshotPath = join(scratch, "corrupt.json");
    await writeFile(snapshotPath, '{"version": 2}');
    await expect(startLocalCloudWatch({ port: await freePort(), snapshotPath })).rejects.toThrow(/corrupt\.json.*delete it/s);
  });
});
