import { CloudWatchClient, DescribeInsightRulesCommand, GetInsightRuleReportCommand, GetMetricDataCommand, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { ANALYTICS_ACCOUNT, DEMO_ACCOUNT, REPLICA_REGION, type FleetAccount } from "../fleet/demo-fleet";
import { fleetCloudWatch } from "../fleet/fleet-clients";
import { LOCAL_REGION } from "../local-clients";
import { HOT_CUSTOMER_PK } from "../seed/shop-items";

export type SignalCheck = { name: string; ok: boolean; detail: string };

const metric = (id: string, metricName: string, dimensions: Record<string, string>, stat = "Sum"): MetricDataQuery => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: "AWS/DynamoDB", MetricName: metricName, Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })) },
    Period: 60,
    Stat: stat,
  },
});

type Window = { StartTime: Date; EndTime: Date };

/** The values of each query, by id, read in one account and region. */
async function read(client: CloudWatchClient, window: Window, queries: MetricDataQuery[]): Promise<(id: string) => number[]> {
  const data = await client.send(new GetMetricDataCommand({ ...window, MetricDataQueries: queries }));
  return (id) => data.MetricDataResults?.find((result) => result.Id === id)?.Values ?? [];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The fleet's signals: Profiles replication published in the sending region, and each other tenant's own traffic. */
async function fleetChecks(endpoint: string, window: Window): Promise<SignalCheck[]> {
  const inTenant = async (account: FleetAccount, region: string, queries: MetricDataQuery[]) => {
    const client = fleetCloudWatch(endpoint, account, region, { maxAttempts: 2 });
    try {
      return await read(client, window, queries);
    } finally {
      client.destroy();
    }
  };
  const replication = { TableName: "Profiles", ReceivingRegion: REPLICA_REGION };
  const home = await inTenant(DEMO_ACCOUNT, LOCAL_REGION, [
    metric("latency", "ReplicationLatency", replication, "SampleCount"),
    metric("latencyMax", "ReplicationLatency", replication, "Maximum"),
    metric("pending", "PendingReplicationCount", replication, "SampleCount"),
  ]);
  const replica = await inTenant(DEMO_ACCOUNT, REPLICA_REGION, [metric("reads", "ConsumedReadCapacityUnits", { TableName: "Profiles" })]);
  const analytics = await inTenant(ANALYTICS_ACCOUNT, LOCAL_REGION, [metric("reads", "ConsumedReadCapacityUnits", { TableName: "Reports" })]);
  const latencyMax = Math.max(0, ...home("latencyMax"));
  return [
    { name: `Profiles ReplicationLatency to ${REPLICA_REGION}`, ok: sum(home("latency")) > 0, detail: `${sum(home("latency"))} replicated writes, at most ${Math.round(latencyMax)} ms` },
    { name: `Profiles PendingReplicationCount to ${REPLICA_REGION}`, ok: sum(home("pending")) > 0, detail: `${sum(home("pending"))} samples` },
    { name: `Profiles reads in ${REPLICA_REGION}`, ok: sum(replica("reads")) > 0, detail: `${sum(replica("reads"))} RCU` },
    { name: "Reports reads in the analytics account", ok: sum(analytics("reads")) > 0, detail: `${sum(analytics("reads"))} RCU` },
  ];
}

/**
 * Reads back, through the real CloudWatch SDK, the signals the demo workload is meant to produce: key-range throttling
 * on Shop with its hot key on top of Contributor Insights, provisioned throttling on Sessions, and Scan traffic and
 * key-range write throttling (the chatty device, with Contributor Insights off) on Events,
 * all in the demo account's us-east-1; with `fleet`, also the Profiles replica's lag metrics and the other tenants' traffic.
 */
export async function checkDemoSignals(cloudwatchEndpoint: string, sinceMs: number, untilMs = Date.now() + 60_000, options: { fleet?: boolean } = {}): Promise<SignalCheck[]> {
  const client = fleetCloudWatch(cloudwatchEndpoint, DEMO_ACCOUNT, LOCAL_REGION, { maxAttempts: 2 });
  try {
    const window = { StartTime: new Date(sinceMs), EndTime: new Date(untilMs) };
    const values = await read(client, window, [
      metric("shopKeyRange", "WriteKeyRangeThroughputThrottleEvents", { TableName: "Shop" }),
      metric("eventsKeyRange", "WriteKeyRangeThroughputThrottleEvents", { TableName: "Events" }),
      metric("sessionsProvisioned", "WriteProvisionedThroughputThrottleEvents", { TableName: "Sessions" }),
      metric("eventsScans", "SuccessfulRequestLatency", { TableName: "Events", Operation: "Scan" }, "SampleCount"),
    ]);
    const total = (id: string) => sum(values(id));
    const checks: SignalCheck[] = [
      { name: "Shop key-range write throttles", ok: total("shopKeyRange") > 0, detail: `${total("shopKeyRange")} events` },
      // Events' chatty device (HOT_DEVICE_ID) overloads its key with Contributor Insights off; only its stream names it.
      { name: "Events key-range write throttles", ok: total("eventsKeyRange") > 0, detail: `${total("eventsKeyRange")} events` },
      { name: "Sessions provisioned write throttles", ok: total("sessionsProvisioned") > 0, detail: `${total("sessionsProvisioned")} events` },
      { name: "Events Scan requests", ok: total("eventsScans") > 0, detail: `${total("eventsScans")} requests` },
    ];

    const rules = await client.send(new DescribeInsightRulesCommand({}));
    const pkc = rules.InsightRules?.find((rule) => rule.Name?.startsWith("DynamoDBContributorInsights-PKC-Shop-") && /-\d{13}$/.test(rule.Name))?.Name;
    if (!pkc) {
      checks.push({ name: "Shop hot key in Contributor Insights", ok: false, detail: "no PKC rule for Shop" });
    } else {
      const report = await client.send(new GetInsightRuleReportCommand({ RuleName: pkc, ...window, Period: 60, MaxContributorCount: 5, OrderBy: "Sum" }));
      const top = report.Contributors?.[0]?.Keys?.[0];
      checks.push({ name: "Shop hot key in Contributor Insights", ok: top === HOT_CUSTOMER_PK, detail: `top key ${top ?? "(none)"} in ${pkc}` });
    }
    if (options.fleet) checks.push(...(await fleetChecks(cloudwatchEndpoint, window)));
    return checks;
  } finally {
    client.destroy();
  }
}
