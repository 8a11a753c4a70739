import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CloudWatchServiceException,
  DescribeInsightRulesCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
  type CloudWatchClient,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsignedAuthorization } from "../../local/aws/shared/sigv4-scope";
import { startLocalCloudWatch, type RunningLocalCloudWatch } from "../../local/aws/cloudwatch/start-local-cloudwatch";
import { ANALYTICS_ACCOUNT, DEMO_ACCOUNT, type FleetAccount } from "../../local/fleet/demo-fleet";
import { fleetCloudWatch } from "../../local/fleet/fleet-clients";
import { overrideAuthorization } from "../support/authorization-override";

// CloudWatch keeps metrics and Contributor Insights rules per account and region. The local CloudWatch tells them apart
// by the SigV4 credential scope on one port: each test reads and writes through the real SDK, signed per tenant.
const MINUTE = 60_000;
const T = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;

let cloudwatch: RunningLocalCloudWatch;
let scratch: string;
const clients: CloudWatchClient[] = [];

function client(account: FleetAccount, region: string): CloudWatchClient {
  const made = fleetCloudWatch(cloudwatch.endpoint, account, region);
  clients.push(made);
  return made;
}

async function put(target: CloudWatchClient, namespace: string, value: number): Promise<void> {
  await target.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: [{ MetricName: "Hits", Dimensions: [{ Name: "TableName", Value: "Twin" }], Timestamp: new Date(T), Value: value }] }));
}

async function sum(target: CloudWatchClient, namespace: string): Promise<number[]> {
  const output = await target.send(
    new GetMetricDataCommand({
      StartTime: new Date(T - MINUTE),
      EndTime: new Date(T + MINUTE),
      MetricDataQueries: [{ Id: "m", MetricStat: { Metric: { Namespace: namespace, MetricName: "Hits", Dimensions: [{ Name: "TableName", Value: "Twin" }] }, Period: 60, Stat: "Sum" } }],
    }),
  );
  return output.MetricDataResults?.[0]?.Values ?? [];
}

async function listed(target: CloudWatchClient, namespace: string): Promise<number> {
  return (await target.send(new ListMetricsCommand({ Namespace: namespace }))).Metrics?.length ?? 0;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "local-cloudwatch-tenants-"));
  cloudwatch = await startLocalCloudWatch();
});

afterAll(async () => {
  for (const made of clients) made.destroy();
  await cloudwatch.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe("metrics per account and region", () => {
  it("keeps a metric put in eu-west-1 out of us-east-1 and out of another account", async () => {
    const demoEu = client(DEMO_ACCOUNT, "eu-west-1");
    const demoUs = client(DEMO_ACCOUNT, "us-east-1");
    const analyticsEu = client(ANALYTICS_ACCOUNT, "eu-west-1");
    await put(demoEu, "Test/Tenants", 7);
    await put(demoUs, "Test/Tenants", 100);
    expect(await sum(demoEu, "Test/Tenants")).toEqual([7]);
    expect(await sum(demoUs, "Test/Tenants")).toEqual([100]);
    expect(await sum(analyticsEu, "Test/Tenants")).toEqual([]);
    expect(await listed(demoEu, "Test/Tenants")).toBe(1);
    expect(await listed(analyticsEu, "Test/Tenants")).toBe(0);
    expect(await listed(client(ANALYTICS_ACCOUNT, "us-east-1"), "Test/Tenants")).toBe(0);
    // In process, the same split: storesFor takes a key and a region, as the credential scope does.
    expect(cloudwatch.storesFor("local", "eu-west-1").metrics.listMetrics({ namespace: "Test/Tenants" })).toHaveLength(1);
    expect(cloudwatch.storesFor("analytics", "us-east-1").metrics.listMetrics({ namespace: "Test/Tenants" })).toHaveLength(0);
  });

  it("files Contributor Insights rules under the tenant named by the /_local/insights request's credential scope", async () => {
    const rule = { name: "eu-only-rule", state: "ENABLED", schema: "{}", definition: '{"AggregateOn":"Sum","Contribution":{"Keys":["$.pk"]}}', managedRule: true };
    const response = await fetch(`${cloudwatch.endpoint}/_local/insights`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: unsignedAuthorization("analytics", "eu-west-1", "monitoring") },
      body: JSON.stringify({ rules: [rule], samples: [{ ruleName: rule.name, keys: ["k"], timestampMs: T, value: 3 }] }),
    });
    expect(response.status).toBe(204);
    const names = async (target: CloudWatchClient) => ((await target.send(new DescribeInsightRulesCommand({}))).InsightRules ?? []).map((entry) => entry.Name);
    expect(await names(client(ANALYTICS_ACCOUNT, "eu-west-1"))).toEqual(["eu-only-rule"]);
    expect(await names(client(ANALYTICS_ACCOUNT, "us-east-1"))).toEqual([]);
    expect(await names(client(DEMO_ACCOUNT, "eu-west-1"))).toEqual([]);

    const garbled = await fetch(`${cloudwatch.endpoint}/_local/insights`, { method: "POST", headers: { authorization: "garbage" }, body: JSON.stringify({ rules: [rule] }) });
    expect(garbled.status).toBe(400);
  });
});

describe("requests without a usable signature", () => {
  it("answers an unsigned request with MissingAuthenticationToken (403), through the SDK's query-compatible error handling", async () => {
    const unsigned = client(DEMO_ACCOUNT, "us-east-1");
    overrideAuthorization(unsigned, undefined);
    const error = await unsigned.send(new ListMetricsCommand({})).then(
      () => expect.fail("an unsigned request must be refused"),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CloudWatchServiceException);
    expect(error).toMatchObject({ name: "MissingAuthenticationToken", message: "Request is missing Authentication Token", $metadata: { httpStatusCode: 403 } });
  });

  it("answers an Authorization header without a credential scope with IncompleteSignature (400)", async () => {
    const garbled = client(DEMO_ACCOUNT, "us-east-1");
    overrideAuthorization(garbled, "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=0");
    const error = await garbled.send(new ListMetricsCommand({})).then(
      () => expect.fail("a request without a credential scope must be refused"),
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: "IncompleteSignature", message: expect.stringContaining("requires 'Credential' parameter"), $metadata: { httpStatusCode: 400 } });
  });
});

describe("the snapshot", () => {
  it("keeps every tenant apart across a restart", async () => {
    const snapshotPath = join(scratch, "tenants.json");
    const first = await startLocalCloudWatch({ snapshotPath });
    const eu = fleetCloudWatch(first.endpoint, DEMO_ACCOUNT, "eu-west-1");
    const analytics = fleetCloudWatch(first.endpoint, ANALYTICS_ACCOUNT, "us-east-1");
    await put(eu, "Test/Snapshot", 4);
    await put(analytics, "Test/Snapshot", 9);
    eu.destroy();
    analytics.destroy();
    await first.stop();

    const second = await startLocalCloudWatch({ snapshotPath });
    const read = async (account: FleetAccount, region: string) => {
      const reader = fleetCloudWatch(second.endpoint, account, region);
      try {
        return await sum(reader, "Test/Snapshot");
      } finally {
        reader.destroy();
      }
    };
    try {
      expect(await read(DEMO_ACCOUNT, "eu-west-1")).toEqual([4]);
      expect(await read(ANALYTICS_ACCOUNT, "us-east-1")).toEqual([9]);
      expect(await read(DEMO_ACCOUNT, "us-east-1")).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it("loads a version-1 snapshot (one tenant) as the demo account's us-east-1", async () => {
    const snapshotPath = join(scratch, "v1.json");
    const bucket = { t: T, n: 1, s: 5, min: 5, max: 5, h: [[5, 1]], p: true };
    const series = { namespace: "Test/V1", metricName: "Hits", dimensions: [{ name: "TableName", value: "Twin" }], latestTimestampMs: T, sets: [{ resolution: 60, unit: "None", buckets: [bucket] }] };
    await writeFile(snapshotPath, JSON.stringify({ version: 1, savedAt: new Date().toISOString(), metrics: { series: [series] }, insights: { rules: [] } }));
    const restored = await startLocalCloudWatch({ snapshotPath });
    const home = fleetCloudWatch(restored.endpoint, DEMO_ACCOUNT, "us-east-1");
    const eu = fleetCloudWatch(restored.endpoint, DEMO_ACCOUNT, "eu-west-1");
    try {
      expect(await sum(home, "Test/V1")).toEqual([5]);
      expect(await sum(eu, "Test/V1")).toEqual([]);
    } finally {
      home.destroy();
      eu.destroy();
      await restored.stop();
    }
  });
});
